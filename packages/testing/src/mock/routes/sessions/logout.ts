import { bearerToken, endSession, sessionOfToken } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Ends the session of the token sent; without a token (it is optional) there is nothing to end. */
export const logout: MockHandler = ({ headers }, { state }) => {
  const token = bearerToken(headers);
  const session = token === undefined ? undefined : sessionOfToken(state.org, token);
  if (session) endSession(session, 'logout');
  return ok();
};
