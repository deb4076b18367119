import type { MessageInfo } from '@koodrive/types';
import type { MockMessage } from '../../state/sharing.js';
import { messagesOf } from '../../state/sharing-events.js';
import { callerOf, cursorPage } from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/** A message as listMessages shows it. */
export const messageInfo = (message: MockMessage): MessageInfo => ({
  id: message.id,
  sender: message.sender,
  type: message.type,
  context: message.context,
  state: message.state,
  createTime: new Date(message.createdAt).toISOString(),
});

/** The caller's messages, newest first, of one kind (`filterType`) or state if asked, cursor-paged; `messages` is a list. */
export const listMessages = sharingRoute((request, { state, defaultPageSize }) => {
  const { query } = request;
  const rows = messagesOf(state, callerOf(request.headers)).filter(
    (message) =>
      (query.filterType === undefined || message.type === query.filterType) &&
      (query.state === undefined || message.state === Number(query.state)),
  );
  const { page, nextCursor } = cursorPage(rows, query, defaultPageSize);
  return ok({ messages: page.map(messageInfo), ...(nextCursor ? { nextCursor } : {}) });
});
