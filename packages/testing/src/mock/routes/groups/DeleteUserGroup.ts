import { removeGroupSpace } from '../../state/org-model.js';
import { groupMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Dismisses a group, and removes its group space when it has one. */
export const DeleteUserGroup: MockHandler = ({ pathParams }, { state }) => {
  const { org } = state;
  const group = org.groups.find((candidate) => candidate.id === pathParams.groupId);
  if (!group) return groupMissing();
  org.groups.splice(org.groups.indexOf(group), 1);
  removeGroupSpace(state, group.id);
  return ok();
};
