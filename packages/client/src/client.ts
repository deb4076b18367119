/**
 * createKooDriveClient: openapi-fetch, typed with the spec, plus what KooDrive needs. The path of a
 * call is in pipeline.ts; this file holds the client's shared state and its methods.
 */
import type { paths } from '@koodrive/types';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { credentialsOf } from './auth/auth-option.js';
import { KooDriveError, KooDriveValidationError } from './errors.js';
import { assertHeaderValue } from './headers/header-value.js';
import { generateTraceId } from './headers/trace-id.js';
import { systemClock } from './headers/x-date.js';
import { type KooDriveLogger, silentLogger } from './logger.js';
import type { OperationFunction } from './operations/define-operation.js';
import { factsForRoute, type OperationFacts, pagedFactsAt } from './operations/operation-facts.js';
import { assertValidOptions, type KooDriveClientOptions } from './options.js';
import type { PaginateOptions, PagingContext } from './pagination.js';
import { type CallInit, type ClientCore, callOperation } from './pipeline.js';
import { retryPolicyFor } from './retry/retry-policy.js';
import { servers } from './servers.js';
import type { KooDriveCallResult, KooDriveMethod, PagedCalls, PagedPaths } from './types.js';
import { MANAGED } from './validate-headers.js';

/**
 * A KooDrive client: calls by path (`kd.GET(path, init)`, typed by the spec) or by operation
 * (`getFile(kd, init)` from `@koodrive/client/operations`), pagination, and openapi-fetch middleware.
 * With `throwOnError: true`, every failure is thrown and results hold only `data`.
 */
export interface KooDriveClient<ThrowOnError extends boolean = false> {
  GET: KooDriveMethod<'get', ThrowOnError>;
  POST: KooDriveMethod<'post', ThrowOnError>;
  PUT: KooDriveMethod<'put', ThrowOnError>;
  DELETE: KooDriveMethod<'delete', ThrowOnError>;
  /**
   * Calls an operation by its facts (what the generated operation functions do); prefer those,
   * or the path-based methods, which are typed.
   */
  request(operation: OperationFacts, init?: object): Promise<KooDriveCallResult<ThrowOnError, unknown>>;
  /**
   * Every row of a list, fetched page by page as the loop asks for them, by offset or by cursor as
   * the operation pages. Takes a path or an operation function:
   * `for await (const file of kd.paginate(listStarFile, { body: {...} })) …`. A failed page throws.
   */
  paginate<Path extends keyof PagedPaths>(
    path: Path,
    ...rest: [...PagedPaths[Path]['args'], options?: PaginateOptions]
  ): AsyncGenerator<PagedPaths[Path]['item'], void, undefined>;
  paginate<Name extends keyof PagedCalls>(
    operation: OperationFunction<Name>,
    ...rest: [...PagedCalls[Name]['args'], options?: PaginateOptions]
  ): AsyncGenerator<PagedCalls[Name]['item'], void, undefined>;
  /** Adds openapi-fetch middleware; it runs once per call, after the request is built. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
  /**
   * openapi-fetch as it is, with the client's base URL, X-User-Id, language, fetch and kd.use()
   * middleware, and nothing of the pipeline: no X-Date, Authorization, checks or retries (add your
   * own middleware), typed with the spec's own `paths`.
   */
  readonly raw: Client<paths>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Creates a KooDrive client. Options are checked at once: a bad one throws a
 * KooDriveValidationError that names it, before anything is sent.
 *
 * @example
 * const kd = createKooDriveClient({ userId: '1505084218764547200', auth: { type: 'token', token } });
 * const { data, error } = await kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { query: { limit: 10 } } });
 */
export function createKooDriveClient<ThrowOnError extends boolean = false>(
  options: KooDriveClientOptions<ThrowOnError>,
): KooDriveClient<ThrowOnError> {
  assertValidOptions(options);
  const {
    userId,
    auth,
    language = 'en-US',
    traceId: makeTraceId = generateTraceId,
    clock = systemClock,
    fetch = (request: Request, init?: { signal?: AbortSignal }) => globalThis.fetch(request, init),
    baseUrl = servers.intl,
    retry: clientRetry,
    timeout = DEFAULT_TIMEOUT_MS,
    logger: partialLogger,
    throwOnError = false,
    headers: clientHeaders,
    ...openapiFetchOptions
  } = options;
  for (const name of Object.keys(clientHeaders ?? {})) {
    if (MANAGED.has(name.toLowerCase()))
      throw new KooDriveValidationError(`headers.${name}`, 'is managed by the client; use its own option');
  }
  const credentials = credentialsOf(auth);
  const logger: KooDriveLogger = { ...silentLogger, ...partialLogger };
  assertHeaderValue('language', language);
  // The pipeline's openapi-fetch builds each call once (its fetch runs the attempts); `raw` is
  // openapi-fetch as it is, with the client's base URL, headers, fetch and middleware.
  // Bodies reach the pipeline's openapi-fetch already serialized (see serializeBody), unless the
  // caller brought a serializer of their own.
  const ownSerializer = openapiFetchOptions.bodySerializer !== undefined;
  const pipeline = createClient<paths>({
    bodySerializer: (text: unknown) => text as string,
    ...openapiFetchOptions,
    baseUrl,
    headers: { ...clientHeaders, 'X-User-Id': userId, language },
  });
  const raw = createClient<paths>({
    ...openapiFetchOptions,
    baseUrl,
    headers: { ...clientHeaders, 'X-User-Id': userId, language },
    fetch: (request: Request) => fetch(request),
  });
  let userMiddleware = 0;

  const core: ClientCore = {
    raw: pipeline as unknown as ClientCore['raw'],
    credentials,
    fetch,
    clock,
    clockOffsetMs: 0,
    clientRetry,
    clientPolicy: retryPolicyFor(clientRetry),
    timeoutMs: timeout,
    logger,
    logging: logger.debug !== silentLogger.debug || logger.warn !== silentLogger.warn,
    makeTraceId,
    throwOnError,
    serializesBodies: !ownSerializer,
    hasUserMiddleware: () => userMiddleware > 0,
    nativeFetch: options.fetch === undefined,
  };

  const byPath = (method: string) => (url: string, init?: CallInit) => {
    const facts = factsForRoute(method, url);
    return facts instanceof Promise
      ? facts.then((loaded) => callOperation(core, loaded, init))
      : callOperation(core, facts, init);
  };

  // Pagination is loaded on first use (most pages of an app never walk a list); it gets what it
  // needs of the client passed in, so that its chunk shares no module with the client's entry.
  const paging: PagingContext = {
    call: (facts, init) => callOperation(core, facts, init),
    pagedFactsAt,
    invalid: (field, problem) => new KooDriveValidationError(field, problem),
    broken: (message) => new KooDriveError(message),
  };
  async function* paginateTarget(target: string | { operation: OperationFacts }, init?: CallInit, options = {}) {
    yield* (await import('./pagination.js')).walk(paging, target, init, options);
  }

  return {
    GET: byPath('GET') as never,
    POST: byPath('POST') as never,
    PUT: byPath('PUT') as never,
    DELETE: byPath('DELETE') as never,
    request: (operation, init) => callOperation(core, operation, init as CallInit) as never,
    paginate: paginateTarget as never,
    use(...middleware) {
      userMiddleware += middleware.length;
      pipeline.use(...middleware);
      raw.use(...middleware);
    },
    eject(...middleware) {
      userMiddleware = Math.max(0, userMiddleware - middleware.length);
      pipeline.eject(...middleware);
      raw.eject(...middleware);
    },
    raw,
  };
}
