import { findDepartment, subtreeIds } from '../../state/org-model.js';
import { departmentMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Users of a department and the departments below it; of the whole organization without (or with an empty) `deptId`. */
export const CountUser: MockHandler = ({ query }, { state }) => {
  const { org } = state;
  if (query.deptId === undefined || query.deptId === '') return ok({ total: org.users.length });
  if (!findDepartment(org, query.deptId)) return departmentMissing();
  const departments = subtreeIds(org, String(query.deptId));
  return ok({ total: org.users.filter((user) => departments.has(user.deptId)).length });
};
