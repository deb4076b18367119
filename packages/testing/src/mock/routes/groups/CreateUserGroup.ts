import type { CreateUserGroupRequestBody } from '@koodrive/types';
import { callerOf, freshId } from '../../state/org-model.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Creates a group of the given kind, owned by the caller (X-User-Id), who is its first member; answers its `id`. */
export const CreateUserGroup: MockHandler = ({ body, headers }, { state, now }) => {
  const { groupName, sourceType } = body as CreateUserGroupRequestBody;
  const { org } = state;
  const owner = callerOf(org, headers);
  const time = now().toISOString();
  const id = freshId(
    '14100000',
    org.groups.map((group) => group.id),
  );
  org.groups.push({
    id,
    groupName,
    ownerId: owner.id,
    sourceType: sourceType as 0 | 1,
    createdTime: time,
    updatedTime: time,
    members: [{ userId: owner.id, role: 0, top: 0, createdTime: time, updatedTime: time }],
  });
  return ok({ id });
};
