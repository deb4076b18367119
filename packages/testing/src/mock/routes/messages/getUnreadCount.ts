import { messagesOf } from '../../state/sharing-events.js';
import { callerOf } from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/** How many of the caller's messages are unread. */
export const getUnreadCount = sharingRoute((request, { state }) =>
  ok({ count: messagesOf(state, callerOf(request.headers)).filter((message) => message.state === 0).length }),
);
