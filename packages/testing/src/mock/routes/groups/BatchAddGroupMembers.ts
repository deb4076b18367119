import type { BatchAddGroupMembersRequestBody } from '@koodrive/types';
import { findUser } from '../../state/org-model.js';
import { batchStatus, groupMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Adds users to a group as ordinary members. A user who is not in the organization, or is already
 * a member, fails: `failedList` names them and `status` says whether all, some or none were added.
 */
export const BatchAddGroupMembers: MockHandler = ({ pathParams, body }, { state, now }) => {
  const { org } = state;
  const group = org.groups.find((candidate) => candidate.id === pathParams.groupId);
  if (!group) return groupMissing();
  const { amendModRoles } = body as BatchAddGroupMembersRequestBody;
  const time = now().toISOString();
  const failedList: string[] = [];
  for (const { userId } of amendModRoles) {
    const user = findUser(org, String(userId));
    if (!user || group.members.some((member) => member.userId === user.id)) {
      failedList.push(String(userId));
      continue;
    }
    group.members.push({ userId: user.id, role: 2, top: 0, createdTime: time, updatedTime: time });
  }
  group.updatedTime = time;
  return ok({ status: batchStatus(amendModRoles.length, failedList.length), failedList });
};
