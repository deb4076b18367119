import type { createSessionRequestBody } from '@koodrive/types';
import { sessionUserInfoView } from '../../../factories/org.js';
import { refused } from '../../state/org-replies.js';
import { startSession } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Exchanges a code from the sign-in page for a session: a token with its scheme (`Bearer …`, as
 * the reference's example has it), the session ID and the user. A code that is unknown, used or
 * older than 5 minutes is refused (HTTP 400, 13000101).
 */
export const createSession: MockHandler = ({ body }, { state, now }) => {
  const { code } = body as createSessionRequestBody;
  const started = startSession(state.org, code, now().getTime());
  if ('refused' in started) return refused(started.refused);
  const { session, user } = started;
  return ok({
    data: {
      accessToken: `Bearer ${session.token}`,
      sessionId: session.sessionId,
      userId: user.userId,
      userInfo: sessionUserInfoView(state.org, user),
    },
  });
};
