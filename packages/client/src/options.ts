import type { ClientOptions } from 'openapi-fetch';
import type { AppAuth } from './auth/app-auth.js';
import type { TokenAuth } from './auth/token-auth.js';
import { KooDriveValidationError } from './errors.js';
import { assertHeaderValue } from './headers/header-value.js';
import type { Clock } from './headers/x-date.js';
import type { KooDriveLogger } from './logger.js';
import type { RetryOptions } from './retry/retry-policy.js';
import type { FetchLike } from './transport/fetch-wrapper.js';

/** How the client proves who it is: a user or app access token, or an app signature. */
export type KooDriveAuth = TokenAuth | AppAuth;

/** Options of createKooDriveClient; openapi-fetch's own client options pass through. */
export interface KooDriveClientOptions extends Omit<ClientOptions, 'fetch' | 'baseUrl' | 'headers'> {
  /** The KooDrive user the calls act for (a 19-digit ID, as a string), sent as X-User-Id. */
  userId: string;
  auth: KooDriveAuth;
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

/** Options of one call, beside openapi-fetch's own (`params`, `body`, `headers`, `signal`, …). */
export interface KooDriveRequestOptions {
  /** Overrides the client's retry settings for this call; `{ nonIdempotent: true }` allows retrying a POST/PUT/DELETE. */
  retry?: RetryOptions | false;
  /** Overrides the client's per-attempt timeout for this call, in ms. */
  timeout?: number;
}

function assertRetry(field: string, retry: unknown): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== 'object' || retry === null)
    throw new KooDriveValidationError(field, 'must be an object or false');
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
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new KooDriveValidationError(
      'baseUrl',
      'must be an absolute URL such as https://intl.myhuaweicloud-koodrive.com',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KooDriveValidationError('baseUrl', `must use https (or http for a local mock), not ${url.protocol}`);
  }
  if (url.search || url.hash) throw new KooDriveValidationError('baseUrl', 'must not have a query or a fragment');
}

function assertAuth(auth: unknown): asserts auth is KooDriveAuth {
  if (typeof auth !== 'object' || auth === null) {
    throw new KooDriveValidationError('auth', "is required, e.g. { type: 'token', token }");
  }
  const { type } = auth as { type?: unknown };
  if (type === 'app') return assertAppAuth(auth as AppAuth);
  if (type !== 'token') {
    throw new KooDriveValidationError('auth.type', `must be 'token' or 'app', got ${JSON.stringify(type)}`);
  }
  const { token, format } = auth as TokenAuth;
  if (token === undefined || token === null || token === '') {
    throw new KooDriveValidationError('auth.token', 'is missing: pass the access token or a function that returns it');
  }
  if (typeof token === 'string') assertHeaderValue('auth.token', token);
  else if (typeof token !== 'function')
    throw new KooDriveValidationError('auth.token', 'must be a string or a function');
  if (format !== undefined && !['bearer', 'bearer-plus', 'bare'].includes(format)) {
    throw new KooDriveValidationError('auth.format', "must be 'bearer', 'bearer-plus' or 'bare'");
  }
}

function assertAppAuth({ appId, appSecret, signedHeaders }: AppAuth): void {
  if (appId === undefined || appId === '') throw new KooDriveValidationError('auth.appId', 'is missing');
  assertHeaderValue('auth.appId', appId);
  if (typeof appSecret !== 'string' || appSecret === '') {
    throw new KooDriveValidationError('auth.appSecret', 'is missing: pass the AppSecret of the app');
  }
  for (const name of signedHeaders ?? []) {
    if (!/^[A-Za-z0-9-]+$/.test(name))
      throw new KooDriveValidationError('auth.signedHeaders', `${JSON.stringify(name)} is not a header name`);
  }
}

/** Checks the options once, at creation, so that a mistake surfaces before any request. */
export function assertValidOptions(options: KooDriveClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new KooDriveValidationError('options', 'are required');
  assertHeaderValue('userId', options.userId);
  assertAuth(options.auth);
  if (options.baseUrl !== undefined) assertBaseUrl(options.baseUrl);
  if (options.language !== undefined) assertHeaderValue('language', options.language);
  for (const [name, value] of Object.entries(options.headers ?? {})) assertHeaderValue(`headers.${name}`, value);
  assertRetry('retry', options.retry);
  assertTimeout('timeout', options.timeout);
}
