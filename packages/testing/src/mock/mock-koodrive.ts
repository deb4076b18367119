/**
 * The mock KooDrive, independent of any transport: a function from a fetch Request to a fetch
 * Response. The HTTP server (server.ts) and the MSW handlers (msw/handlers.ts) both serve it.
 *
 * Every request is recorded, then checked in the order a gateway would: route (404/405),
 * authentication (401: token, or app signature and its 15-minute X-Date window), parameters,
 * headers and body against the spec (400, code 13000102).
 * Requests that pass go to the operation's handler: one the test supplied, else the default route.
 */

import { makeOrganization, ORG_ID } from '../factories/org.js';
import { fixtures } from '../fixtures/index.js';
import { type AuthenticationOptions, authenticate } from './authenticate.js';
import { errorBody, resultCodes } from './errors.js';
import { stringifyJson } from './json.js';
import { defaultRoutes } from './routes/index.js';
import { createSpecValidator, type SpecValidator } from './spec-validator.js';
import { createMockFiles } from './state/files.js';
import { auditRequest, makeGovernanceState } from './state/governance-model.js';
import { orgIdSignIn, withSessions } from './state/sessions.js';
import { createMockSharing } from './state/sharing.js';
import { settleTasks } from './state/task-engine.js';
import { makeTasksState } from './state/tasks.js';
import type { MockStorageFaults } from './storage/faults.js';
import { createMockStorage, type MockStorageOptions } from './storage/storage.js';
import type { MockContext, MockHandler, MockReply, MockState, RecordedRequest } from './types.js';

/** Options of the mock KooDrive: who may call it, its data, its clock, and handlers that replace its routes. */
export interface MockKooDriveOptions extends AuthenticationOptions {
  /** Handlers that replace the default routes, by operationId. */
  handlers?: Record<string, MockHandler>;
  /** Initial data. */
  state?: Partial<MockState>;
  /** Rows answered when a list request has no `limit`; default 100. */
  defaultPageSize?: number;
  /** The mock's clock, also sent as each response's Date header; default the system clock. */
  clock?: () => Date;
  /**
   * Send the canonical request the mock computed for an app signature in the
   * `X-Mock-Canonical-Request` response header (JSON-escaped), to debug a mismatch. A request can
   * also ask for it with the header `X-Mock-Debug: canonical-request`.
   */
  exposeCanonicalRequest?: boolean;
  /** How many requests `requests` keeps, the oldest dropped first; default 1000. */
  maxRecordedRequests?: number;
  /** The object storage that upload and download URLs point at (`/mock-storage/…`): see storage/storage.ts. */
  storage?: MockStorageOptions;
}

/** Response header with the canonical request the mock computed, when asked. */
export const CANONICAL_REQUEST_HEADER = 'x-mock-canonical-request';

/** A mock KooDrive: answers requests, records them, and holds the data its routes serve. */
export interface MockKooDrive {
  /** Answers one request. */
  handle(request: Request): Promise<Response>;
  /** The mock's data; change it between calls. */
  readonly state: MockState;
  /** The requests received, oldest first (the last `maxRecordedRequests` of them). */
  readonly requests: RecordedRequest[];
  /** Replaces the handler of an operation until `reset()`. */
  use(operationId: string, handler: MockHandler): void;
  /** Forgets recorded requests, handlers added with `use` and pending storage faults. */
  reset(): void;
  /** Faults of the storage endpoint on demand: a failing part upload, a cut download, expired URLs. */
  readonly storageFaults: MockStorageFaults;
  /** Removes what the storage endpoint spilled to disk (`storage.spillDir`); the HTTP server's close() calls it. */
  dispose(): Promise<void>;
}

let sharedValidator: SpecValidator | undefined;

/**
 * The answer of an operation the mock has no stateful route for: the reference's own example
 * response (the generated fixtures), or a bare success when the reference shows none.
 */
const documentedAnswer: MockHandler = ({ operationId }) => {
  const examples = (fixtures as Record<string, { responses?: Record<string, unknown> }>)[operationId]?.responses;
  const example = examples && Object.values(examples)[0];
  return { body: example ?? { code: 0, msg: 'success' } };
};
const utf8Decoder = new TextDecoder();

function jsonResponse(status: number, body: unknown, date: Date, headers: Record<string, string> = {}): Response {
  return new Response(stringifyJson(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', date: date.toUTCString(), ...headers },
  });
}

function toResponse(reply: MockReply, date: Date): Response {
  if (reply instanceof Response) return reply;
  return jsonResponse(reply.status ?? 200, reply.body ?? { code: 0, msg: 'success' }, date, reply.headers);
}

/**
 * Creates the mock KooDrive as a function from a fetch Request to a fetch Response, with no server:
 * for in-process use (MSW, a custom fetch). startMockKooDrive serves it over HTTP.
 */
export function createMockKooDrive(options: MockKooDriveOptions = {}): MockKooDrive {
  sharedValidator ??= createSpecValidator();
  const validator = sharedValidator;
  const { defaultPageSize = 100, clock = () => new Date(), maxRecordedRequests = 1000 } = options;
  const state: MockState = {
    spaceQuotaUsage: [],
    spaces: [],
    departments: [],
    teamSpaces: [],
    groupSpaces: [],
    userSpaces: [],
    userQuotas: [],
    allocation: [],
    org: makeOrganization(),
    files: createMockFiles(),
    tasks: makeTasksState(),
    governance: makeGovernanceState(ORG_ID),
    sharing: createMockSharing(),
    ...options.state,
  };
  const storage = createMockStorage(() => state, clock, options.storage);
  const initialHandlers = { ...options.handlers };
  let handlers: Record<string, MockHandler> = { ...initialHandlers };
  const requests: RecordedRequest[] = [];
  const context: MockContext = { state, defaultPageSize, now: clock, storage };

  function recordRequest(entry: RecordedRequest): RecordedRequest {
    if (requests.length >= maxRecordedRequests) requests.splice(0, requests.length - maxRecordedRequests + 1);
    if (maxRecordedRequests > 0) requests.push(entry);
    return entry;
  }

  async function handleStorage(request: Request, url: URL, headers: Record<string, string>): Promise<Response> {
    const entry = recordRequest({ method: request.method, url, headers, bodyText: '', status: 0 });
    const response = await storage.handle(request);
    entry.status = response.type === 'error' ? 0 : response.status;
    return response;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // In-process (MSW) requests never reach a wire, where fetch would add Host from the URL.
    headers.host ??= url.host;
    // Object storage: presigned URLs, no KooDrive headers; bodies streamed, never read here.
    if (storage.owns(url)) return handleStorage(request, url, headers);
    const body = new Uint8Array(await request.arrayBuffer());
    const bodyText = utf8Decoder.decode(body);
    const record: RecordedRequest = { method: request.method, url, headers, bodyText, status: 0 };
    if (requests.length >= maxRecordedRequests) requests.splice(0, requests.length - maxRecordedRequests + 1);
    if (maxRecordedRequests > 0) requests.push(record);
    const debugHeaders: Record<string, string> = {};
    const answer = (status: number, replyBody: unknown) => {
      record.status = status;
      return jsonResponse(status, replyBody, clock(), debugHeaders);
    };

    // The stand-in for OrgID's sign-in page that getAuthCodeURL's URL leads to (not a KooDrive route).
    const signIn = orgIdSignIn(request.method, url, state, clock().getTime());
    if (signIn) {
      record.status = signIn.status;
      return signIn;
    }

    const validation = validator.validate({
      method: request.method,
      pathname: url.pathname,
      searchParams: url.searchParams,
      headers,
      bodyText,
    });
    if (!validation.ok && validation.status !== 400) {
      return answer(validation.status, errorBody(resultCodes.badRequest, validation.problem));
    }
    const route = validation.ok ? validation.request.route : validation.route;
    const auth = await authenticate(
      { method: request.method, url, headers, body },
      withSessions(options, state, () => clock().getTime(), route.operationId),
      clock().getTime(),
      route.security,
    );
    const wantsCanonicalRequest = options.exposeCanonicalRequest || headers['x-mock-debug'] === 'canonical-request';
    if (wantsCanonicalRequest && 'canonicalRequest' in auth && auth.canonicalRequest !== undefined) {
      debugHeaders[CANONICAL_REQUEST_HEADER] = JSON.stringify(auth.canonicalRequest);
    }
    if (!auth.ok) return answer(auth.status, auth.body);
    if (!validation.ok) {
      return answer(
        400,
        errorBody(resultCodes.parameterValidationFailed, `parameter validation failed: ${validation.problem}`),
      );
    }

    const { pathParams, query, body: json } = validation.request;
    record.operationId = route.operationId;
    const handler = handlers[route.operationId] ?? defaultRoutes[route.operationId] ?? documentedAnswer;
    // Batch jobs and handover tasks move along the mock's clock before anything reads the state.
    await settleTasks(state, clock().getTime(), { downloadUrl: (node) => storage.downloadUrl(url.origin, node) });
    const routed = {
      operationId: route.operationId,
      method: request.method,
      path: url.pathname,
      pathParams,
      query,
      headers,
      body: json,
      origin: url.origin,
    };
    const reply = await handler(routed, context);
    auditRequest(state, routed, reply, clock());
    const response = toResponse(reply, clock());
    for (const [name, value] of Object.entries(debugHeaders)) response.headers.set(name, value);
    record.status = response.status;
    return response;
  }

  return {
    handle,
    state,
    requests,
    use(operationId, handler) {
      handlers[operationId] = handler;
    },
    reset() {
      requests.length = 0;
      handlers = { ...initialHandlers };
      storage.faults.clear();
    },
    storageFaults: storage.faults,
    dispose: storage.dispose,
  };
}
