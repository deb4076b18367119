import { findUser, removeUserSpaces } from '../../state/org-model.js';
import { refused, userMissing } from '../../state/org-replies.js';
import { endSession } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Deletes a user with their resources: their individual spaces (capacity back to the pool), their
 * group memberships (groups they owned pass to the administrator) and their sessions. They go back
 * to the OrgID directory, so CreateUser can add them again. The administrator cannot be deleted.
 */
export const DeleteUser: MockHandler = ({ pathParams }, { state }) => {
  const { org } = state;
  const user = findUser(org, pathParams.userId);
  if (!user) return userMissing();
  if (user.id === org.administratorId) return refused('the administrator cannot be deleted');
  removeUserSpaces(state, user);
  for (const group of org.groups) {
    const left = group.members.find((member) => member.userId === user.id);
    group.members = group.members.filter((member) => member !== left);
    if (group.ownerId !== user.id) continue;
    group.ownerId = org.administratorId;
    const administrator = group.members.find((member) => member.userId === org.administratorId);
    if (administrator) administrator.role = 0;
    else if (left) group.members.push({ ...left, userId: org.administratorId, role: 0, top: 0 });
  }
  for (const session of org.sessions) if (session.user === user.id) endSession(session, 'user-deleted');
  org.users.splice(org.users.indexOf(user), 1);
  org.directory.push({ userId: user.userId, name: user.name, mobile: user.mobile });
  return ok();
};
