import { messagesOf } from '../../state/sharing-events.js';
import { callerOf, sharingOf } from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/** All of the caller's messages at once: `operate` 0 marks the unread ones read, 1 deletes them all. */
export const updateSpecificMessageState = sharingRoute((request, { state }) => {
  const mine = new Set(messagesOf(state, callerOf(request.headers)));
  if (Number(request.query.operate) === 0) {
    for (const message of mine) message.state = 1;
  } else {
    const sharing = sharingOf(state);
    sharing.messages = sharing.messages.filter((message) => !mine.has(message));
  }
  return ok();
});
