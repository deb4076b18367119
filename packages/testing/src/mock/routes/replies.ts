import { errorBody, resultCodes } from '../errors.js';
import type { MockReply } from '../types.js';

/** A success, with the operation's payload fields beside `code` and `msg`. */
export const ok = (payload: Record<string, unknown> = {}): MockReply => ({
  body: { code: 0, msg: 'success', ...payload },
});

/** A KooDrive business error: HTTP 400 and its code, as the reference's error list has them. */
export const fail = (code: number, msg: string, status = 400): MockReply => ({ status, body: errorBody(code, msg) });

export const spaceMissing = () => fail(resultCodes.spaceMissing, 'space does not exist or is abnormal');

/** Rows `offset` to `offset + limit` of a list. */
export function pageOf<T>(rows: readonly T[], query: { offset?: unknown; limit?: unknown }, defaultLimit: number): T[] {
  const offset = Number(query.offset ?? 0);
  const limit = Number(query.limit ?? defaultLimit);
  return rows.slice(offset, offset + limit);
}

/** Case-insensitive "contains" over some fields, for keyWord filters. */
export function matchesKeyword(keyWord: unknown, ...fields: (string | undefined)[]): boolean {
  if (typeof keyWord !== 'string' || keyWord === '') return true;
  const needle = keyWord.toLowerCase();
  return fields.some((field) => field?.toLowerCase().includes(needle));
}
