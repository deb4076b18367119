import type { UpdateUserRequestBody } from '@koodrive/types';
import { findDepartment, findUser, updateUserSpace } from '../../state/org-model.js';
import { departmentMissing, userMissing } from '../../state/org-replies.js';
import { endSession } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Moves a user to another department, changes their role, or enables (0) or disables (1) their
 * account; their individual space's rows follow. Disabling ends the user's sessions.
 */
export const UpdateUser: MockHandler = ({ pathParams, body }, { state }) => {
  const { org } = state;
  const user = findUser(org, pathParams.userId);
  if (!user) return userMissing();
  const { deptId, role, status } = (body ?? {}) as UpdateUserRequestBody;
  // deptId is an int64: a bigint when beyond 2^53, and String() keeps every digit either way.
  if (deptId !== undefined && !findDepartment(org, String(deptId))) return departmentMissing();
  if (deptId !== undefined) user.deptId = String(deptId);
  if (role !== undefined) user.role = role;
  if (status !== undefined) user.status = status;
  if (user.status !== 0) {
    for (const session of org.sessions) if (session.user === user.id) endSession(session, 'revoked');
  }
  updateUserSpace(state, org, user);
  return ok();
};
