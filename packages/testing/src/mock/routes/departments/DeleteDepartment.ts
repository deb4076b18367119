import { findDepartment, removeDepartmentSpace } from '../../state/org-model.js';
import { departmentMissing, refused } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Deletes an empty department and its team space (the capacity goes back to the pool). A
 * department that still has sub-departments or users is refused, and so is the root: the mock
 * never deletes people or departments as a side effect.
 */
export const DeleteDepartment: MockHandler = ({ pathParams }, { state }) => {
  const { org } = state;
  const department = findDepartment(org, pathParams.department_id);
  if (!department) return departmentMissing();
  if (department.id === org.rootDepartmentId) return refused('the root department cannot be deleted');
  if (org.departments.some((child) => child.parentId === department.id)) {
    return refused('the department still has sub-departments');
  }
  if (org.users.some((user) => user.deptId === department.id)) return refused('the department still has users');
  org.departments.splice(org.departments.indexOf(department), 1);
  removeDepartmentSpace(state, department.id);
  return ok();
};
