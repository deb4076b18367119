import type {
  DepartmentSpaceInfo,
  GroupSpaceInfo,
  SpaceInfo,
  SpaceQuotaUsage,
  TeamSpaceInfo,
  UserSpaceInfo,
  UserSpaceQuota,
} from '@koodrive/types';
import type { MockOrganization } from './state/org.js';

/** Allocated and total capacity (GB) of one space type, as the mock keeps it. */
export interface MockAllocation {
  type: 0 | 1 | 2;
  allocateCapacity: number;
  totalCapacity: number;
}

/** What the mock KooDrive holds; tests read and change it freely. */
export interface MockState {
  /** GetSpaceUsageByQuota's rows; GetSpaceUsageByOverview sums them. */
  spaceQuotaUsage: SpaceQuotaUsage[];
  /** Every space, whatever its type: GetSpace, CreateSpace, UpdateSpace, DeleteSpace, … */
  spaces: SpaceInfo[];
  departments: DepartmentSpaceInfo[];
  teamSpaces: TeamSpaceInfo[];
  /** Group spaces; CreateGroupSpace adds to this and to `spaces`, DeleteGroupSpace removes from both. */
  groupSpaces: GroupSpaceInfo[];
  userSpaces: UserSpaceInfo[];
  userQuotas: UserSpaceQuota[];
  allocation: MockAllocation[];
  /** The organization: departments, users, groups, subscription, sign-in sessions (see state/org.ts). */
  org: MockOrganization;
}

/** A request that passed the mock's checks, as a handler sees it. */
export interface MockRequest {
  operationId: string;
  method: string;
  /** The request's path, e.g. `/koodrive/ose/v1/space/usage/quota`. */
  path: string;
  pathParams: Record<string, string>;
  /** Query parameters, converted to the types the spec declares. */
  query: Record<string, unknown>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
}

/** What a handler answers: a JSON body (status 200 unless given), or a Response of its own. */
export type MockReply = { status?: number; body?: unknown; headers?: Record<string, string> } | Response;

/** What a mock route handler gets beside the request: the mock's data, page size and clock. */
export interface MockContext {
  state: MockState;
  defaultPageSize: number;
  /** The mock's clock, for handlers that care about time. */
  now: () => Date;
}

/** A mock route: answers a request that passed authentication and the spec's checks. */
export type MockHandler = (request: MockRequest, context: MockContext) => MockReply | Promise<MockReply>;

/** Every request that reached the mock, whether or not it passed the checks: what was on the wire. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  bodyText: string;
  /** The operation the request matched, if any. */
  operationId?: string;
  /** The HTTP status the mock answered. */
  status: number;
}
