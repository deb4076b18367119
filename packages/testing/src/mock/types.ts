import type { SpaceQuotaUsage } from '@koodrive/types';

/** What the mock KooDrive holds; tests read and change it freely. */
export interface MockState {
  spaceQuotaUsage: SpaceQuotaUsage[];
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

export interface MockContext {
  state: MockState;
  defaultPageSize: number;
  /** The mock's clock, for handlers that care about time. */
  now: () => Date;
}

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
