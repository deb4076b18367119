import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok, pageOf } from '../replies.js';

/** Departments matching keyWord (name), paged; `total` counts all matches (a number, as the example shows). */
export const GetDepartmentSpaceList: MockHandler = ({ query }, { state, defaultPageSize }) => {
  const matches = state.departments.filter((department) => matchesKeyword(query.keyWord, department.name));
  return ok({ total: matches.length, departments: pageOf(matches, query, defaultPageSize) });
};
