/**
 * The whole path of one call, in one place:
 *
 *   callOperation(core, facts, init)
 *   ├─ check           call options, headers, path and query parameters, the credential
 *   │                  → KooDriveValidationError, before anything is sent
 *   ├─ openapi-fetch   builds the request once: URL, query, JSON body (bigint exact), kd.use() middleware
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
import { assertTraceId } from './headers/trace-id.js';
import { type Clock, formatXDate } from './headers/x-date.js';
import { type KooDriveLogger, redactedHeaders } from './logger.js';
import type { OperationFacts } from './operations/operation-facts.js';
import { assertValidRequestOptions } from './options.js';
import { type KooDriveResult, readResult, readResultCode } from './response/read-result.js';
import {
  backoffDelay,
  type RetryDecisionContext,
  type RetryOptions,
  type RetryPolicy,
  retryAfterDelay,
  retryPolicyFor,
} from './retry/retry-policy.js';
import { abortError, pause, watchAbort } from './transport/abort.js';
import { describeFetchFailure } from './transport/fetch-failure.js';
import { assertCallHeaders } from './validate-headers.js';
import { assertValidInput } from './validate-input.js';

/** fetch as the client calls it: the request, and the attempt's AbortSignal. */
export type FetchLike = (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** A 401 whose Date is further than this from the X-Date it answered is taken as clock skew. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000;

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
  /** Whether kd.use() added middleware, which needs a readable Response. */
  hasUserMiddleware: () => boolean;
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

/** Sends one call of an operation and reads its result. */
export async function callOperation(
  core: ClientCore,
  facts: OperationFacts,
  init: CallInit = {},
): Promise<KooDriveResult<unknown>> {
  const { retry, timeout, signal, headers, params, body, ...fetchInit } = init;
  assertValidRequestOptions({ retry, timeout });
  const traceId = (params?.header?.['X-Traceid'] as string | undefined) ?? core.makeTraceId();
  assertTraceId('header X-Traceid', traceId);
  const info: KooDriveRequestInfo = { operationId: facts.id, method: facts.method, path: facts.path, traceId };
  const header = assertCallHeaders(params?.header, headers, info);
  assertValidInput(facts, params, info);
  const credential = credentialFor(facts, core.credentials, info);
  const policy = retry === undefined ? core.clientPolicy : retryPolicyFor(core.clientRetry, retry);
  const answer: Answer = { sent: false, text: '' };
  try {
    const result = await core.raw.request(
      facts.method.toLowerCase() as never,
      facts.path as never,
      {
        ...fetchInit,
        ...(headers === undefined ? {} : { headers }),
        ...(body === undefined ? {} : { body }),
        params: { ...params, header: { ...header, 'X-Traceid': traceId } },
        parseAs: 'stream',
        fetch: (request: Request) => {
          answer.sent = true;
          return runAttempts(core, request, answer, {
            info,
            credential,
            repeatable: facts.safe || (retry !== false && retry?.nonIdempotent === true),
            policy,
            timeoutMs: timeout ?? core.timeoutMs,
            signal: signal ?? undefined,
          });
        },
      } as never,
    );
    const { response } = result as { response: Response };
    const text = response === answer.returned ? answer.text : await replacedText(result);
    const read = readResult(text, response, info);
    if (read.error && core.throwOnError) throw read.error;
    return read;
  } catch (error) {
    throw asCallError(error, info, answer.sent);
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

interface AttemptSettings {
  info: KooDriveRequestInfo;
  credential: KooDriveCredential | null;
  /** Whether repeating the call is harmless (the spec says so, or the caller opted in). */
  repeatable: boolean;
  policy: RetryPolicy;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** The request was handed to fetch and no whole answer came back; `cause` is what failed. */
class SendFailure extends Error {
  constructor(cause: unknown) {
    super('fetch failed', { cause });
  }
}

type Outcome = { response: Response; text: string } | { failure: unknown; timedOut: boolean };

/**
 * A timer for one attempt: when time is up or the caller aborts, it aborts the signal given to
 * fetch and rejects `expired`, which the attempt races so that a fetch or a body read that ignores
 * its signal cannot hang the call.
 */
function attemptDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  let expire!: (reason: unknown) => void;
  const expired = new Promise<never>((_, reject) => {
    expire = reject;
  });
  expired.catch(() => undefined);
  const stop = (reason: unknown) => {
    controller.abort(reason);
    expire(new SendFailure(reason));
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const unwatch = watchAbort(callerSignal, () => stop(callerSignal?.reason));
  return {
    signal: controller.signal,
    expired,
    timedOut: () => timedOut,
    clear() {
      clearTimeout(timer);
      unwatch();
    },
  };
}

/** Sends one attempt and reads its whole answer; a failure to send or read is a SendFailure. */
async function sendAttempt(
  core: ClientCore,
  request: Request,
  deadline: ReturnType<typeof attemptDeadline>,
): Promise<Outcome> {
  try {
    const response = await Promise.race([core.fetch(request, { signal: deadline.signal }), deadline.expired]);
    const text = await Promise.race([response.text(), deadline.expired]);
    return { response, text };
  } catch (failure) {
    return {
      failure: failure instanceof SendFailure ? failure : new SendFailure(failure),
      timedOut: deadline.timedOut(),
    };
  }
}

/** The Authorization of one attempt, stamped with its X-Date. */
async function authorizeAttempt(
  request: Request,
  credential: KooDriveCredential | null,
  body: Uint8Array | undefined,
): Promise<void> {
  if (!credential) return;
  const { method, url, headers } = request;
  const pending = credential.authorize(
    credential.needsBody && body ? { method, url, headers, body } : { method, url, headers },
  );
  request.headers.set('Authorization', typeof pending === 'string' ? pending : await pending);
}

/** The server's clock, when a 401 shows ours off from it by more than the tolerance. */
function skewedServerTime(response: Response, signedAt: number): number | undefined {
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(serverTime) || Math.abs(serverTime - signedAt) <= CLOCK_SKEW_TOLERANCE_MS) return undefined;
  return serverTime;
}

/**
 * The attempts of one call. openapi-fetch hands over the request it built once; each attempt
 * sends it again with a fresh X-Date and Authorization, and the exact same body bytes.
 */
async function runAttempts(core: ClientCore, built: Request, answer: Answer, settings: AttemptSettings) {
  const { info, credential, repeatable, policy, timeoutMs, signal } = settings;
  const body = built.body === null ? undefined : new Uint8Array(await built.arrayBuffer());
  const host = new URL(built.url).host;
  let retries = 0;
  let skewCorrected = false;
  let renewed = false;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(info);
    const request = body === undefined ? built : new Request(built, { body });
    const offsetMs = core.clockOffsetMs;
    const signedAt = core.clock().getTime() + offsetMs;
    request.headers.set('X-Date', formatXDate(new Date(signedAt)));
    await authorizeAttempt(request, credential, body);
    if (core.logging) {
      core.logger.debug('koodrive send', {
        ...info,
        attempt,
        url: request.url,
        headers: redactedHeaders(request.headers),
      });
    }
    const started = performance.now();
    const deadline = attemptDeadline(timeoutMs, signal);
    const outcome = await sendAttempt(core, request, deadline);
    deadline.clear();
    if (signal?.aborted) throw abortError(info);

    // Refusals that another attempt fixes whatever the operation: nothing was done.
    let reason: string | undefined;
    let immediate = false;
    if ('response' in outcome && outcome.response.status === 401) {
      const serverTime = skewCorrected ? undefined : skewedServerTime(outcome.response, signedAt);
      if (serverTime !== undefined) {
        // Measured against the X-Date this request carried, so concurrent calls agree on the offset.
        core.clockOffsetMs = offsetMs + (serverTime - signedAt);
        core.logger.warn('koodrive clock skew corrected', { ...info, skewMs: serverTime - signedAt });
        skewCorrected = immediate = true;
        reason = 'clock skew';
      } else if (credential?.renew && !renewed) {
        renewed = true;
        const code = readResultCode(outcome.text);
        if (await credential.renew({ status: 401, code, headers: outcome.response.headers })) {
          immediate = true;
          reason = 'credential renewed';
        }
      }
    }
    if (!immediate) reason = transientReason(outcome, { info, attempt, repeatable, policy, retries });

    const status = 'response' in outcome ? outcome.response.status : undefined;
    if (core.logging) logAttempt(core.logger, info, attempt, status, started, reason);
    if (reason === undefined) {
      if ('response' in outcome) return handBack(core, outcome, answer);
      throw finalFailure(outcome, info, attempt, timeoutMs, host);
    }
    if (!immediate) {
      retries++;
      const retryAfter =
        'response' in outcome ? retryAfterDelay(outcome.response.headers.get('retry-after'), Date.now()) : undefined;
      await pause(retryAfter ?? backoffDelay(retries - 1, policy, core.random), signal, info);
    }
  }
}

/** Why a transient failure deserves another attempt, or undefined: the one retry rule of the client. */
function transientReason(
  outcome: Outcome,
  context: { info: KooDriveRequestInfo; attempt: number; repeatable: boolean; policy: RetryPolicy; retries: number },
): string | undefined {
  const { info, attempt, repeatable, policy, retries } = context;
  if (retries >= policy.maxRetries) return undefined;
  const reason =
    'response' in outcome
      ? policy.retryStatuses.has(outcome.response.status)
        ? `HTTP ${outcome.response.status}`
        : undefined
      : outcome.timedOut
        ? 'timeout'
        : 'connection failed';
  if (!policy.shouldRetry) return repeatable ? reason : undefined;
  const decision: RetryDecisionContext = {
    operationId: info.operationId,
    attempt,
    repeatable,
    retryable: repeatable && reason !== undefined,
    ...('response' in outcome ? { status: outcome.response.status } : { error: outcome.failure }),
  };
  const verdict = policy.shouldRetry(decision);
  if (verdict === undefined) return repeatable ? reason : undefined;
  return verdict ? (reason ?? 'shouldRetry') : undefined;
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

function logAttempt(
  logger: KooDriveLogger,
  info: KooDriveRequestInfo,
  attempt: number,
  status: number | undefined,
  started: number,
  reason: string | undefined,
) {
  const durationMs = Math.round(performance.now() - started);
  const fields = {
    ...info,
    attempt,
    status,
    durationMs,
    ...(reason ? { reason } : {}),
    willRetry: reason !== undefined,
  };
  if (reason === undefined && status !== undefined && status < 400) logger.debug('koodrive attempt succeeded', fields);
  else logger.warn('koodrive attempt failed', fields);
}

function finalFailure(
  outcome: { failure: unknown; timedOut: boolean },
  info: KooDriveRequestInfo,
  attempts: number,
  timeoutMs: number,
  host: string,
) {
  if (outcome.timedOut) return new KooDriveTimeoutError(info, { timeoutMs, attempts, host });
  const cause = outcome.failure instanceof SendFailure ? outcome.failure.cause : outcome.failure;
  return new KooDriveConnectionError(info, { cause, attempts, host, ...describeFetchFailure(cause) });
}
