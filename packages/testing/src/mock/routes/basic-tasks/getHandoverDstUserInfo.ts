import { administratorOf } from '../../../factories/org.js';
import { findUser } from '../../state/org-model.js';
import { userMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Who receives a user's data when they are handed over: the recipient a test set in
 * `state.tasks.handoverRecipients` (by either ID of the user), else the organization's
 * administrator (else, for the administrator, the next user). IDs are the `userId` form (X-User-Id's).
 */
export const getHandoverDstUserInfo: MockHandler = ({ pathParams }, { state }) => {
  const { org } = state;
  const source = findUser(org, pathParams.src_user_id);
  if (!source) return userMissing();
  const set = state.tasks.handoverRecipients[source.userId] ?? state.tasks.handoverRecipients[source.id];
  if (set) return ok({ id: set.id, name: set.name });
  const administrator = administratorOf(org);
  const recipient = source.id === administrator.id ? org.users.find((user) => user.id !== source.id) : administrator;
  if (!recipient) return userMissing();
  return ok({ id: recipient.userId, name: recipient.name });
};
