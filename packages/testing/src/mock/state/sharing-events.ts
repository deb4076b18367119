/**
 * What sharing events leave behind: messages (Message Notification) and the record of what users
 * did with files (ListRecentlyAccess) and which links they opened (ListRelatedToMe).
 *
 * The reference says which kinds of message exist ("000" share messages, …) and which operations
 * count as an access (1 view, 2 edit, 3 share, 4 save, …), not which events produce them nor
 * their wording. The mock's choice, labelled as such:
 * - a share naming users (createShare, or updateShare naming more) → a share message to each of them;
 * - batchCancel → a message to the users the share named;
 * - a recipient downloads a file of the share, saves its files, or leaves it → a message to the owner;
 * - createShare → an access "share" (3) of each file, for the owner; downloadShareFile → "view" (1),
 *   for whoever downloads; a save from a share → "save" (4) of each copy, for whoever saves.
 */
import type { MockState } from '../types.js';
import type { MockAccess, MockShare } from './sharing.js';
import { aliasesOf, nameOf, nextId, sharingOf } from './sharing-model.js';

/** Sends a share message ("000") from one user to others (each given by their IDs); never to the sender. */
export function notify(
  state: MockState,
  message: { from: string; to: string[][]; context: string; share?: MockShare },
  now: number,
): void {
  const sharing = sharingOf(state);
  const sender = aliasesOf(state, message.from);
  for (const recipient of message.to) {
    if (recipient.some((id) => sender.includes(id))) continue;
    sharing.messages.push({
      id: nextId(sharing, '17200000'),
      recipient,
      sender: nameOf(state, message.from),
      type: '000',
      context: message.context,
      state: 0,
      createdAt: now,
      ...(message.share ? { shareId: message.share.shareId } : {}),
    });
  }
}

/** Records something a user did with a file. */
export function recordAccess(state: MockState, access: MockAccess): void {
  sharingOf(state).access.push(access);
}

/** Records that a user opened a share's link (not its owner's own visits). */
export function recordVisit(state: MockState, share: MockShare, userId: string, at: number): void {
  if (aliasesOf(state, userId).includes(share.ownerId)) return;
  sharingOf(state).visits.push({ userId, shareId: share.shareId, at });
}

/** The messages a user can see: sent to any of their IDs, newest first. */
export function messagesOf(state: MockState, userId: string) {
  const aliases = aliasesOf(state, userId);
  return sharingOf(state)
    .messages.filter((message) => message.recipient.some((id) => aliases.includes(id)))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
