import { userGroupInfoView } from '../../../factories/org.js';
import { resultCodes } from '../../errors.js';
import { callerOf } from '../../state/org-model.js';
import type { MockHandler } from '../../types.js';
import { fail, matchesKeyword, ok } from '../replies.js';

/**
 * The groups of a kind (`sourceType`) the caller (X-User-Id) belongs to, whose names match
 * `groupName`, `pageSize` at a time. The cursor is the mock's own (the position of the next page).
 * The reference does not say what the first page takes: here `0` (or an empty cursor, which
 * openapi-fetch leaves out of the query and the spec then refuses as missing). `nextCursor` is left
 * out on the last page.
 */
export const GetUserGroupList: MockHandler = ({ query, headers }, { state }) => {
  const { org } = state;
  const caller = callerOf(org, headers);
  const cursor = String(query.pageCursor ?? '');
  if (cursor !== '' && !/^\d+$/.test(cursor)) {
    return fail(resultCodes.parameterValidationFailed, 'query pageCursor: not a cursor this service gave');
  }
  const start = cursor === '' ? 0 : Number(cursor);
  const pageSize = Number(query.pageSize ?? 100);
  const matches = org.groups.filter(
    (group) =>
      group.sourceType === query.sourceType &&
      group.members.some((member) => member.userId === caller.id) &&
      matchesKeyword(query.groupName, group.groupName),
  );
  const end = start + pageSize;
  return ok({
    userGroupList: matches.slice(start, end).map((group) => userGroupInfoView(org, group)),
    total: matches.length,
    ...(end < matches.length ? { nextCursor: String(end) } : {}),
  });
};
