/**
 * The organization the mock KooDrive holds (`state.org`): its department tree, users, the OrgID
 * directory users are added from, user groups, the subscription, and the sign-in sessions.
 *
 * Spaces are not kept here: a department's team space, a user's individual space and a group's
 * space live in the Space Management state (`state.spaces`, `state.departments`,
 * `state.userSpaces`, `state.groupSpaces`), and the organization's routes keep the two in step.
 */

/** A department. The root department has no `parentId`. */
export interface MockDepartment {
  /** KooDrive's ID of the department (19 digits). */
  id: string;
  /** KooDrive's ID of the parent department; absent on the root. */
  parentId?: string;
  name: string;
  /** The department's ID in OrgID (32 hexadecimal characters). */
  deptId: string;
}

/**
 * A user of the organization. The reference names two IDs: `id` (the ID in the path of GetUser in
 * its example) and `userId` (the ID CreateUser takes from OrgID, and the one sessions return). The
 * mock finds a user by either.
 */
export interface MockUser {
  id: string;
  userId: string;
  name: string;
  /** KooDrive's ID of the user's department. */
  deptId: string;
  /** Masked, as GetUser shows it. */
  mobile: string;
  /** 0 department administrator, 1 ordinary user, 2 system administrator, 3 drive administrator, 5 member who manages members. */
  role: number;
  /** 0 enabled, 1 disabled. */
  status: number;
  /** The user's internal ID, as sessions report it. */
  innerUserId: string;
}

/** Someone in the organization's OrgID directory, who CreateUser can add to KooDrive. */
export interface MockOrgIdPerson {
  /** The OrgID user ID CreateUser takes. */
  userId: string;
  name: string;
  mobile: string;
}

/** A member of a user group. */
export interface MockGroupMember {
  /** The member's `MockUser.id`. */
  userId: string;
  /** 0 owner, 1 administrator, 2 ordinary member. */
  role: 0 | 1 | 2;
  /** 1 when the member pinned the group to the top. */
  top: 0 | 1;
  createdTime: string;
  updatedTime: string;
}

/** A group (sourceType 0, the kind that has a group space) or a user group (sourceType 1). */
export interface MockUserGroup {
  id: string;
  groupName: string;
  /** The owner's `MockUser.id`. */
  ownerId: string;
  sourceType: 0 | 1;
  iconUrl?: string;
  createdTime: string;
  updatedTime: string;
  members: MockGroupMember[];
}

/** The organization's subscription: GetService shows it, GetQuotaUsed adds what the state uses. */
export interface MockSubscription {
  /** 0 normal, 1 frozen. */
  status: 0 | 1;
  /** How many users the organization may have (ServiceStatus.userCount, ServiceUsage.userMaxCount). */
  userMaxCount: number;
  /** Default capacity (GB) of a new department's team space; 0 for none. */
  departmentSpaceSize: number;
  /** Default capacity (GB) of a new user's individual space; 0 for none. */
  personalSpaceSize: number;
  /** Default capacity (GB) of a group space; 0 for none. */
  groupSpaceSize: number;
  /** Capacity (GB) held back from every space type. */
  reservedSpaceQuota: number;
  /** SetPackageDownloadExpires's setting, 1 to 30 (7 by default). */
  packageDownloadExpires: number;
  productType: string;
  rootDeptCode: string;
  aiAvailable: boolean;
  wpsAvailable: boolean;
  manualAuditOpen: string;
  publicShareFlag: string;
  aiFlag: string;
  telcomFlag: string;
}

/** Why a session ended. */
export type MockSessionEnd = 'logout' | 'revoked' | 'user-deleted';

/**
 * A signed-in session. Its token lives 20 minutes after its last use; refreshSession replaces it
 * (the old one is refused from then on). A test may set `lastUsedAt` back to expire the token, or
 * `ended` to end the session.
 */
export interface MockSession {
  sessionId: string;
  /** The signed-in user's `MockUser.id`. */
  user: string;
  /** The current access token, without its scheme. */
  token: string;
  /** When the token was last used, in ms of the mock's clock. */
  lastUsedAt: number;
  createdAt: number;
  /** Tokens refreshSession replaced, refused from then on. */
  replacedTokens: string[];
  /** Set once the session has ended; its tokens are refused. */
  ended?: MockSessionEnd;
}

/** An authorization code the mock's OrgID sign-in page issued, for createSession. */
export interface MockSignInCode {
  code: string;
  /** The user who signed in (`MockUser.id`). */
  user: string;
  issuedAt: number;
  /** Codes are single-use. */
  used: boolean;
}

/** Everything the mock knows of the organization. */
export interface MockOrganization {
  /** The organization's ID in OrgID. */
  orgId: string;
  orgName: string;
  tenantId: string;
  /** The root department's `id`. */
  rootDepartmentId: string;
  /** The `MockUser.id` of the administrator: who signs in unless told otherwise, and who a plain token acts as. */
  administratorId: string;
  /** The OrgID application (client_id) in sign-in URLs. */
  clientId: string;
  departments: MockDepartment[];
  users: MockUser[];
  /** OrgID users not yet in KooDrive. */
  directory: MockOrgIdPerson[];
  groups: MockUserGroup[];
  subscription: MockSubscription;
  sessions: MockSession[];
  signInCodes: MockSignInCode[];
}
