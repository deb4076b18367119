import { createMockFiles } from '../mock/state/files.js';
import { makeGovernanceState } from '../mock/state/governance-model.js';
import { createMockSharing } from '../mock/state/sharing.js';
import { makeTasksState } from '../mock/state/tasks.js';
import type { MockState } from '../mock/types.js';
import { makeOrganization, ORG_ID } from './org.js';
import {
  makeDepartmentSpaceInfo,
  makeGroupSpaceInfo,
  makeList,
  makeSpaceInfo,
  makeTeamSpaceInfo,
  makeUserSpaceInfo,
  makeUserSpaceQuota,
} from './space.js';
import { makeSpaceQuotaUsageList } from './space-quota-usage.js';

/** How many rows of each kind makeMockState generates. */
export interface MockStateSizes {
  quotas?: number;
  departments?: number;
  users?: number;
  teams?: number;
  groups?: number;
}

/**
 * A populated mock KooDrive: quota rows, departments with their spaces, users with individual
 * spaces and quotas, team and group spaces, room to allocate, and the organization they belong to
 * (makeOrganization over the same departments, users and groups). Deterministic.
 */
export function makeMockState(sizes: MockStateSizes = {}): MockState {
  const { quotas = 25, departments = 12, users = 30, teams = 8, groups = 5 } = sizes;
  const departmentList = makeList(makeDepartmentSpaceInfo, departments);
  const userSpaces = makeList(makeUserSpaceInfo, users);
  const groupSpaces = makeList(makeGroupSpaceInfo, groups);
  return {
    spaceQuotaUsage: makeSpaceQuotaUsageList(quotas),
    spaces: [
      ...departmentList.map((department, index) => makeSpaceInfo({ ownerId: department.id, type: '0' }, index)),
      ...userSpaces.map((user, index) =>
        makeSpaceInfo({ ownerId: user.userId, type: '1', containerId: user.containerId }, departments + index),
      ),
      ...groupSpaces.map((group, index) =>
        makeSpaceInfo({ ownerId: group.id, type: '2', containerId: group.containerId }, departments + users + index),
      ),
    ],
    departments: departmentList,
    teamSpaces: makeList(makeTeamSpaceInfo, teams),
    groupSpaces,
    userSpaces,
    userQuotas: userSpaces.map((user, index) => makeUserSpaceQuota({ userId: user.userId }, index)),
    allocation: [
      { type: 0, allocateCapacity: 1000, totalCapacity: 5000 },
      { type: 1, allocateCapacity: 300, totalCapacity: 3000 },
      { type: 2, allocateCapacity: 100, totalCapacity: 2000 },
    ],
    org: makeOrganization({ departments: departmentList, userSpaces, groupSpaces }),
    files: createMockFiles(),
    tasks: makeTasksState(),
    governance: makeGovernanceState(ORG_ID),
    sharing: createMockSharing(),
  };
}
