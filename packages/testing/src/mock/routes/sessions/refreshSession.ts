import { unauthorized } from '../../state/org-replies.js';
import { bearerToken, renewSession, sessionOfToken } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Replaces the session's token with a new one, written `Bearer+…` as the reference's example
 * writes it; the old token is refused from then on. The Authorization must be the session's
 * current token (authentication has checked that the session is live) and `x-session-id` its ID.
 */
export const refreshSession: MockHandler = ({ headers }, { state, now }) => {
  const token = bearerToken(headers) ?? '';
  const session = sessionOfToken(state.org, token);
  if (!session) return unauthorized('the token belongs to no session');
  if (session.sessionId !== headers['x-session-id']) return unauthorized('x-session-id is not the token’s session');
  return ok({ accessToken: `Bearer+${renewSession(session, now().getTime())}` });
};
