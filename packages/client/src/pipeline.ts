/**
 * The whole path of one call, in one place:
 *
 *   callOperation(core, facts, init)
 *   ├─ check           call options, headers, path and query parameters, the credential
 *   │                  → KooDriveValidationError, before anything is sent
 *   ├─ openapi-fetch   builds the request once: URL, query, JSON body (bigint exact), kd.use() middleware
 *   │                  (as a PlannedRequest, URL and init, when fetch is the platform's and no middleware
 *   │                  needs a Request: fetch then builds the only Request of each attempt)
 *   │  └─ its fetch:   runAttempts, per attempt:
 *   │                    X-Date from the clock → Authorization from the credential (signed over the exact bytes)
 *   │                    → fetch with the attempt's own signal (timeout or the caller's abort) → read the body
 *   │                  and again, when a safe call met a transient failure (backoff, Retry-After),
 *   │                  the server's clock showed ours skewed, or the credential renewed itself after a 401
 *   └─ readResult      lossless JSON; HTTP failure or code ≠ 0 → KooDriveApiError (returned, or thrown)
 *
 * Failures without an answer (connection, timeout, abort) are thrown; answers that are failures
 * come back as `error`, unless the client was created with `throwOnError`.
 */
import type { Client } from 'openapi-fetch';
import { type CredentialSet, credentialFor, type KooDriveCredential } from './auth/credential.js';
import type { KooDriveCallOptions } from './call-options.js';
import {
  KooDriveConnectionError,
  KooDriveError,
  type KooDriveRequestInfo,
  KooDriveTimeoutError,
  KooDriveValidationError,
} from './errors.js';
import { assertTraceId, generateTraceId } from './headers/trace-id.js';
import { type Clock, formatXDate } from './headers/x-date.js';
import type { KooDriveLogger } from './logger.js';
import type { OperationFacts } from './operations/operation-facts.js';
import { assertValidRequestOptions } from './options.js';
import { type KooDriveResult, readResult } from './response/read-result.js';
import type { AttemptHistory } from './retry/next-attempt.js';
import { type RetryOptions, type RetryPolicy, retryPolicyFor } from './retry/retry-policy.js';
import { abortError, pause, watchAbort } from './transport/abort.js';
import { PlannedRequest } from './transport/planned-request.js';
import { assertCallHeaders } from './validate-headers.js';

/** fetch as the client calls it: the request, and the attempt's AbortSignal. */
export type FetchLike = (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** What a client shares among its calls. */
export interface ClientCore {
  raw: Client<Record<string, never>>;
  credentials: CredentialSet;
  fetch: FetchLike;
  clock: Clock;
  /** Learned from a server's Date after a 401; applies to every later X-Date of this client. */
  clockOffsetMs: number;
  clientRetry: RetryOptions | false | undefined;
  clientPolicy: RetryPolicy;
  timeoutMs: number;
  logger: KooDriveLogger;
  /** Whether log lines are built at all (a silent logger costs nothing). */
  logging: boolean;
  makeTraceId: () => string;
  throwOnError: boolean;
  /** Whether the pipeline writes JSON bodies itself (no serializer of the caller's). */
  serializesBodies: boolean;
  /** Whether kd.use() added middleware, which needs a readable Response. */
  hasUserMiddleware: () => boolean;
  /** Whether fetch is globalThis.fetch (no `fetch` option), which may take a URL and init. */
  nativeFetch: boolean;
  random?: () => number;
}

/** A call's init as the pipeline reads it (the generated call types are stricter). */
export type CallInit = KooDriveCallOptions & {
  params?: { query?: Record<string, unknown>; path?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
};

/** What the attempts left behind for reading the result. */
interface Answer {
  sent: boolean;
  text: string;
  /** The Response handed back to openapi-fetch. */
  returned?: Response;
}

const utf8 = new TextEncoder();

// The parameter checks, loaded with a client's first call and kept: calls after it check at once.
let inputChecks: typeof import('./validate-input.js') | undefined;
const loadInputChecks = async () => {
  inputChecks = await import('./validate-input.js');
  return inputChecks;
};

/** Sends one call of an operation and reads its result. */
export async function callOperation(
  core: ClientCore,
  facts: OperationFacts,
  init: CallInit = {},
): Promise<KooDriveResult<unknown>> {
  const { retry, timeout, signal, headers, params, body, ...fetchInit } = init;
  assertValidRequestOptions({ retry, timeout });
  const given = params?.header?.['X-Traceid'] as string | undefined;
  const traceId = given ?? core.makeTraceId();
  // The client's own generator makes valid IDs; a caller's ID, or a caller's generator's, is checked.
  if (given !== undefined || core.makeTraceId !== generateTraceId) assertTraceId('header X-Traceid', traceId);
  const info: KooDriveRequestInfo = { operationId: facts.id, method: facts.method, path: facts.path, traceId };
  const header = assertCallHeaders(params?.header, headers, info);
  const { assertValidInput } = inputChecks ?? (await loadInputChecks());
  assertValidInput(facts, params, (field, problem) => new KooDriveValidationError(field, problem, info));
  const credential = credentialFor(facts, core.credentials);
  if (credential === undefined) {
    const { missingCredentialProblem } = await import('./auth/missing-credential.js');
    throw new KooDriveValidationError('auth', missingCredentialProblem(facts, core.credentials), info);
  }
  const policy = retry === undefined ? core.clientPolicy : retryPolicyFor(core.clientRetry, retry);
  const answer: Answer = { sent: false, text: '' };
  try {
    // A body JSON cannot write (a cycle, say) fails here, before sending: a validation error.
    const serialized =
      body === undefined || !core.serializesBodies || fetchInit.bodySerializer ? body : await serializeBody(body);
    const result = await core.raw.request(
      facts.method.toLowerCase() as never,
      facts.path as never,
      {
        ...fetchInit,
        ...(headers === undefined ? {} : { headers }),
        ...(serialized === undefined ? {} : { body: serialized }),
        params: { ...params, header: { ...header, 'X-Traceid': traceId } },
        parseAs: 'stream',
        // Middleware and a fetch of the caller's get a real Request; otherwise none is built twice.
        ...(core.nativeFetch &&
        !core.hasUserMiddleware() &&
        (serialized === undefined || typeof serialized === 'string')
          ? { Request: PlannedRequest }
          : {}),
        fetch: (request: Request | PlannedRequest) => {
          answer.sent = true;
          return runAttempts(core, request, answer, {
            info,
            credential,
            repeatable: facts.safe || (retry !== false && retry?.nonIdempotent === true),
            policy,
            timeoutMs: timeout ?? core.timeoutMs,
            signal: signal ?? undefined,
            untilAborted: untilAbortedBy(signal ?? undefined, info),
          });
        },
      } as never,
    );
    const { response } = result as { response: Response };
    const text = response === answer.returned ? answer.text : await replacedText(result);
    const reading = readResult(text, response, info);
    // A success is read at once; only a failure waits (for read-failure.ts, loaded on the first).
    const read = reading instanceof Promise ? await reading : reading;
    if (read.error && core.throwOnError) throw read.error;
    return read;
  } catch (error) {
    throw asCallError(error, info, answer.sent);
  }
}

/**
 * A JSON body, exact for int64: JSON.stringify, unless it holds a bigint (JSON.stringify throws on
 * one), which the exact writer, loaded then, writes as a JSON number with all its digits.
 */
async function serializeBody(body: unknown): Promise<string> {
  try {
    return JSON.stringify(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return (await import('./body/json-body.js')).stringifyJsonBody(body);
  }
}

/** The body text of a response a kd.use() middleware put in place of the one received. */
async function replacedText({ data, error, response }: { data?: unknown; error?: unknown; response: Response }) {
  if (!response.ok) return typeof error === 'string' ? error : error === undefined ? '' : JSON.stringify(error);
  return data instanceof ReadableStream ? new Response(data).text() : '';
}

/** Errors that escaped the pipeline, as KooDriveErrors: before sending, a validation error; after, a failure of the call. */
function asCallError(error: unknown, info: KooDriveRequestInfo, sent: boolean): KooDriveError {
  if (error instanceof KooDriveError) return error;
  // Quoted values are dropped from messages: they may be secrets.
  const reason = error instanceof Error ? error.message.replace(/"[^"]*"/g, '"…"') : String(error);
  if (!sent) return new KooDriveValidationError('request', `could not be built for ${info.operationId}: ${reason}`);
  return new KooDriveError(
    `${info.operationId} failed after the request was sent: ${reason} (${info.method} ${info.path}, trace id ${info.traceId})`,
    { cause: error },
  );
}

export interface AttemptSettings {
  info: KooDriveRequestInfo;
  credential: KooDriveCredential | null;
  /** Whether repeating the call is harmless (the spec says so, or the caller opted in). */
  repeatable: boolean;
  policy: RetryPolicy;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** A wait that ends at once when the caller aborts (a credential refreshing its session, say). */
  untilAborted: <T>(pending: Promise<T>) => Promise<T>;
}

/** The request was handed to fetch and no whole answer came back; `cause` is what failed. */
class SendFailure extends Error {
  constructor(cause: unknown) {
    super('fetch failed', { cause });
  }
}

/** What one attempt came to: a whole answer, or a failure to send or read it. */
export type Outcome = { response: Response; text: string } | { failure: unknown; timedOut: boolean };

/**
 * The deadline of one attempt: when time is up or the caller aborts, it aborts the signal given to
 * fetch and fails the attempt at once, so that a fetch or a body read that ignores its signal
 * cannot hang the call. Plain fields and one timer: this runs on every request.
 */
interface AttemptDeadline {
  readonly signal: AbortSignal;
  timedOut: boolean;
  /** Fails the attempt in flight; set by sendAttempt. */
  fail?: (failure: SendFailure) => void;
  clear(): void;
}

function attemptDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): AttemptDeadline {
  const controller = new AbortController();
  const stop = (reason: unknown) => {
    controller.abort(reason);
    deadline.fail?.(new SendFailure(reason));
  };
  const timer = setTimeout(() => {
    deadline.timedOut = true;
    stop(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const unwatch = callerSignal ? watchAbort(callerSignal, () => stop(callerSignal.reason)) : undefined;
  const deadline: AttemptDeadline = {
    signal: controller.signal,
    timedOut: false,
    clear() {
      clearTimeout(timer);
      unwatch?.();
    },
  };
  return deadline;
}

async function fetchAndRead(
  core: ClientCore,
  request: OutgoingRequest,
  body: Uint8Array<ArrayBuffer> | undefined,
  signal: AbortSignal,
) {
  const response = await (request instanceof PlannedRequest
    ? fetch(request.url, { ...request.init, body: body ?? null, signal })
    : core.fetch(request, { signal }));
  return { response, text: await response.text() };
}

/** Sends one attempt and reads its whole answer, unless its deadline fails it first; a failure to send or read is a SendFailure. */
async function sendAttempt(
  core: ClientCore,
  request: OutgoingRequest,
  body: Uint8Array<ArrayBuffer> | undefined,
  deadline: AttemptDeadline,
): Promise<Outcome> {
  try {
    // One race for the whole exchange (answer and body), settled by whichever ends first.
    return await new Promise<Outcome>((resolve, reject) => {
      deadline.fail = reject;
      fetchAndRead(core, request, body, deadline.signal).then(resolve, reject);
    });
  } catch (failure) {
    return {
      failure: failure instanceof SendFailure ? failure : new SendFailure(failure),
      timedOut: deadline.timedOut,
    };
  }
}

/** A request as an attempt sends it: a Request, or openapi-fetch's plan of one (transport/planned-request.ts). */
type OutgoingRequest = Request | PlannedRequest;

/**
 * Sets the Authorization of one attempt, stamped with its X-Date: at once when the credential
 * answers at once, else through the promise returned.
 */
function authorizeAttempt(
  request: OutgoingRequest,
  { credential, untilAborted }: AttemptSettings,
  body: Uint8Array<ArrayBuffer> | undefined,
): Promise<void> | undefined {
  if (!credential) return undefined;
  const { method, url, headers } = request;
  const pending = credential.authorize(
    credential.needsBody && body ? { method, url, headers, body } : { method, url, headers },
  );
  if (typeof pending === 'string') {
    headers.set('Authorization', pending);
    return undefined;
  }
  return untilAborted(pending).then((authorization) => headers.set('Authorization', authorization));
}

const unchanged = <T>(pending: Promise<T>): Promise<T> => pending;

/**
 * `pending`, or a KooDriveAbortError as soon as the caller aborts: the caller's abort ends the
 * call at once even while it waits for something shared (a session's refresh, which goes on for
 * the other calls).
 */
function untilAbortedBy(signal: AbortSignal | undefined, info: KooDriveRequestInfo) {
  if (!signal) return unchanged;
  return <T>(pending: Promise<T>): Promise<T> => {
    if (signal.aborted) return Promise.reject(abortError(info));
    return new Promise<T>((resolve, reject) => {
      const unwatch = watchAbort(signal, () => reject(abortError(info)));
      pending.then(resolve, reject).finally(unwatch);
    });
  };
}

/**
 * The attempts of one call. openapi-fetch hands over the request it built once; each attempt
 * sends it again with a fresh X-Date and Authorization, and the exact same body bytes.
 */
async function runAttempts(core: ClientCore, built: OutgoingRequest, answer: Answer, settings: AttemptSettings) {
  const { info, policy, timeoutMs, signal } = settings;
  const planned = built instanceof PlannedRequest;
  // The exact bytes every attempt sends and signs: openapi-fetch's JSON text, or the Request's body.
  const body = planned
    ? typeof built.init.body === 'string'
      ? utf8.encode(built.init.body)
      : undefined
    : built.body === null
      ? undefined
      : new Uint8Array(await built.arrayBuffer());
  const history: AttemptHistory = { retries: 0, skewCorrected: false, renewed: false };
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(info);
    const request = planned || body === undefined ? built : new Request(built, { body });
    const offsetMs = core.clockOffsetMs;
    const signedAt = core.clock().getTime() + offsetMs;
    request.headers.set('X-Date', formatXDate(new Date(signedAt)));
    const authorizing = authorizeAttempt(request, settings, body);
    // Tokens and node:crypto signatures are ready at once: no turn of the event loop for them.
    if (authorizing) await authorizing;
    // Log lines are built only for a logger that prints them, by a module loaded then.
    const log = core.logging ? await import('./log-attempt.js') : undefined;
    log?.logSend(core.logger, info, attempt, request);
    const started = performance.now();
    const deadline = attemptDeadline(timeoutMs, signal);
    const outcome = await sendAttempt(core, request, body, deadline);
    deadline.clear();
    if (signal?.aborted) throw abortError(info);

    const status = 'response' in outcome ? outcome.response.status : undefined;
    // Most attempts succeed: what follows a failed one is loaded when the first one fails.
    const plainAnswer = status !== undefined && status !== 401 && !policy.retryStatuses.has(status);
    const next =
      plainAnswer && !policy.shouldRetry
        ? undefined
        : await (await import('./retry/next-attempt.js')).nextAttempt(core, settings, history, {
            outcome,
            attempt,
            signedAt,
            offsetMs,
          });
    log?.logAttempt(core.logger, info, attempt, status, started, next?.reason);
    if (!next?.reason) {
      if ('response' in outcome) return handBack(core, outcome, answer);
      throw await finalFailure(outcome, info, attempt, timeoutMs, new URL(built.url).host);
    }
    if (next.delayMs) await pause(next.delayMs, signal, info);
  }
}

/** The answer, as openapi-fetch takes it back: readable again only where someone will read it. */
function handBack(core: ClientCore, outcome: { response: Response; text: string }, answer: Answer): Response {
  const { response, text } = outcome;
  answer.text = text;
  // The body was read within the attempt (so that a cut-off body is a failure that can be
  // retried); openapi-fetch reads failures' bodies, and kd.use() middleware may read any.
  const readable =
    response.ok && !core.hasUserMiddleware()
      ? response
      : new Response([101, 204, 205, 304].includes(response.status) ? null : text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
  answer.returned = readable;
  return readable;
}

async function finalFailure(
  outcome: { failure: unknown; timedOut: boolean },
  info: KooDriveRequestInfo,
  attempts: number,
  timeoutMs: number,
  host: string,
) {
  if (outcome.timedOut) return new KooDriveTimeoutError(info, { timeoutMs, attempts, host });
  const cause = outcome.failure instanceof SendFailure ? outcome.failure.cause : outcome.failure;
  // Loaded only when a call fails without an answer: the words for every network error code.
  const { describeFetchFailure } = await import('./transport/fetch-failure.js');
  return new KooDriveConnectionError(info, { cause, attempts, host, ...describeFetchFailure(cause) });
}
