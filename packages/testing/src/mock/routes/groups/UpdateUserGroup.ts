import type { UpdateUserGroupRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { callerOf, findUser } from '../../state/org-model.js';
import { groupMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Renames a group and changes its picture; with `userId`, changes that member's `role` (making
 * one the owner makes the old owner an administrator) and `top`; without, `top` pins the group for
 * the caller. A group with a space keeps the space's name in step.
 */
export const UpdateUserGroup: MockHandler = ({ pathParams, body, headers }, { state, now }) => {
  const { groupName, userId, role, iconUrl, top, sourceType } = body as UpdateUserGroupRequestBody;
  const { org } = state;
  const group = org.groups.find(
    (candidate) => candidate.id === pathParams.groupId && candidate.sourceType === sourceType,
  );
  if (!group) return groupMissing();
  if (groupName.trim() === '') return fail(resultCodes.parameterValidationFailed, 'groupName must not be blank');
  const memberId = userId === undefined ? callerOf(org, headers).id : findUser(org, userId)?.id;
  const membership = group.members.find((member) => member.userId === memberId);
  if ((userId !== undefined || top !== undefined) && !membership) {
    return fail(resultCodes.resourceMissing, 'the user is not a member of the group');
  }
  const time = now().toISOString();
  if (membership && role !== undefined && userId !== undefined) {
    if (role === '0' && group.ownerId !== membership.userId) {
      const previous = group.members.find((member) => member.userId === group.ownerId);
      if (previous) previous.role = 1;
      group.ownerId = membership.userId;
    }
    membership.role = Number(role) as 0 | 1 | 2;
    membership.updatedTime = time;
  }
  if (membership && top !== undefined) membership.top = Number(top) as 0 | 1;
  group.groupName = groupName;
  if (iconUrl !== undefined) group.iconUrl = iconUrl;
  group.updatedTime = time;
  for (const space of state.groupSpaces) if (space.id === group.id) space.ownerName = groupName;
  return ok();
};
