import type { CreateDepartmentRequestBody } from '@koodrive/types';
import { makeHex } from '../../../factories/org.js';
import { resultCodes } from '../../errors.js';
import { addDepartmentSpace, findDepartment, freshId } from '../../state/org-model.js';
import { departmentMissing, insufficientSpace, refused } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Adds a department under its parent, with a team space of the subscription's default size taken
 * from the department pool. Refuses a blank name, a name a sibling has, and a pool too small.
 */
export const CreateDepartment: MockHandler = ({ body }, { state }) => {
  const { name, parentId } = body as CreateDepartmentRequestBody;
  const { org } = state;
  if (name.trim() === '') return fail(resultCodes.parameterValidationFailed, 'name must not be blank');
  if (!findDepartment(org, parentId)) return departmentMissing('the parent department');
  if (org.departments.some((department) => department.parentId === parentId && department.name === name)) {
    return refused(`the parent already has a department named ${JSON.stringify(name)}`);
  }
  const id = freshId(
    '12891736',
    org.departments.map((department) => department.id),
  );
  const department = { id, parentId, name, deptId: makeHex(org.departments.length + 100) };
  if (!addDepartmentSpace(state, org, department)) return insufficientSpace('department space');
  org.departments.push(department);
  return ok({ data: { id } });
};
