import type { batchImportUserPreVerifyRequestBody, ImportUserVerifyResult } from '@koodrive/types';
import { findDepartment, SPACE_TYPE, subtreeIds } from '../../state/org-model.js';
import { departmentMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

const importable: ImportUserVerifyResult = { isSuccess: 0 };
const refusedBecause = (reason: string): ImportUserVerifyResult => ({ isSuccess: 1, reason });

/**
 * A verdict per user of a batch import into `curDeptId`, changing nothing: 0 importable (the value
 * of the reference's example), 1 not, with the reason. A user is refused when `targetDeptName`
 * names no department at or below `curDeptId`, when `personalCapacity` disagrees with
 * `isAllocateCapacity`, when the individual pool cannot hold the capacities asked so far, or when
 * the organization would pass its user limit.
 */
export const batchImportUserPreVerify: MockHandler = ({ body }, { state }) => {
  const { curDeptId, users } = body as batchImportUserPreVerifyRequestBody;
  const { org } = state;
  const current = String(curDeptId);
  if (!findDepartment(org, current)) return departmentMissing();
  const below = subtreeIds(org, current);
  const pool = state.allocation.find((allocation) => allocation.type === SPACE_TYPE.individual);
  let free = pool ? pool.totalCapacity - pool.allocateCapacity : Number.POSITIVE_INFINITY;
  let places = org.subscription.userMaxCount - org.users.length;
  const data = users.map(({ targetDeptName, personalCapacity, isAllocateCapacity }) => {
    const target = targetDeptName
      ? org.departments.find((department) => below.has(department.id) && department.name === targetDeptName)
      : undefined;
    if (targetDeptName && !target) return refusedBecause(`no department named ${targetDeptName} at or below curDeptId`);
    if (!isAllocateCapacity && personalCapacity !== 0) {
      return refusedBecause('personalCapacity must be 0 when isAllocateCapacity is false');
    }
    if (isAllocateCapacity && personalCapacity <= 0) {
      return refusedBecause('personalCapacity must be positive when isAllocateCapacity is true');
    }
    if (places <= 0) return refusedBecause('the organization would pass its maximum number of users');
    if (personalCapacity > free) return refusedBecause('the individual space pool has too little unallocated capacity');
    places -= 1;
    free -= personalCapacity;
    return importable;
  });
  return ok({ data });
};
