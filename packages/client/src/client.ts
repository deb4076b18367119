/**
 * createKooDriveClient: openapi-fetch, typed with the spec's paths, plus what KooDrive needs.
 *
 *   kd.GET(path, init)                           typed by @koodrive/types; input checked against the spec
 *   └─ runAttempts                               retries with backoff, a timeout per attempt, logging
 *      └─ openapi-fetch                          builds the URL, query and JSON body
 *         └─ middleware: kooDriveHeaders         X-User-Id, language, X-Traceid (the call's, on every attempt)
 *            └─ fetch: transport                 X-Date, Authorization (signed anew for every attempt)
 *   ← readResult                                 lossless JSON; HTTP failure or code ≠ 0 → KooDriveApiError
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { HttpMethod } from 'openapi-typescript-helpers';
import { createAuthorizer } from './auth/authorizer.js';
import { KooDriveError, type KooDriveRequestInfo, KooDriveValidationError } from './errors.js';
import { assertHeaderValue } from './headers/header-value.js';
import { assertTraceId, generateTraceId } from './headers/trace-id.js';
import { systemClock } from './headers/x-date.js';
import { type KooDriveLogger, silentLogger } from './logger.js';
import { kooDriveHeaders } from './middleware/koodrive-headers.js';
import { operationFor, pagedOperationAt } from './operations.js';
import {
  assertValidOptions,
  assertValidRequestOptions,
  type KooDriveClientOptions,
  type KooDriveRequestOptions,
} from './options.js';
import { type PaginateOptions, paginateByOffset } from './pagination.js';
import { runAttempts } from './request-loop.js';
import { type KooDriveResult, readResult } from './response/read-result.js';
import { defaultRetryPolicy, isIdempotent, type RetryOptions, type RetryPolicy } from './retry/retry-policy.js';
import { servers } from './servers.js';
import { ATTEMPT_SIGNAL, createTransport } from './transport/fetch-wrapper.js';
import type {
  KooDriveMethod,
  KooDrivePaths,
  OffsetPagedPath,
  PagedOperation,
  PageItem,
  PaginateInit,
  SuccessBody,
} from './types.js';
import { unwrap } from './unwrap.js';
import { assertValidInput } from './validate-input.js';

/**
 * A KooDrive client: openapi-fetch's GET/POST/PUT/DELETE typed by the spec, each resolving to a
 * KooDriveResult (data or a KooDriveApiError), plus pagination and openapi-fetch middleware.
 */
export interface KooDriveClient {
  GET: KooDriveMethod<'get'>;
  POST: KooDriveMethod<'post'>;
  PUT: KooDriveMethod<'put'>;
  DELETE: KooDriveMethod<'delete'>;
  /**
   * Every row of an offset/limit list, fetched page by page as the loop asks for them.
   * `for await (const row of kd.paginate('/koodrive/ose/v1/space/usage/quota')) …`
   * A failed page throws its KooDriveApiError.
   */
  paginate<Path extends OffsetPagedPath>(
    url: Path,
    init?: PaginateInit<Path>,
    options?: PaginateOptions,
  ): AsyncGenerator<PageItem<SuccessBody<PagedOperation<Path>>>, void, undefined>;
  /** Adds openapi-fetch middleware; it runs after the KooDrive headers are set. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
  /** The openapi-fetch client underneath: same middleware and transport, openapi-fetch's own results. */
  readonly raw: Client<KooDrivePaths>;
}

type CallInit = KooDriveRequestOptions & {
  params?: { query?: Record<string, unknown>; header?: Record<string, unknown>; path?: Record<string, unknown> };
  headers?: HeadersInit;
  signal?: AbortSignal | null;
  [key: string]: unknown;
};

const DEFAULT_TIMEOUT_MS = 60_000;

/** The retry policy of the client, or of one call with its own settings over the client's. */
function retryPolicyFor(client: RetryOptions | false | undefined, call?: RetryOptions | false): RetryPolicy {
  if (client === false || call === false) return { ...defaultRetryPolicy, maxRetries: 0 };
  return { ...defaultRetryPolicy, ...client, ...call };
}

/** The caller's raw `headers` as name/value pairs, read without building a Headers (which would throw on a bad value). */
function rawHeaderEntries(headers: HeadersInit | undefined): [string, string][] {
  if (headers === undefined) return [];
  if (headers instanceof Headers) return [...headers.entries()];
  return Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers);
}

/** The trace ID the caller chose for this call, through the typed header parameter or raw headers. */
function callerTraceId(init: CallInit): unknown {
  const typed = init.params?.header?.['X-Traceid'];
  if (typed !== undefined || init.headers === undefined) return typed;
  return rawHeaderEntries(init.headers).find(([name]) => name.toLowerCase() === 'x-traceid')?.[1];
}

/** Checks the header values a caller set on one request, so that a bad one is named before fetch sees it. */
function assertCallerHeaders(init: CallInit): void {
  const typed = init.params?.header;
  for (const name in typed) {
    const value = typed[name];
    if (value !== undefined && value !== null) assertHeaderValue(`header ${name}`, String(value));
  }
  for (const [name, value] of rawHeaderEntries(init.headers)) assertHeaderValue(`header ${name}`, value);
}

/** Errors thrown while a call was under way, as KooDriveErrors. */
function toCallError(error: unknown, info: KooDriveRequestInfo): KooDriveError {
  if (error instanceof KooDriveError) return error;
  // Anything else failed while the request was being built (fetch refuses a header value, say),
  // so nothing was sent. Quoted values are dropped from the message: they may be secrets.
  const reason = error instanceof Error ? error.message.replace(/"[^"]*"/g, '"…"') : String(error);
  return new KooDriveValidationError('request', `could not be built for ${info.operationId}: ${reason}`);
}

/**
 * Creates a KooDrive client. Options are checked at once: a bad one throws a
 * KooDriveValidationError that names it, before anything is sent.
 *
 * @example
 * const kd = createKooDriveClient({ userId: '1505084218764547200', auth: { type: 'token', token } });
 * const { data, error } = await kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { query: { limit: 10 } } });
 */
export function createKooDriveClient(options: KooDriveClientOptions): KooDriveClient {
  assertValidOptions(options);
  const {
    userId,
    auth,
    language,
    traceId: makeTraceId = generateTraceId,
    clock = systemClock,
    fetch = (request: Request, init?: { signal?: AbortSignal }) => globalThis.fetch(request, init),
    baseUrl = servers.intl,
    retry: clientRetry,
    timeout: clientTimeout = DEFAULT_TIMEOUT_MS,
    logger: partialLogger,
    ...openapiFetchOptions
  } = options;
  const logger: KooDriveLogger = { ...silentLogger, ...partialLogger };

  const raw = createClient<KooDrivePaths>({
    ...openapiFetchOptions,
    baseUrl,
    fetch: createTransport({ fetch, clock, authorize: createAuthorizer(auth), logger }),
  });
  raw.use(kooDriveHeaders({ userId, language, traceId: makeTraceId }));
  const clientPolicy = retryPolicyFor(clientRetry);

  async function call(
    method: Uppercase<HttpMethod>,
    url: string,
    init: CallInit = {},
  ): Promise<KooDriveResult<unknown>> {
    const { retry, timeout, signal, ...fetchInit } = init;
    assertValidRequestOptions({ retry, timeout });
    assertCallerHeaders(init);
    const traceId = callerTraceId(init) ?? makeTraceId();
    assertTraceId('header X-Traceid', traceId);
    const operation = operationFor(method, url);
    const info: KooDriveRequestInfo = { operationId: operation.operationId, method, path: url, traceId };
    assertValidInput(operation.operationId, init.params, info);
    const policy = retry === undefined ? clientPolicy : retryPolicyFor(clientRetry, retry);
    const params = { ...init.params, header: { ...init.params?.header, 'X-Traceid': traceId } };
    try {
      const result = await runAttempts(
        (attemptSignal) =>
          raw.request(
            method.toLowerCase() as never,
            url as never,
            {
              ...fetchInit,
              params,
              [ATTEMPT_SIGNAL]: attemptSignal,
              parseAs: 'text',
            } as never,
          ),
        {
          info,
          repeatable: isIdempotent(method, operation.idempotent) || policy.nonIdempotent,
          policy,
          timeoutMs: timeout ?? clientTimeout,
          callerSignal: signal ?? undefined,
          logger,
        },
      );
      return readResult(result, info);
    } catch (error) {
      throw toCallError(error, info);
    }
  }

  const method = (name: Uppercase<HttpMethod>) => ((url: string, init?: CallInit) => call(name, url, init)) as never;

  return {
    GET: method('GET'),
    POST: method('POST'),
    PUT: method('PUT'),
    DELETE: method('DELETE'),
    paginate(url, init, paginateOptions = {}) {
      const paged = pagedOperationAt(url);
      if (!paged) throw new KooDriveValidationError('url', `${url} is not an offset/limit operation of the spec`);
      const base = (init ?? {}) as CallInit & { body?: Record<string, unknown> };
      const start = (paged.pagination === 'query' ? base.params?.query : base.body) ?? {};
      const fetchPage = async (offset: number, limit: number) => {
        const page =
          paged.pagination === 'query'
            ? { ...base, params: { ...base.params, query: { ...start, offset, limit } } }
            : { ...base, body: { ...start, offset, limit } };
        return (await unwrap(call(paged.method, url, page))) as Record<string, unknown>;
      };
      return paginateByOffset(fetchPage, {
        offset: Number(start.offset ?? 0),
        pageSize: paginateOptions.pageSize ?? Number(start.limit ?? 100),
        itemsKey: paginateOptions.itemsKey,
        operation: paged.operationId,
      });
    },
    use: (...middleware) => raw.use(...middleware),
    eject: (...middleware) => raw.eject(...middleware),
    raw,
  };
}
