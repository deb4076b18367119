import type {
  DepartmentSpaceInfo,
  GroupSpaceInfo,
  SpaceInfo,
  SpaceQuotaUsage,
  TeamSpaceInfo,
  UserSpaceInfo,
  UserSpaceQuota,
} from '@koodrive/types';
import type { MockFiles } from './state/files.js';
import type { MockGovernance } from './state/governance.js';
import type { MockOrganization } from './state/org.js';
import type { MockSharing } from './state/sharing.js';
import type { MockTasks } from './state/tasks.js';
import type { MockStorage } from './storage/storage.js';

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
  /** Folders and files of every space, recycle bins, favourites, stored contents, uploads (see state/files.ts). */
  files: MockFiles;
  /** Batch jobs and basic tasks, their timing and scripted failures (see state/tasks.ts). */
  tasks: MockTasks;
  /** Permission templates, member permissions, moderation records, the audit log (see state/governance.ts). */
  governance: MockGovernance;
  /** Shares, kdstokens, share tasks, messages, recent accesses and opened links (see state/sharing.ts). */
  sharing: MockSharing;
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
  /** The origin the request came to (`http://127.0.0.1:4010`), for URLs the mock hands out. */
  origin?: string;
}

/** What a handler answers: a JSON body (status 200 unless given), or a Response of its own. */
export type MockReply = { status?: number; body?: unknown; headers?: Record<string, string> } | Response;

/** What a mock route handler gets beside the request: the mock's data, page size and clock. */
export interface MockContext {
  state: MockState;
  defaultPageSize: number;
  /** The mock's clock, for handlers that care about time. */
  now: () => Date;
  /** The mock's object storage: presigned part and download URLs, assembling uploads (see storage/storage.ts). */
  storage: MockStorage;
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
