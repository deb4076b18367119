/**
 * Factories of the organization's schemas (Department, User and Group Management, Service
 * Subscription, Session Management): `makeX(overrides, index)` gives a valid, realistic X, the same
 * for the same index; the contract test checks each against the spec. `makeOrganization()` builds a
 * whole organization for the mock, and the `…View` functions turn its records into what the
 * operations answer.
 */
import type {
  DepartmentInfo,
  DepartmentSpaceInfo,
  GroupSpaceInfo,
  ImportUserVerifyResult,
  JsSdkData,
  ManagedUserInfo,
  MemberInfo,
  OrgUserInfo,
  ServiceStatus,
  ServiceUsage,
  SessionUserDto,
  SessionUserInfo,
  UserGroup,
  UserGroupInfo,
  UserSpaceInfo,
} from '@koodrive/types';
import type {
  MockDepartment,
  MockGroupMember,
  MockOrganization,
  MockOrgIdPerson,
  MockSubscription,
  MockUser,
  MockUserGroup,
} from '../mock/state/org.js';
import { makeOwnerId, TENANT_ID } from './ids.js';

/** The organization's ID in OrgID, as the reference's examples show it. */
export const ORG_ID = '9190086000001210958';
/** The root department's ID: the parent of every department makeDepartmentSpaceInfo makes. */
export const ROOT_DEPARTMENT_ID = '1289171275545118721';
/** The administrator's user ID: the X-User-Id of the reference's examples and of this project's. */
export const ADMINISTRATOR_USER_ID = '1505084218764547200';

const timestamp = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString();

/** `length` hexadecimal characters, the same for the same seed (an OrgID department code, a token). */
export function makeHex(seed: number, length = 32): string {
  let hex = '';
  let state = seed >>> 0;
  while (hex.length < length) {
    // mulberry32: a small, well-mixed generator, so the digits look like the service's.
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    hex += ((mixed ^ (mixed >>> 14)) >>> 0).toString(16).padStart(8, '0');
  }
  return hex.slice(0, length);
}

/** How ManagedUserInfo's roles (0, 3, 5 administer; 1 ordinary; 2 system administrator) read in a session. */
const sessionRole = (role: number): '0' | '1' | '2' => (role === 2 ? '2' : role === 1 ? '1' : '0');

/** A department as GetDepartment and GetDepartmentList return it. */
export function makeDepartmentInfo(overrides: Partial<DepartmentInfo> = {}, index = 0): DepartmentInfo {
  return {
    id: makeOwnerId(index, '12891736'),
    orgId: ORG_ID,
    deptId: makeHex(index),
    parentId: ROOT_DEPARTMENT_ID,
    name: `Department ${index + 1}`,
    tenantId: TENANT_ID,
    ...overrides,
  };
}

/** A user as GetUser and GetUserList return it: an ordinary, enabled user of makeDepartmentInfo's department. */
export function makeManagedUserInfo(overrides: Partial<ManagedUserInfo> = {}, index = 0): ManagedUserInfo {
  return {
    name: `User ${index + 1}`,
    userId: makeOwnerId(index, '15050842'),
    deptId: makeOwnerId(index % 3, '12891736'),
    deptName: `Department ${(index % 3) + 1}`,
    mobile: `+65 8${String(index).padStart(7, '0')}`,
    role: 1,
    status: 0,
    id: makeOwnerId(index, '16000000'),
    ...overrides,
  };
}

/** A group as GetUserGroupList lists it. */
export function makeUserGroupInfo(overrides: Partial<UserGroupInfo> = {}, index = 0): UserGroupInfo {
  return {
    id: makeOwnerId(index, '14100000'),
    groupName: `User group ${index + 1}`,
    ownerId: ADMINISTRATOR_USER_ID,
    createdTime: timestamp(index),
    updatedTime: timestamp(index + 1),
    ...overrides,
  };
}

/** A group's details as GetUserGroup returns them: a user group (sourceType 1). */
export function makeUserGroup(overrides: Partial<UserGroup> = {}, index = 0): UserGroup {
  return {
    ...makeUserGroupInfo({}, index),
    tenantId: TENANT_ID,
    sourceType: 1,
    iconUrl: `https://example.invalid/groups/${index}.png`,
    ...overrides,
  };
}

/** A member of a user group: an ordinary member, not pinned. */
export function makeMemberInfo(overrides: Partial<MemberInfo> = {}, index = 0): MemberInfo {
  const user = makeManagedUserInfo({}, index);
  return {
    userId: user.userId,
    userName: user.name,
    deptId: user.deptId,
    deptName: user.deptName,
    mobile: user.mobile,
    role: 2,
    top: 0,
    createdTime: timestamp(index),
    updatedTime: timestamp(index),
    ...overrides,
  };
}

/** The subscription makeOrganization starts with. */
export function makeSubscription(overrides: Partial<MockSubscription> = {}): MockSubscription {
  return {
    status: 0,
    userMaxCount: 200,
    departmentSpaceSize: 20,
    personalSpaceSize: 10,
    groupSpaceSize: 20,
    reservedSpaceQuota: 0,
    packageDownloadExpires: 7,
    productType: 'standard',
    rootDeptCode: makeHex(9999),
    aiAvailable: false,
    wpsAvailable: true,
    manualAuditOpen: '0',
    publicShareFlag: '1',
    aiFlag: '0',
    telcomFlag: '0',
    ...overrides,
  };
}

/** A subscription as GetService returns it: usable, 10 TB, 200 users. */
export function makeServiceStatus(overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  return { ...serviceStatusView(makeOrganization(), 10_000), ...overrides };
}

/** Usage as GetQuotaUsed returns it: some of every quota used. */
export function makeServiceUsage(overrides: Partial<ServiceUsage> = {}): ServiceUsage {
  return {
    spaceQuotaUsed: 1400,
    userCount: 31,
    spaceCapacity: 10_000,
    userMaxCount: 200,
    spaceUsed: 52_431,
    deptSpaceQuota: 5000,
    personalSpaceQuota: 3000,
    groupSpaceQuota: 2000,
    reservedSpaceQuota: 0,
    deptSpaceUsed: 41_202,
    deptSpaceQuotaUsed: 1000,
    personalSpaceUsed: 9_876,
    personalSpaceQuotaUsed: 300,
    groupSpaceUsed: 1_353,
    groupSpaceQuotaUsed: 100,
    packageDownloadExpires: 7,
    productType: 'standard',
    ...overrides,
  };
}

/** The signed-in user as authSession returns them: the administrator. */
export function makeOrgUserInfo(overrides: Partial<OrgUserInfo> = {}): OrgUserInfo {
  const org = makeOrganization();
  return { ...orgUserInfoView(org, administratorOf(org)), ...overrides };
}

/** The user of a new session as createSession returns them: the administrator. */
export function makeSessionUserInfo(overrides: Partial<SessionUserInfo> = {}): SessionUserInfo {
  const org = makeOrganization();
  return { ...sessionUserInfoView(org, administratorOf(org)), ...overrides };
}

/** A new session as createSession returns it. The token is made up: no mock accepts it unless told to. */
export function makeSessionUserDto(overrides: Partial<SessionUserDto> = {}, index = 0): SessionUserDto {
  const userInfo = makeSessionUserInfo();
  return {
    accessToken: `Bearer ${makeHex(index, 48)}`,
    sessionId: makeHex(index + 5000, 48),
    userId: userInfo.userId,
    userInfo,
    ...overrides,
  };
}

/** What getJsSdkInfo returns, with a one-time `sdk_auth_code` in `orgid_config`. */
export function makeJsSdkData(overrides: Partial<JsSdkData> = {}, index = 0): JsSdkData {
  const script = 'https://orgid.example.invalid/orgid/console-web/jssdk/jssdk.umd.js';
  const transaction = String(1724663471194 + index);
  return {
    page_token_key: transaction,
    page_token: makeHex(index + 7000, 32),
    js_sdk_url: script,
    retry_js_sdk_url: script,
    transaction_id: transaction,
    orgid_config: JSON.stringify({ sdk_auth_code: makeHex(index + 8000, 32), organization_source: 'HUAWEI_ID' }),
    ...overrides,
  };
}

/** One verdict of batchImportUserPreVerify: importable (0, the value the reference's example shows). */
export function makeImportUserVerifyResult(overrides: Partial<ImportUserVerifyResult> = {}): ImportUserVerifyResult {
  return { isSuccess: 0, ...overrides };
}

// ---------------------------------------------------------------------------------------------
// The organization as the mock holds it, and the views its operations answer with.

/** The Space Management rows an organization is built to agree with (makeMockState passes its own). */
export interface OrganizationSources {
  /** Departments with team spaces; their parents must be the root or one of them. */
  departments?: readonly DepartmentSpaceInfo[];
  /** Users with individual spaces. */
  userSpaces?: readonly UserSpaceInfo[];
  /** Group spaces: each is a group (sourceType 0) of the organization. */
  groupSpaces?: readonly GroupSpaceInfo[];
  /** How many user groups (sourceType 1, no space) to add; default 3. */
  userGroups?: number;
  /** How many OrgID users, not yet in KooDrive, CreateUser can add; default 5. */
  directory?: number;
  subscription?: Partial<MockSubscription>;
}

function member(user: string, role: MockGroupMember['role'], index: number): MockGroupMember {
  return { userId: user, role, top: 0, createdTime: timestamp(index), updatedTime: timestamp(index) };
}

/**
 * A whole organization: a root department and the given departments under it, an administrator
 * in the root and a user per individual space, groups for the group spaces and a few user groups,
 * an OrgID directory to add users from, and a subscription. Deterministic; no sessions.
 */
export function makeOrganization(sources: OrganizationSources = {}): MockOrganization {
  const { departments = [], userSpaces = [], groupSpaces = [], userGroups = 3, directory = 5 } = sources;
  const administrator: MockUser = {
    id: makeOwnerId(0, '13160837'),
    userId: ADMINISTRATOR_USER_ID,
    name: 'Tenant Administrator',
    deptId: ROOT_DEPARTMENT_ID,
    mobile: '0086181****8439',
    role: 2,
    status: 0,
    innerUserId: '369528171409614001',
  };
  const users: MockUser[] = [
    administrator,
    ...userSpaces.map((space, index) => ({
      id: space.id ?? makeOwnerId(index, '16000000'),
      userId: space.userId ?? makeOwnerId(index, '15050842'),
      name: space.name ?? `User ${index + 1}`,
      deptId: space.deptId ?? ROOT_DEPARTMENT_ID,
      mobile: space.mobile ?? '',
      role: space.role ?? 1,
      status: space.status ?? 0,
      innerUserId: makeOwnerId(index + 1, '36952817'),
    })),
  ];
  const byUserId = (userId: string | undefined) => users.find((user) => user.userId === userId)?.id;
  const ordinary = users.slice(1);
  const groups: MockUserGroup[] = [
    ...groupSpaces.map((space, index): MockUserGroup => {
      const owner = byUserId(space.ownerId) ?? administrator.id;
      return {
        id: space.id ?? makeOwnerId(index, '14000000'),
        groupName: space.ownerName ?? `Group ${index + 1}`,
        ownerId: owner,
        sourceType: 0,
        createdTime: space.createTime ?? timestamp(index),
        updatedTime: space.updateTime ?? timestamp(index),
        members: [member(owner, 0, index)],
      };
    }),
    ...Array.from({ length: userGroups }, (_, index): MockUserGroup => {
      const info = makeUserGroupInfo({}, index);
      const members = [member(administrator.id, 0, index)];
      // Every third ordinary user, starting at the group's index, is a member.
      for (let next = index; next < ordinary.length; next += 3) {
        const user = ordinary[next] as MockUser;
        members.push(member(user.id, next === index ? 1 : 2, index));
      }
      return {
        id: info.id as string,
        groupName: info.groupName as string,
        ownerId: administrator.id,
        sourceType: 1,
        iconUrl: `https://example.invalid/groups/${index}.png`,
        createdTime: info.createdTime as string,
        updatedTime: info.updatedTime as string,
        members,
      };
    }),
  ];
  const people: MockOrgIdPerson[] = Array.from({ length: directory }, (_, index) => ({
    userId: makeOwnerId(index + 1, '10086000'),
    name: `OrgID user ${index + 1}`,
    mobile: `0086139****${String(1000 + index).slice(-4)}`,
  }));
  const subscription = makeSubscription(sources.subscription);
  return {
    orgId: ORG_ID,
    orgName: 'KooDrive',
    tenantId: TENANT_ID,
    rootDepartmentId: ROOT_DEPARTMENT_ID,
    administratorId: administrator.id,
    clientId: makeHex(4242, 64),
    departments: [
      { id: ROOT_DEPARTMENT_ID, name: 'KooDrive', deptId: subscription.rootDeptCode },
      ...departments.map((department, index) => ({
        id: department.id ?? makeOwnerId(index, '12891736'),
        parentId: department.parentId ?? ROOT_DEPARTMENT_ID,
        name: department.name ?? `Department ${index + 1}`,
        deptId: makeHex(index),
      })),
    ],
    users,
    directory: people,
    groups,
    subscription,
    sessions: [],
    signInCodes: [],
  };
}

/** The organization's administrator. */
export function administratorOf(org: MockOrganization): MockUser {
  const administrator = org.users.find((user) => user.id === org.administratorId);
  if (!administrator) throw new Error('the mock organization has no administrator');
  return administrator;
}

/** A department as the Department Management operations answer it. */
export function departmentView(org: MockOrganization, department: MockDepartment): DepartmentInfo {
  return {
    id: department.id,
    orgId: org.orgId,
    deptId: department.deptId,
    ...(department.parentId === undefined ? {} : { parentId: department.parentId }),
    name: department.name,
    tenantId: org.tenantId,
  };
}

const departmentName = (org: MockOrganization, id: string) =>
  org.departments.find((department) => department.id === id)?.name ?? '';

/** A user as GetUser and GetUserList answer them. */
export function userView(org: MockOrganization, user: MockUser): ManagedUserInfo {
  return {
    name: user.name,
    userId: user.userId,
    deptId: user.deptId,
    deptName: departmentName(org, user.deptId),
    mobile: user.mobile,
    role: user.role,
    status: user.status,
    id: user.id,
  };
}

/** The KooDrive user ID a group names its owner and members by: the user's `userId`. */
const userIdOf = (org: MockOrganization, id: string) => org.users.find((user) => user.id === id)?.userId ?? id;

/** A group as GetUserGroupList lists it. */
export function userGroupInfoView(org: MockOrganization, group: MockUserGroup): UserGroupInfo {
  return {
    id: group.id,
    groupName: group.groupName,
    ownerId: userIdOf(org, group.ownerId),
    createdTime: group.createdTime,
    updatedTime: group.updatedTime,
  };
}

/** A group as GetUserGroup answers it. */
export function userGroupView(org: MockOrganization, group: MockUserGroup): UserGroup {
  return {
    ...userGroupInfoView(org, group),
    tenantId: org.tenantId,
    sourceType: group.sourceType,
    ...(group.iconUrl === undefined ? {} : { iconUrl: group.iconUrl }),
  };
}

/** A member as GetUserGroupMemberList lists them. */
export function memberView(org: MockOrganization, membership: MockGroupMember): MemberInfo {
  const user = org.users.find((candidate) => candidate.id === membership.userId);
  return {
    userId: user?.userId ?? membership.userId,
    userName: user?.name ?? '',
    deptId: user?.deptId ?? '',
    deptName: user ? departmentName(org, user.deptId) : '',
    mobile: user?.mobile ?? '',
    role: membership.role,
    top: membership.top,
    createdTime: membership.createdTime,
    updatedTime: membership.updatedTime,
  };
}

/** A signed-in user as authSession answers them. */
export function orgUserInfoView(org: MockOrganization, user: MockUser): OrgUserInfo {
  return {
    role: sessionRole(user.role),
    innerUserId: user.innerUserId,
    userName: user.name,
    orgId: org.orgId,
    orgName: org.orgName,
    tenantId: org.tenantId,
    userCount: org.users.length,
    deptId: user.deptId,
    userId: user.userId,
  };
}

/** A new session's user as createSession answers them. */
export function sessionUserInfoView(org: MockOrganization, user: MockUser): SessionUserInfo {
  return {
    role: sessionRole(user.role),
    userName: user.name,
    innerUserId: user.innerUserId,
    userId: user.userId,
    tenantId: org.tenantId,
    orgId: org.orgId,
    orgName: org.orgName,
    xHwSchema: `schema_${org.tenantId}`,
    userCount: org.users.length,
    deptId: user.deptId,
  };
}

/** The subscription as GetService answers it; `spaceCapacity` (GB) is what the space state holds. */
export function serviceStatusView(org: MockOrganization, spaceCapacity: number): ServiceStatus {
  const { subscription } = org;
  return {
    status: subscription.status,
    spaceCapacity,
    userCount: subscription.userMaxCount,
    groupSpaceSize: subscription.groupSpaceSize,
    personalSpaceSize: subscription.personalSpaceSize,
    organizationName: org.orgName,
    organizationId: org.orgId,
    rootDeptCode: subscription.rootDeptCode,
    tenantId: org.tenantId,
    departmentSpaceSize: subscription.departmentSpaceSize,
    aiAvailable: subscription.aiAvailable,
    wpsAvailable: subscription.wpsAvailable,
    productType: subscription.productType,
    manualAuditOpen: subscription.manualAuditOpen,
    publicShareFlag: subscription.publicShareFlag,
    aiFlag: subscription.aiFlag,
    telcomFlag: subscription.telcomFlag,
  };
}
