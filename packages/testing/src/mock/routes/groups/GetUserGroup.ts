import { userGroupView } from '../../../factories/org.js';
import { groupMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** A group's details; a group of another kind than `sourceType` is not found. */
export const GetUserGroup: MockHandler = ({ pathParams, query }, { state }) => {
  const group = state.org.groups.find(
    (candidate) => candidate.id === pathParams.groupId && candidate.sourceType === query.sourceType,
  );
  return group ? ok({ userGroup: userGroupView(state.org, group) }) : groupMissing();
};
