import type { ClientOptions } from 'openapi-fetch';
import type { KooDriveAuth } from './auth/auth-option.js';
import { KooDriveValidationError } from './errors.js';
import { assertHeaderValue } from './headers/header-value.js';
import type { Clock } from './headers/x-date.js';
import type { KooDriveLogger } from './logger.js';
import type { FetchLike } from './pipeline.js';
import type { RetryOptions } from './retry/retry-policy.js';

/** Options of createKooDriveClient; openapi-fetch's own client options pass through. */
export interface KooDriveClientOptions<ThrowOnError extends boolean = boolean>
  extends Omit<ClientOptions, 'fetch' | 'baseUrl' | 'headers'> {
  /** The KooDrive user the calls act for (a 19-digit ID, as a string), sent as X-User-Id. */
  userId: string;
  /**
   * The credentials: `{ type: 'token', token }`, `{ type: 'app', appId, appSecret }`, or several at
   * once as `{ user, app, appToken }`; each call sends the first its operation accepts (the spec's
   * `security`), and a call whose operation accepts none of them fails before sending.
   */
  auth: KooDriveAuth;
  /**
   * `true`: every failure is thrown, answers that are failures (KooDriveApiError) included, and
   * results carry only `data`. Default `false`: failures without an answer are thrown, answers that
   * are failures come back as `{ error }` (openapi-fetch's shape).
   */
  throwOnError?: ThrowOnError;
  /** Default: the international endpoint, `servers.intl`. */
  baseUrl?: string;
  /** The `language` header; default `en-US`. */
  language?: string;
  /** Default: the global fetch, looked up at each call (so test interceptors installed later still apply). */
  fetch?: FetchLike;
  /** Where X-Date comes from; default the system clock. */
  clock?: Clock;
  /** Makes each call's X-Traceid; default 58 random hex characters. */
  traceId?: () => string;
  /** Headers sent with every request (the managed ones are set by the client). */
  headers?: Record<string, string>;
  /** Retries of failed idempotent calls; default 2 retries, 0.5 s base, 8 s cap. `false` turns them off. */
  retry?: RetryOptions | false;
  /** Milliseconds each attempt may take, answer body included; default 60 000. */
  timeout?: number;
  /** Receives a line per attempt (method, path, status, duration, attempt, trace id); default silent. */
  logger?: Partial<KooDriveLogger>;
}

/** The retry and timeout options of one call. */
export interface KooDriveRequestOptions {
  /** Overrides the client's retry settings for this call; `{ nonIdempotent: true }` allows retrying a POST/PUT/DELETE. */
  retry?: (RetryOptions & { nonIdempotent?: boolean }) | false;
  /** Overrides the client's per-attempt timeout for this call, in ms. */
  timeout?: number;
}

function assertRetry(field: string, retry: unknown): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== 'object' || retry === null)
    throw new KooDriveValidationError(field, 'must be an object or false');
  const { shouldRetry } = retry as RetryOptions;
  if (shouldRetry !== undefined && typeof shouldRetry !== 'function')
    throw new KooDriveValidationError(`${field}.shouldRetry`, 'must be a function');
  for (const key of ['maxRetries', 'baseDelayMs', 'maxDelayMs'] as const) {
    const value = (retry as RetryOptions)[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new KooDriveValidationError(
        `${field}.${key}`,
        `must be a whole number of at least 0, got ${JSON.stringify(value)}`,
      );
    }
  }
}

function assertTimeout(field: string, timeout: unknown): void {
  if (timeout !== undefined && !(typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0)) {
    throw new KooDriveValidationError(
      field,
      `must be a positive number of milliseconds, got ${JSON.stringify(timeout)}`,
    );
  }
}

/** Checks one call's retry and timeout options. */
export function assertValidRequestOptions(options: KooDriveRequestOptions): void {
  assertRetry('retry', options.retry);
  assertTimeout('timeout', options.timeout);
}

function assertBaseUrl(value: unknown): asserts value is string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new KooDriveValidationError(
      'baseUrl',
      'must be an absolute https URL (http for a local mock) without query or fragment, such as https://intl.myhuaweicloud-koodrive.com',
    );
  }
}

/** Checks the options once, at creation, so that a mistake surfaces before any request. */
export function assertValidOptions(options: KooDriveClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new KooDriveValidationError('options', 'are required');
  assertHeaderValue('userId', options.userId);
  if (options.baseUrl !== undefined) assertBaseUrl(options.baseUrl);
  if (options.language !== undefined) assertHeaderValue('language', options.language);
  for (const [name, value] of Object.entries(options.headers ?? {})) assertHeaderValue(`headers.${name}`, value);
  assertRetry('retry', options.retry);
  assertTimeout('timeout', options.timeout);
}
