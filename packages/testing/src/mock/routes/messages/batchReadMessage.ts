import type { batchReadMessageRequestBody } from '@koodrive/types';
import { messagesOf } from '../../state/sharing-events.js';
import { callerOf } from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/**
 * Marks the caller's messages read; `changed` is false for an ID that is not one of the caller's
 * messages or was already read. The answer carries `code` and `msg` too, which the page's table
 * leaves out and the calling guide says every answer has.
 */
export const batchReadMessage = sharingRoute((request, { state }) => {
  const { ids } = request.body as batchReadMessageRequestBody;
  const mine = messagesOf(state, callerOf(request.headers));
  return ok({
    messages: ids.map((id) => {
      const message = mine.find((candidate) => candidate.id === id);
      const changed = message !== undefined && message.state === 0;
      if (message) message.state = 1;
      return { id, changed };
    }),
  });
});
