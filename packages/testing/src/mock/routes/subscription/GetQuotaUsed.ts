import { poolOf, SPACE_TYPE, subscribedCapacity, usedBy } from '../../state/org-model.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Usage computed from the mock's state: quotas and their used part from the space pools
 * (GetSpaceAllocation's totals and allocations, in GB), space used from the spaces' `spaceUsed`,
 * users from the organization, and the package-download setting.
 */
export const GetQuotaUsed: MockHandler = (_request, { state }) => {
  const { org } = state;
  const department = poolOf(state, SPACE_TYPE.department);
  const individual = poolOf(state, SPACE_TYPE.individual);
  const group = poolOf(state, SPACE_TYPE.group);
  const used = {
    department: usedBy(state, SPACE_TYPE.department),
    individual: usedBy(state, SPACE_TYPE.individual),
    group: usedBy(state, SPACE_TYPE.group),
  };
  return ok({
    data: {
      spaceQuotaUsed: department.allocated + individual.allocated + group.allocated,
      userCount: org.users.length,
      spaceCapacity: subscribedCapacity(state, org),
      userMaxCount: org.subscription.userMaxCount,
      spaceUsed: used.department + used.individual + used.group,
      deptSpaceQuota: department.total,
      personalSpaceQuota: individual.total,
      groupSpaceQuota: group.total,
      reservedSpaceQuota: org.subscription.reservedSpaceQuota,
      deptSpaceUsed: used.department,
      deptSpaceQuotaUsed: department.allocated,
      personalSpaceUsed: used.individual,
      personalSpaceQuotaUsed: individual.allocated,
      groupSpaceUsed: used.group,
      groupSpaceQuotaUsed: group.allocated,
      packageDownloadExpires: org.subscription.packageDownloadExpires,
      productType: org.subscription.productType,
    },
  });
};
