/**
 * What the sharing routes share: who a request is, who a share names, whether a share may be opened
 * through its link, its state, and the refusals, each a MockFileError carrying the result code the
 * route answers with (routes/sharing-route.ts turns it into HTTP 400).
 *
 * The reference documents none of the refusals below; their result codes come from its general
 * list (CALLING.md) and are the mock's choice: 13000309 for a share, message or task that does not
 * exist (or is not the caller's to see), 13000101 for a link that may not be opened (wrong
 * extraction code, missing or invalid kdstoken, expired share, caller not a recipient), 13000102
 * for a request the rules refuse, 13000410 for a space that is not the caller's.
 */
import { makeOwnerId } from '../../factories/ids.js';
import { resultCodes } from '../errors.js';
import type { MockState } from '../types.js';
import { findNode, MockFileError, type MockFileNode } from './files.js';
import { findUser, subtreeIds } from './org-model.js';
import { createMockSharing, type MockShare, type MockSharing } from './sharing.js';

/** The result codes the sharing routes answer refusals with. */
export const sharingCodes = {
  badRequest: resultCodes.badRequest,
  invalid: resultCodes.parameterValidationFailed,
  missing: resultCodes.resourceMissing,
  fileNotInSpace: 13000302,
  notAllowedOnFolder: 13000406,
  noPermission: 13000410,
} as const;

/** Throws the refusal a route answers with. */
export function refuse(code: number, message: string): never {
  throw new MockFileError(code, message);
}

/** The sharing state (made on first use when a test's state left it out). */
export function sharingOf(state: MockState): MockSharing {
  state.sharing ??= createMockSharing();
  return state.sharing;
}

/** The caller of a request: its X-User-Id. */
export const callerOf = (headers: Record<string, string>): string => headers['x-user-id'] ?? '';

/** Every ID one user is known by: the X-User-Id given, and the user's `id` and `userId` when the organization knows them. */
export function aliasesOf(state: MockState, anyId: string): string[] {
  const user = state.org ? findUser(state.org, anyId) : undefined;
  return [...new Set(user ? [anyId, user.id, user.userId] : [anyId])];
}

/** A user's name, or the ID itself when the organization does not know them. */
export function nameOf(state: MockState, anyId: string): string {
  return (state.org && findUser(state.org, anyId)?.name) || anyId;
}

/** Whether two IDs are the same user. */
export const sameUser = (state: MockState, a: string, b: string) => aliasesOf(state, a).includes(b);

/** A new 19-digit ID of the sharing state (deterministic: its counter). */
export function nextId(sharing: MockSharing, prefix: string): string {
  sharing.sequence += 1;
  return makeOwnerId(sharing.sequence, prefix);
}

/**
 * The users a share names (scope 3), each as the list of their IDs: the users named, the users of
 * the departments named (and of the departments below them) and the members of the groups named.
 * Phone numbers name no user the mock can tell (GetUser masks mobiles), so they add none.
 */
export function recipientsOf(state: MockState, share: Pick<MockShare, 'userIds' | 'deptIds' | 'groupIds'>): string[][] {
  const byKey = new Map<string, string[]>();
  const add = (anyId: string) => {
    const aliases = aliasesOf(state, anyId);
    if (![...byKey.values()].some((known) => known.some((id) => aliases.includes(id)))) byKey.set(anyId, aliases);
  };
  share.userIds.forEach(add);
  const org = state.org;
  if (org) {
    for (const deptId of share.deptIds) {
      const below = subtreeIds(org, deptId);
      for (const user of org.users) if (below.has(user.deptId)) add(user.id);
    }
    for (const groupId of share.groupIds) {
      for (const member of org.groups.find((group) => group.id === groupId)?.members ?? []) add(member.userId);
    }
  }
  return [...byKey.values()];
}

/** Whether the caller is among the users a share names and has not left it. */
export function isRecipient(state: MockState, share: MockShare, caller: string): boolean {
  if (share.scope !== 3) return false;
  const aliases = aliasesOf(state, caller);
  if (share.exitedBy.some((id) => aliases.includes(id))) return false;
  return recipientsOf(state, share).some((ids) => ids.some((id) => aliases.includes(id)));
}

/** Whether the caller made the share. */
export const isOwner = (state: MockState, share: MockShare, caller: string) => sameUser(state, caller, share.ownerId);

/** A share that was not cancelled, by ID or short code, or undefined. */
export function liveShare(state: MockState, by: { shareId?: string; shortUrl?: string }): MockShare | undefined {
  return sharingOf(state).shares.find(
    (candidate) =>
      candidate.cancelledAt === undefined &&
      (by.shareId !== undefined ? candidate.shareId === by.shareId : candidate.shortUrl === by.shortUrl),
  );
}

/** A share that was not cancelled, by ID or short code; 13000309 otherwise. */
export function findShare(state: MockState, by: { shareId?: string; shortUrl?: string }): MockShare {
  const share = liveShare(state, by);
  if (!share) {
    refuse(
      sharingCodes.missing,
      by.shareId !== undefined ? `share ${by.shareId} does not exist` : `no share has the short code ${by.shortUrl}`,
    );
  }
  return share;
}

/** A file or folder that can still be opened: visible and not in the recycle bin. */
export function liveNode(state: MockState, id: string): MockFileNode | undefined {
  const node = findNode(state, id);
  return node && !node.recycled ? node : undefined;
}

/** Whether a share has expired by the mock's clock. */
export const isExpired = (share: MockShare, now: number) => now >= share.expiresAt;

/** The share's state as the share pages number it: 0 decided by the expiry time, 1 its files were deleted, 2 expired. */
export function statusOf(state: MockState, share: MockShare, now: number): 0 | 1 | 2 {
  if (isExpired(share, now)) return 2;
  return share.fileIds.some((id) => liveNode(state, id)) ? 0 : 1;
}

/**
 * Refuses a caller who may not open a share through its link: scope 2 wants a user of the
 * organization, scope 3 one of the users the share names; the owner always may.
 */
export function checkLinkAccess(state: MockState, share: MockShare, caller: string): void {
  if (isOwner(state, share, caller) || share.scope === 1) return;
  if (share.scope === 2) {
    if (state.org && findUser(state.org, caller)) return;
    refuse(sharingCodes.badRequest, "this share is open to the enterprise's users only");
  }
  if (!isRecipient(state, share, caller))
    refuse(sharingCodes.badRequest, 'you are not among the users this share names');
}

/** Refuses an expired share, for the operations that open its files. */
export function checkNotExpired(share: MockShare, now: number): void {
  if (isExpired(share, now))
    refuse(sharingCodes.badRequest, `the share expired at ${new Date(share.expiresAt).toISOString()}`);
}

/**
 * Refuses a request for a share with an extraction code that does not carry a kdstoken
 * verifyExtractCode issued for it (for its current code, and not yet expired). The owner needs none.
 */
export function checkShareToken(
  state: MockState,
  share: MockShare,
  caller: string,
  kdstoken: unknown,
  now: number,
): void {
  if (share.extractCode === undefined || isOwner(state, share, caller)) return;
  if (typeof kdstoken !== 'string' || kdstoken === '') {
    refuse(
      sharingCodes.badRequest,
      'this share has an extraction code: send the kdstoken that verifyExtractCode returns',
    );
  }
  const token = sharingOf(state).tokens.find((candidate) => candidate.token === kdstoken);
  if (!token || token.shareId !== share.shareId)
    refuse(sharingCodes.badRequest, 'the kdstoken is not valid for this share');
  if (token.extractCode !== share.extractCode) {
    refuse(sharingCodes.badRequest, "the kdstoken was issued for the share's earlier extraction code: verify again");
  }
  if (now >= token.expiresAt)
    refuse(sharingCodes.badRequest, 'the kdstoken has expired: verify the extraction code again');
}

/** Everything an access-link operation checks before it opens a share's files. */
export function openShare(
  state: MockState,
  by: { shareId?: string; shortUrl?: string },
  caller: string,
  kdstoken: unknown,
  now: number,
): MockShare {
  const share = findShare(state, by);
  checkLinkAccess(state, share, caller);
  checkNotExpired(share, now);
  checkShareToken(state, share, caller, kdstoken, now);
  return share;
}

/** Whether a file or folder is in the share: shared itself, or below a shared folder. */
export function inShare(state: MockState, share: MockShare, node: MockFileNode): boolean {
  for (let at: MockFileNode | undefined = node; at; at = at.parentId ? state.files.nodes.get(at.parentId) : undefined) {
    if (share.fileIds.includes(at.id)) return true;
  }
  return false;
}

/** A live file or folder of the share; 13000302 when it is not in the share (or no longer there). */
export function nodeOfShare(state: MockState, share: MockShare, fileId: string): MockFileNode {
  const node = liveNode(state, fileId);
  if (!node || !inShare(state, share, node)) refuse(sharingCodes.fileNotInSpace, `file ${fileId} is not in this share`);
  return node;
}

/**
 * When a share given `expireTime` (ISO 8601, or the carrier edition's `yyyy-MM-dd HH:mm:ss`, read
 * as UTC) or else `validDays` ends, in ms. The reference does not say which wins when both come:
 * here `expireTime`, the more precise.
 */
export function expiryOf(expireTime: string | undefined, validDays: number, now: number): number {
  if (expireTime === undefined || expireTime === '') return now + validDays * 86_400_000;
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(expireTime)
    ? `${expireTime.replace(' ', 'T')}Z`
    : expireTime;
  const at = Date.parse(text);
  if (Number.isNaN(at))
    refuse(sharingCodes.invalid, `parameter validation failed: expireTime ${JSON.stringify(expireTime)} is not a time`);
  if (at <= now)
    refuse(sharingCodes.invalid, `parameter validation failed: expireTime ${expireTime} is not in the future`);
  return at;
}

/** A row of a list, `pageSize` at a time from the cursor: the mock's cursor is the position of the next row. */
export function cursorPage<T>(
  rows: readonly T[],
  query: { pageSize?: unknown; pageCursor?: unknown },
  defaultPageSize: number,
): { page: T[]; nextCursor?: string } {
  const cursor = String(query.pageCursor ?? '');
  if (cursor !== '' && !/^\d+$/.test(cursor)) {
    refuse(sharingCodes.invalid, 'parameter validation failed: pageCursor is not a cursor this service gave');
  }
  const start = cursor === '' ? 0 : Number(cursor);
  const pageSize = Math.max(1, Math.min(100, Number(query.pageSize ?? Math.min(defaultPageSize, 100))));
  const end = start + pageSize;
  return { page: rows.slice(start, end), ...(end < rows.length ? { nextCursor: String(end) } : {}) };
}

/** Sorts rows by a key, ascending for sortDirection 1, descending otherwise (the documented default, 2). */
export function sortRows<T>(rows: T[], key: (row: T) => number | string, sortDirection: unknown): T[] {
  const sign = Number(sortDirection) === 1 ? 1 : -1;
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -sign : x > y ? sign : 0;
  });
}

/** Case-insensitive "contains", for the displayName and fileName filters. */
export function contains(needle: unknown, text: string): boolean {
  return typeof needle !== 'string' || needle === '' || text.toLowerCase().includes(needle.toLowerCase());
}
