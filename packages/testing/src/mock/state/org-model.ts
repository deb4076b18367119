/**
 * What the organization's routes share: finding departments and users, walking the department
 * tree, and keeping the Space Management state in step (a department's team space, a user's
 * individual space, a group's space, and the capacity they take from GetSpaceAllocation's pools).
 */
import { makeContainerId, makeOwnerId } from '../../factories/ids.js';
import { makeSpaceInfo, makeUserSpaceInfo, makeUserSpaceQuota } from '../../factories/space.js';
import type { MockState } from '../types.js';
import type { MockDepartment, MockOrganization, MockUser } from './org.js';

/** Space types, as SpaceInfo and GetSpaceAllocation number them. */
export const SPACE_TYPE = { department: 0, individual: 1, group: 2 } as const;

export function findDepartment(org: MockOrganization, id: unknown): MockDepartment | undefined {
  return org.departments.find((department) => department.id === String(id));
}

/** The IDs of a department and of every department below it. */
export function subtreeIds(org: MockOrganization, id: string): Set<string> {
  const ids = new Set([id]);
  // Parents may come after their children in the list: repeat until nothing is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const department of org.departments) {
      if (department.parentId !== undefined && ids.has(department.parentId) && !ids.has(department.id)) {
        ids.add(department.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A user by either of the IDs the reference uses for them (`id` or `userId`). */
export function findUser(org: MockOrganization, anyId: unknown): MockUser | undefined {
  const wanted = String(anyId);
  return org.users.find((user) => user.id === wanted || user.userId === wanted);
}

/** The user a request acts for (X-User-Id), or the administrator when X-User-Id names no user. */
export function callerOf(org: MockOrganization, headers: Record<string, string>): MockUser {
  const caller = findUser(org, headers['x-user-id'] ?? '');
  return caller ?? (org.users.find((user) => user.id === org.administratorId) as MockUser);
}

/** A 19-digit ID with the prefix that no record of the list has yet. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let index = used.size + 1; ; index++) {
    const id = makeOwnerId(index, prefix);
    if (!used.has(id)) return id;
  }
}

/**
 * Takes capacity (GB) from a space type's pool, as GetSpaceAllocation shows it: false when the
 * pool has less free than asked. A state without a pool for the type does not count capacity.
 */
export function allocate(state: MockState, type: number, capacity: number): boolean {
  const pool = state.allocation.find((allocation) => allocation.type === type);
  if (!pool || capacity <= 0) return true;
  if (pool.totalCapacity - pool.allocateCapacity < capacity) return false;
  pool.allocateCapacity += capacity;
  return true;
}

/** Gives capacity back to a space type's pool. */
export function release(state: MockState, type: number, capacity: number): void {
  const pool = state.allocation.find((allocation) => allocation.type === type);
  if (pool) pool.allocateCapacity = Math.max(0, pool.allocateCapacity - capacity);
}

const nextContainer = (state: MockState, base: number) => makeContainerId(base + state.spaces.length + 1);

/**
 * Gives a new department its team space, of the subscription's default size (none when that is 0),
 * taken from the department pool. False, changing nothing, when the pool has too little free.
 */
export function addDepartmentSpace(state: MockState, org: MockOrganization, department: MockDepartment): boolean {
  const capacity = org.subscription.departmentSpaceSize;
  if (!allocate(state, SPACE_TYPE.department, capacity)) return false;
  state.departments.push({
    id: department.id,
    ...(department.parentId === undefined ? {} : { parentId: department.parentId }),
    name: department.name,
    tenantId: org.tenantId,
  });
  if (capacity <= 0) return true;
  state.spaces.push(
    makeSpaceInfo(
      {
        ownerId: department.id,
        type: String(SPACE_TYPE.department),
        capacity: String(capacity),
        spaceUsed: '0',
        containerId: nextContainer(state, 11_000),
      },
      state.spaces.length,
    ),
  );
  return true;
}

/** Removes a department's team space and gives its capacity back. */
export function removeDepartmentSpace(state: MockState, departmentId: string): void {
  state.departments = state.departments.filter((department) => department.id !== departmentId);
  removeSpaces(state, [departmentId], SPACE_TYPE.department);
}

/** Keeps Space Management's view of a department (name, parent) in step with a change. */
export function updateDepartmentSpace(state: MockState, department: MockDepartment): void {
  for (const row of state.departments) {
    if (row.id !== department.id) continue;
    row.name = department.name;
    if (department.parentId !== undefined) row.parentId = department.parentId;
  }
  for (const row of state.userSpaces) if (row.deptId === department.id) row.deptName = department.name;
}

/**
 * Gives a new user their individual space, of the subscription's default size (none when that is
 * 0), taken from the individual pool. False, changing nothing, when the pool has too little free.
 */
export function addUserSpace(state: MockState, org: MockOrganization, user: MockUser): boolean {
  const capacity = org.subscription.personalSpaceSize;
  if (capacity <= 0) return true;
  if (!allocate(state, SPACE_TYPE.individual, capacity)) return false;
  const containerId = nextContainer(state, 12_000);
  const index = state.userSpaces.length;
  state.spaces.push(
    makeSpaceInfo(
      {
        ownerId: user.userId,
        type: String(SPACE_TYPE.individual),
        capacity: String(capacity),
        spaceUsed: '0',
        containerId,
      },
      state.spaces.length,
    ),
  );
  state.userSpaces.push(
    makeUserSpaceInfo(
      {
        id: user.id,
        userId: user.userId,
        name: user.name,
        deptId: user.deptId,
        deptName: findDepartment(org, user.deptId)?.name ?? '',
        mobile: user.mobile,
        role: user.role,
        status: user.status,
        containerId,
        capacity: capacity * 1024 * 1024,
        spaceUsed: 0,
        tenantId: org.tenantId,
      },
      index,
    ),
  );
  state.userQuotas.push(makeUserSpaceQuota({ userId: user.userId, quota: String(capacity * 1024 * 1024), used: 0 }));
  return true;
}

/** Keeps Space Management's rows of a user (department, role, status) in step with a change. */
export function updateUserSpace(state: MockState, org: MockOrganization, user: MockUser): void {
  for (const row of state.userSpaces) {
    if (row.userId !== user.userId && row.id !== user.id) continue;
    row.deptId = user.deptId;
    row.deptName = findDepartment(org, user.deptId)?.name ?? '';
    row.role = user.role;
    row.status = user.status;
  }
}

/** Removes every space of a user (individual spaces, their list rows and quotas) and gives the capacity back. */
export function removeUserSpaces(state: MockState, user: MockUser): void {
  const ids = new Set([user.id, user.userId]);
  state.userSpaces = state.userSpaces.filter((row) => !ids.has(row.userId ?? '') && !ids.has(row.id ?? ''));
  state.userQuotas = state.userQuotas.filter((row) => !ids.has(row.userId ?? ''));
  removeSpaces(state, [...ids], SPACE_TYPE.individual);
}

/** Removes a group's space, if it has one. */
export function removeGroupSpace(state: MockState, groupId: string): void {
  state.groupSpaces = state.groupSpaces.filter((group) => group.id !== groupId);
  removeSpaces(state, [groupId], SPACE_TYPE.group);
}

function removeSpaces(state: MockState, owners: string[], type: number): void {
  const gone = state.spaces.filter(
    (space) => owners.includes(space.ownerId ?? '') && String(space.type) === String(type),
  );
  for (const space of gone) release(state, type, Number(space.capacity ?? 0));
  state.spaces = state.spaces.filter((space) => !gone.includes(space));
}

/** The capacity (GB) of a space type's pool, allocated and in all; zeros for a type with no pool. */
export function poolOf(state: MockState, type: number): { allocated: number; total: number } {
  const pool = state.allocation.find((allocation) => allocation.type === type);
  return { allocated: pool?.allocateCapacity ?? 0, total: pool?.totalCapacity ?? 0 };
}

/** What the spaces of a type use, summed from Space Management's `spaceUsed`. */
export function usedBy(state: MockState, type: number): number {
  return state.spaces
    .filter((space) => String(space.type) === String(type))
    .reduce((sum, space) => sum + Number(space.spaceUsed ?? 0), 0);
}

/** The subscription's capacity (GB): every pool's total, and the reserve. */
export function subscribedCapacity(state: MockState, org: MockOrganization): number {
  const pools = state.allocation.reduce((sum, allocation) => sum + allocation.totalCapacity, 0);
  return pools + org.subscription.reservedSpaceQuota;
}
