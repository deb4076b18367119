import type { batchDeleteGroupMembersRequestBody } from '@koodrive/types';
import { findUser } from '../../state/org-model.js';
import { batchStatus, groupMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Removes users from a group. A user who is not a member, or who owns the group, fails:
 * `failedList` names them and `status` says whether all, some or none were removed.
 */
export const batchDeleteGroupMembers: MockHandler = ({ pathParams, body }, { state, now }) => {
  const { org } = state;
  const group = org.groups.find((candidate) => candidate.id === pathParams.groupId);
  if (!group) return groupMissing();
  const { amendModRoles } = body as batchDeleteGroupMembersRequestBody;
  const failedList: string[] = [];
  for (const { userId } of amendModRoles) {
    const user = userId === undefined ? undefined : findUser(org, String(userId));
    const membership = group.members.find((member) => member.userId === user?.id);
    if (!membership || membership.userId === group.ownerId) {
      failedList.push(String(userId ?? ''));
      continue;
    }
    group.members.splice(group.members.indexOf(membership), 1);
  }
  group.updatedTime = now().toISOString();
  return ok({ status: batchStatus(amendModRoles.length, failedList.length), failedList });
};
