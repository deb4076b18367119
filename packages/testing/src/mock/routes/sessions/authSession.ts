import { orgUserInfoView } from '../../../factories/org.js';
import { userMissing } from '../../state/org-replies.js';
import { sessionUser } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * The signed-in user and their organization. Reaching the handler means the token is live; a
 * token the mock did not issue (a test's fixed token) acts as the administrator.
 */
export const authSession: MockHandler = ({ headers }, { state }) => {
  const user = sessionUser(state.org, headers);
  return user ? ok({ data: orgUserInfoView(state.org, user) }) : userMissing();
};
