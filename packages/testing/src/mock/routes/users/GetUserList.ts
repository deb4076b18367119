import { userView } from '../../../factories/org.js';
import { findDepartment, subtreeIds } from '../../state/org-model.js';
import { departmentMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok, pageOf } from '../replies.js';

/**
 * Users whose names match `keyWord`, paged by `offset`/`limit` with the `total` of matches: of a
 * department and the departments below it, of the department alone with `isDirect`, or of the
 * whole organization without `deptId` (with `isDirect`, of the root department alone).
 */
export const GetUserList: MockHandler = ({ query }, { state, defaultPageSize }) => {
  const { org } = state;
  const deptId = query.deptId === undefined || query.deptId === '' ? undefined : String(query.deptId);
  if (deptId !== undefined && !findDepartment(org, deptId)) return departmentMissing();
  const from = deptId ?? org.rootDepartmentId;
  const departments = query.isDirect === true ? new Set([from]) : deptId ? subtreeIds(org, deptId) : undefined;
  const matches = org.users.filter(
    (user) => (!departments || departments.has(user.deptId)) && matchesKeyword(query.keyWord, user.name),
  );
  return ok({
    total: matches.length,
    list: pageOf(matches, query, defaultPageSize).map((user) => userView(org, user)),
  });
};
