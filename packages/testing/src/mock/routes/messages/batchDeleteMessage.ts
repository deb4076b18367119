import type { batchDeleteMessageRequestBody } from '@koodrive/types';
import { messagesOf } from '../../state/sharing-events.js';
import { callerOf, sharingOf } from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/** Deletes the caller's messages (the IDs in the DELETE's JSON body); `changed` is false for an ID that is not one of them. */
export const batchDeleteMessage = sharingRoute((request, { state }) => {
  const { ids } = request.body as batchDeleteMessageRequestBody;
  const sharing = sharingOf(state);
  const mine = new Set(messagesOf(state, callerOf(request.headers)));
  return ok({
    messages: ids.map((id) => {
      const message = [...mine].find((candidate) => candidate.id === id);
      if (message) {
        sharing.messages = sharing.messages.filter((candidate) => candidate !== message);
        mine.delete(message);
      }
      return { id, changed: message !== undefined };
    }),
  });
});
