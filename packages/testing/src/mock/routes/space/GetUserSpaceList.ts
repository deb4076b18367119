import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok, pageOf } from '../replies.js';

/** User spaces of a department (all without deptId), matching keyWord (name, mobile) and spaceStatus, paged. */
export const GetUserSpaceList: MockHandler = ({ query }, { state, defaultPageSize }) => {
  const matches = state.userSpaces.filter(
    (user) =>
      (query.deptId === undefined || user.deptId === query.deptId) &&
      (query.spaceStatus === undefined || user.spaceStatus === query.spaceStatus) &&
      matchesKeyword(query.keyWord, user.name, user.mobile),
  );
  return ok({ total: String(matches.length), users: pageOf(matches, query, defaultPageSize) });
};
