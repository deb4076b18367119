/**
 * Factories of the Space Management schemas: `makeX(overrides, index)` gives a realistic, valid X
 * (the contract test checks each against the spec); the same index always gives the same value.
 */
import type {
  AddGroupUsers,
  Capabilities,
  CreateSpaceRspInfo,
  DepartmentSpaceInfo,
  GetSpaceAllocatedData,
  GroupSpaceInfo,
  SpaceInfo,
  SpaceInfoV2,
  TeamSpaceInfo,
  TransferUnusedSpaceData,
  UserSpaceInfo,
  UserSpaceQuota,
} from '@koodrive/types';
import { makeContainerId, makeOwnerId, TENANT_ID } from './ids.js';

const GB_IN_KB = 1024 * 1024;
const timestamp = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString();

/** Permission flags of a space member: a fixed, realistic mix of grants, overridable flag by flag. */
export function makeCapabilities(overrides: Partial<Capabilities> = {}): Capabilities {
  return {
    addChildNodePermission: true,
    copyPermission: true,
    deletePermission: false,
    downloadPermission: true,
    editPermission: false,
    listChildNodePermission: true,
    removeChildNodePermission: false,
    renameFilePermission: true,
    shareFilePermission: true,
    uploadPermission: true,
    viewPermission: true,
    ...overrides,
  };
}

/** A space as GetSpace returns it; type 1 (individual) unless overridden. */
export function makeSpaceInfo(overrides: Partial<SpaceInfo> = {}, index = 0): SpaceInfo {
  const containerId = overrides.containerId ?? makeContainerId(index);
  return {
    type: '1',
    status: '0',
    ownerId: makeOwnerId(index),
    containerId,
    bizRootFileId: `DEUI7pa0C24Aroot${containerId}`,
    bizSboxFileId: `DEUI7pa0C24Asbox${containerId}`,
    // Numbers, as the examples of every table that has them show (the SpaceInfo table says String).
    capacity: 10 + (index % 5) * 10,
    spaceUsed: (index * 7919) % 1_000_000,
    tenantId: TENANT_ID,
    creator: makeOwnerId(0, '36952817'),
    createTime: timestamp(index),
    modifier: makeOwnerId(0, '36952817'),
    updateTime: timestamp(index + 30),
    // The root folder's ID, as bizRootFileId (`root<containerId>` is the root's name: GetFullPath's namePath).
    rootFileId: `DEUI7pa0C24Aroot${containerId}`,
    ...overrides,
  };
}

/** GetSpaceV2's view of a space: no createTime, updateTime or administrators. */
export function toSpaceInfoV2({ createTime, updateTime, administrators, ...space }: SpaceInfo): SpaceInfoV2 {
  return space;
}

/** A space as GetSpaceV2 returns it: makeSpaceInfo's space of the same index, without the fields V2 drops. */
export function makeSpaceInfoV2(overrides: Partial<SpaceInfoV2> = {}, index = 0): SpaceInfoV2 {
  return { ...toSpaceInfoV2(makeSpaceInfo({}, index)), ...overrides };
}

/**
 * CreateSpace's answer for a space: the same space as GetSpace then shows, in the types the
 * CreateSpace table gives (numbers where GetSpace's table says String).
 */
export function toCreateSpaceRspInfo(space: SpaceInfo): CreateSpaceRspInfo {
  return {
    type: Number(space.type) as CreateSpaceRspInfo['type'],
    status: Number(space.status ?? 0),
    ownerId: space.ownerId,
    containerId: space.containerId,
    bizRootFileId: space.bizRootFileId,
    bizSboxFileId: space.bizSboxFileId,
    capacity: Number(space.capacity ?? 0),
    spaceUsed: Number(space.spaceUsed ?? 0),
    tenantId: space.tenantId,
    creator: space.creator,
    modifier: space.modifier,
    rootFileId: space.rootFileId,
    operatorId: 1,
  };
}

/** The space CreateSpace answers with: makeSpaceInfo's space of the same index, as CreateSpace shows it. */
export function makeCreateSpaceRspInfo(overrides: Partial<CreateSpaceRspInfo> = {}, index = 0): CreateSpaceRspInfo {
  return { ...toCreateSpaceRspInfo(makeSpaceInfo({}, index)), spaceUsed: 0, ...overrides };
}

/** A department with a space, as GetDepartmentSpaceList lists it. */
export function makeDepartmentSpaceInfo(overrides: Partial<DepartmentSpaceInfo> = {}, index = 0): DepartmentSpaceInfo {
  return {
    id: makeOwnerId(index, '12891736'),
    parentId: '1289171275545118721',
    name: `Department ${index + 1}`,
    tenantId: TENANT_ID,
    ...overrides,
  };
}

/** A team space, as GetTeamSpaceList lists it. */
export function makeTeamSpaceInfo(overrides: Partial<TeamSpaceInfo> = {}, index = 0): TeamSpaceInfo {
  const containerId = makeContainerId(1000 + index);
  return {
    id: makeOwnerId(index, '13000000'),
    status: 0,
    capacity: 20 + index,
    spaceUsed: String(index * 1024),
    containerId,
    userNum: 1 + (index % 9),
    ownerId: makeOwnerId(index, '15050842'),
    ownerName: `Owner ${index + 1}`,
    tenantId: TENANT_ID,
    creator: makeOwnerId(index, '15050842'),
    createTime: timestamp(index),
    modifier: makeOwnerId(index, '15050842'),
    updateTime: timestamp(index + 1),
    bizRootFileId: `DEUI7pa0C24Aroot${containerId}`,
    bizSboxFileId: `DEUI7pa0C24Asbox${containerId}`,
    iconUrl: `https://example.invalid/icons/${index}.png`,
    top: 0,
    role: 1,
    ...overrides,
  };
}

/** A group space, as GetGroupSpaceList lists it: makeTeamSpaceInfo's fields without the team-only ones. */
export function makeGroupSpaceInfo(overrides: Partial<GroupSpaceInfo> = {}, index = 0): GroupSpaceInfo {
  const { iconUrl, top, role, ...team } = makeTeamSpaceInfo({}, index);
  return { ...team, id: makeOwnerId(index, '14000000'), ...overrides };
}

/** A user's individual space, as GetUserSpaceList lists it. */
export function makeUserSpaceInfo(overrides: Partial<UserSpaceInfo> = {}, index = 0): UserSpaceInfo {
  return {
    name: `User ${index + 1}`,
    deptId: makeOwnerId(index % 3, '12891736'),
    deptName: `Department ${(index % 3) + 1}`,
    mobile: `+65 8${String(index).padStart(7, '0')}`,
    role: 0,
    status: 0,
    containerId: makeContainerId(2000 + index),
    capacity: 10 * GB_IN_KB,
    spaceUsed: (index * 104_729) % (10 * GB_IN_KB),
    tenantId: TENANT_ID,
    id: makeOwnerId(index, '16000000'),
    userId: makeOwnerId(index, '15050842'),
    spaceStatus: '0',
    ...overrides,
  };
}

/** A user's quota and usage, as GetSpaceUsageByUser returns it. */
export function makeUserSpaceQuota(overrides: Partial<UserSpaceQuota> = {}, index = 0): UserSpaceQuota {
  return {
    quota: String(GB_IN_KB),
    userId: makeOwnerId(index, '10086000'),
    used: (index * 4099) % GB_IN_KB,
    createTime: timestamp(index),
    effectiveTime: timestamp(index),
    expirationTime: timestamp(index + 365),
    ...overrides,
  };
}

/** Allocated and total capacity of one space type, as GetSpaceAllocation returns it. */
export function makeGetSpaceAllocatedData(
  overrides: Partial<GetSpaceAllocatedData> = {},
  index = 0,
): GetSpaceAllocatedData {
  return { type: index % 3, allocateCapacity: 1000 * (index + 1), totalCapacity: 2000 * (index + 1), ...overrides };
}

/** A TransferUnallocatedSpace request body: 100 GB to individual spaces unless overridden. */
export function makeTransferUnusedSpaceData(overrides: Partial<TransferUnusedSpaceData> = {}): TransferUnusedSpaceData {
  return { type: 1, expandCapacity: 100, ...overrides };
}

/** A member to add to a new group space, with makeCapabilities' permissions and no template (-1). */
export function makeAddGroupUsers(overrides: Partial<AddGroupUsers> = {}, index = 0): AddGroupUsers {
  return { userId: makeOwnerId(index, '15050842'), template: -1, capabilities: makeCapabilities(), ...overrides };
}

/** `count` values of a factory, for lists to page through: `makeList(makeTeamSpaceInfo, 250)`. */
export function makeList<T>(factory: (overrides: Partial<T>, index: number) => T, count: number): T[] {
  return Array.from({ length: count }, (_, index) => factory({}, index));
}
