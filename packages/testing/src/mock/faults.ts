/**
 * Fault injection in the mock KooDrive's HTTP server: at the rates given, a request gets a 503, a
 * reset connection, an answer that never comes or comes cut off, a gateway's HTML 502, a 401 for
 * clock skew or an expired session (the kinds are described in fault-options.ts). What was
 * injected is counted and logged per request, with the request's X-Traceid, so that a test can
 * compare what the client did with what it met; `GET /__mock/faults` answers that report over HTTP.
 *
 * Reproducible: a request's fault is a function of the seed, its X-Traceid and how many requests
 * with that trace id the mock has seen before (a client's retries share one trace id), never of the
 * order in which concurrent requests arrive.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseXDate } from './app-signature.js';
import { errorBody, resultCodes } from './errors.js';
import {
  FAULT_KINDS,
  type FaultKind,
  type FaultOptions,
  type ResolvedFaultOptions,
  resolveFaultOptions,
} from './fault-options.js';
import { createOperationMatcher } from './request-log.js';
import type { MockSession } from './state/org.js';
import { bearerToken, sessionOfToken, TOKEN_IDLE_MS } from './state/sessions.js';
import type { MockState } from './types.js';

/** Where the mock's HTTP server answers its fault report (only when faults are on). */
export const FAULT_REPORT_PATH = '/__mock/faults';

/** One injected fault, as the report lists it. */
export interface FaultEvent {
  kind: FaultKind;
  operationId: string;
  /** The request's X-Traceid, which a client keeps across the attempts of one call. */
  traceId?: string;
  /** Which request with this trace id it was, from 1: the client's attempt number. */
  attempt: number;
}

/** What the mock injected: totals since it started, and the events since the previous report. */
export interface FaultReport {
  /** Requests that could have been faulted (they matched an operation that is not excluded). */
  requests: number;
  /** Faults injected, by kind, since the mock started. */
  injected: Record<FaultKind, number>;
  /** The faults injected since the previous report that drained the events, oldest first. */
  events: FaultEvent[];
  /** Events not kept because more than 100 000 piled up between two reports. */
  droppedEvents: number;
}

/** The fault chosen for one request. */
export interface FaultDecision {
  kind: FaultKind;
  operationId: string;
  /** The session a `session-expired` fault ends. */
  session?: MockSession;
}

/** What serving a faulted request needs from the HTTP server. */
export interface FaultExchange {
  request: Request;
  outgoing: ServerResponse;
  /** Answers the request as the mock would without a fault. */
  handle: () => Promise<Response>;
  /** Headers the server adds to every answer (CORS). */
  headers?: Record<string, string>;
  /** The mock's clock. */
  now: () => Date;
}

/** Chooses faults for requests, serves them, and keeps the report. */
export interface FaultInjector {
  readonly options: ResolvedFaultOptions;
  /** The fault a request gets, or undefined; a chosen fault is counted and logged. */
  pick(request: Request, state: MockState): FaultDecision | undefined;
  /** Serves a request with its fault; resolves with the status sent, or undefined when no answer went out. */
  serve(decision: FaultDecision, exchange: FaultExchange): Promise<number | undefined>;
  /** The report; `drain` (default true) empties the event list, so each event is reported once. */
  report(options?: { drain?: boolean }): FaultReport;
}

const MAX_EVENTS = 100_000;
const MAX_TRACKED_TRACES = 100_000;

/**
 * A number in [0, 1) from a string: FNV-1a, then MurmurHash3's finalizer so that keys differing
 * in their last characters (attempt 1 and 2 of a trace) land far apart.
 */
export function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

const GATEWAY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/**
 * Creates the fault injection of one mock server, on the mock's clock; bad options throw an Error
 * naming the problem.
 */
export function createFaultInjector(faultOptions: FaultOptions, clock: () => Date = () => new Date()): FaultInjector {
  const options = resolveFaultOptions(faultOptions);
  const operationOf = createOperationMatcher();
  const exclude = new Set(options.exclude);
  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const seenTraces = new Map<string, number>();
  // When the mock first saw each session's current token (by the number of tokens it replaced).
  const tokenSeen = new WeakMap<MockSession, { generation: number; since: number }>();
  let events: FaultEvent[] = [];
  let droppedEvents = 0;
  let requests = 0;
  let untraced = 0;

  /** Which request with this trace id this is, from 1. */
  function attemptOf(traceId: string | undefined): number {
    if (traceId === undefined) return ++untraced;
    const attempt = (seenTraces.get(traceId) ?? 0) + 1;
    seenTraces.delete(traceId);
    seenTraces.set(traceId, attempt);
    if (seenTraces.size > MAX_TRACKED_TRACES) seenTraces.delete(seenTraces.keys().next().value as string);
    return attempt;
  }

  /** The live session whose current token the request carries, if the mock has seen it long enough. */
  function agedSession(request: Request, state: MockState, now: number): MockSession | undefined {
    const token = bearerToken({ authorization: request.headers.get('authorization') ?? '' });
    const session = token && state.org ? sessionOfToken(state.org, token) : undefined;
    if (!session || session.ended || session.token !== token) return undefined;
    const generation = session.replacedTokens.length;
    const seen = tokenSeen.get(session);
    if (seen?.generation !== generation) {
      tokenSeen.set(session, { generation, since: now });
      return options.sessionMinAgeMs === 0 ? session : undefined;
    }
    return now - seen.since >= options.sessionMinAgeMs ? session : undefined;
  }

  /** The kind whose share of [0, 1) holds `point`, in FAULT_KINDS order. */
  function kindAt(point: number): FaultKind | undefined {
    let upTo = 0;
    for (const kind of FAULT_KINDS) {
      upTo += options.rates[kind] ?? 0;
      if (point < upTo) return kind;
    }
    return undefined;
  }

  function pick(request: Request, state: MockState): FaultDecision | undefined {
    const operationId = operationOf(request.method, new URL(request.url).pathname);
    if (operationId === undefined || exclude.has(operationId)) return undefined;
    requests++;
    const traceId = request.headers.get('x-traceid') ?? undefined;
    const attempt = attemptOf(traceId);
    const key = traceId === undefined ? `#${attempt}` : `${traceId}#${attempt}`;
    const kind = kindAt(unitHash(`${options.seed}:${key}`));
    // Every session token's first sighting is noted, faulted or not: its age decides session-expired.
    const session = agedSession(request, state, clock().getTime());
    if (kind === undefined) return undefined;
    // A fault that does not apply to this request leaves it alone: its rate is among the requests it applies to.
    if (kind === 'clock-skew' && !request.headers.get('authorization')?.startsWith('HMAC-SHA256 ')) return undefined;
    if (kind === 'session-expired' && !session) return undefined;
    injected[kind]++;
    if (events.length < MAX_EVENTS) events.push({ kind, operationId, ...(traceId ? { traceId } : {}), attempt });
    else droppedEvents++;
    return { kind, operationId, ...(kind === 'session-expired' && session ? { session } : {}) };
  }

  function serve(decision: FaultDecision, exchange: FaultExchange): Promise<number | undefined> {
    return serveFault(decision, exchange, options);
  }

  function report({ drain = true } = {}): FaultReport {
    const result = { requests, injected: { ...injected }, events, droppedEvents };
    if (drain) {
      events = [];
      droppedEvents = 0;
    } else result.events = [...events];
    return result;
  }

  return { options, pick, serve, report };
}

function json(status: number, body: unknown, date: Date, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', date: date.toUTCString(), ...headers },
  });
}

/** Writes a whole Response, with the server's own headers. */
async function send(exchange: FaultExchange, response: Response): Promise<number> {
  const body = Buffer.from(await response.arrayBuffer());
  exchange.outgoing.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    ...exchange.headers,
    'content-length': String(body.length),
  });
  exchange.outgoing.end(body);
  return response.status;
}

/**
 * The clock-skew 401: the server's clock `skewMs` behind the request's X-Date, so a client that
 * learns the offset and signs again is on time; a request already signed that far back is told the
 * true time, less a second, so that an offset learned from a Date (whole seconds) never puts an
 * X-Date ahead of the server's clock, and offsets do not drift over many faults.
 */
function clockSkewAnswer(exchange: FaultExchange, skewMs: number): Response {
  const now = exchange.now().getTime();
  const xDate = parseXDate(exchange.request.headers.get('x-date') ?? '');
  const signedNearNow = Number.isNaN(xDate) || xDate >= now - skewMs / 2;
  const serverTime = signedNearNow
    ? (Number.isNaN(xDate) ? now : xDate) - skewMs
    : Math.floor(now / 1000) * 1000 - 1000;
  const problem = signedNearNow ? 'X-Date is later than the server clock' : 'X-Date does not match the server clock';
  return json(401, errorBody(resultCodes.badRequest, `authentication failed: ${problem}`), new Date(serverTime));
}

/**
 * The Date of an `unauthorized` 401: the request's own X-Date when it has one, so that the refusal
 * reads as a refused credential, never as clock skew (which a client corrects and retries).
 */
function agreeingDate(exchange: FaultExchange): Date {
  const xDate = parseXDate(exchange.request.headers.get('x-date') ?? '');
  return Number.isNaN(xDate) ? exchange.now() : new Date(xDate);
}

/** Holds a processed request's answer back until the client hangs up, or `hangMs` passes. */
function hang(outgoing: ServerResponse, hangMs: number): Promise<undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => outgoing.socket?.destroy(), hangMs);
    outgoing.once('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    if (outgoing.socket === null || outgoing.socket.destroyed) outgoing.emit('close');
  });
}

/** Sends the headers and half of the body of a processed request's answer, then drops the connection. */
async function truncate(exchange: FaultExchange, response: Response): Promise<number> {
  const { outgoing } = exchange;
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    ...exchange.headers,
    'content-length': String(body.length),
  });
  await new Promise<void>((resolve) => outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => resolve()));
  outgoing.socket?.destroy();
  return response.status;
}

async function serveFault(
  decision: FaultDecision,
  exchange: FaultExchange,
  options: ResolvedFaultOptions,
): Promise<number | undefined> {
  const date = exchange.now();
  const unavailable = errorBody(resultCodes.innerInvokeFailure, 'service unavailable (injected fault)');
  switch (decision.kind) {
    case '503':
      return send(exchange, json(503, unavailable, date));
    case '503-retry-after':
      return send(exchange, json(503, unavailable, date, { 'retry-after': String(options.retryAfterSeconds) }));
    case 'html-502':
      return send(
        exchange,
        new Response(GATEWAY_502, {
          status: 502,
          headers: { 'content-type': 'text/html', date: date.toUTCString() },
        }),
      );
    case 'unauthorized':
      return send(
        exchange,
        json(
          401,
          errorBody(options.unauthorizedCode, 'authentication failed: credentials refused (injected fault)'),
          agreeingDate(exchange),
        ),
      );
    case 'clock-skew':
      return send(exchange, clockSkewAnswer(exchange, options.skewMs));
    case 'reset':
      exchange.outgoing.socket?.resetAndDestroy();
      return undefined;
    case 'hang':
      await (await exchange.handle()).arrayBuffer();
      return hang(exchange.outgoing, options.hangMs);
    case 'truncated':
      return truncate(exchange, await exchange.handle());
    case 'session-expired':
      // The mock's own session rules then refuse the token, as they would after 20 idle minutes.
      if (decision.session) decision.session.lastUsedAt = exchange.now().getTime() - TOKEN_IDLE_MS;
      return send(exchange, await exchange.handle());
  }
}

/** Answers `GET /__mock/faults` with the report (draining its events); false for any other request. */
export function serveFaultReport(
  injector: FaultInjector | undefined,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): boolean {
  if (!injector || !incoming.url?.startsWith(FAULT_REPORT_PATH)) return false;
  const path = incoming.url.split('?')[0];
  if (path !== FAULT_REPORT_PATH) return false;
  incoming.resume();
  const get = incoming.method === 'GET';
  outgoing.writeHead(get ? 200 : 405, { 'content-type': 'application/json', ...(get ? {} : { allow: 'GET' }) });
  outgoing.end(JSON.stringify(get ? injector.report() : { msg: `${FAULT_REPORT_PATH} takes GET` }));
  return true;
}
