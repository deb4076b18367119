import { departmentView } from '../../../factories/org.js';
import { findDepartment } from '../../state/org-model.js';
import { departmentMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** A department, its fields at the top level of the answer. */
export const GetDepartment: MockHandler = ({ pathParams }, { state }) => {
  const department = findDepartment(state.org, pathParams.department_id);
  return department ? ok({ ...departmentView(state.org, department) }) : departmentMissing();
};
