import { departmentView } from '../../../factories/org.js';
import { findDepartment } from '../../state/org-model.js';
import { departmentMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok } from '../replies.js';

/**
 * The direct sub-departments of `departmentId`, whose names match `keyWord`. Without a department,
 * only the root department comes back (the newest copy's reading), so a tree is walked from there.
 */
export const GetDepartmentList: MockHandler = ({ query }, { state }) => {
  const { org } = state;
  const parentId = query.departmentId;
  if (parentId === undefined || parentId === '') {
    const root = findDepartment(org, org.rootDepartmentId);
    const list = root && matchesKeyword(query.keyWord, root.name) ? [departmentView(org, root)] : [];
    return ok({ list });
  }
  if (!findDepartment(org, parentId)) return departmentMissing();
  const children = org.departments.filter(
    (department) => department.parentId === parentId && matchesKeyword(query.keyWord, department.name),
  );
  return ok({ list: children.map((department) => departmentView(org, department)) });
};
