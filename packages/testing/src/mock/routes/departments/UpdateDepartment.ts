import type { UpdateDepartmentRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { findDepartment, subtreeIds, updateDepartmentSpace } from '../../state/org-model.js';
import { departmentMissing, refused } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Renames a department or moves it under another parent (its team space follows). Refuses the
 * root, a move under itself or one of its sub-departments, and a name a new sibling has.
 */
export const UpdateDepartment: MockHandler = ({ pathParams, body }, { state }) => {
  const { name, parentId } = body as UpdateDepartmentRequestBody;
  const { org } = state;
  const department = findDepartment(org, pathParams.department_id);
  if (!department) return departmentMissing();
  if (department.id === org.rootDepartmentId) return refused('the root department cannot be changed');
  if (name.trim() === '') return fail(resultCodes.parameterValidationFailed, 'name must not be blank');
  if (!findDepartment(org, parentId)) return departmentMissing('the parent department');
  if (subtreeIds(org, department.id).has(parentId)) {
    return refused('a department cannot move under itself or one of its sub-departments');
  }
  const clash = org.departments.some(
    (other) => other !== department && other.parentId === parentId && other.name === name,
  );
  if (clash) return refused(`the parent already has a department named ${JSON.stringify(name)}`);
  department.name = name;
  department.parentId = parentId;
  updateDepartmentSpace(state, department);
  return ok();
};
