export type { AppAuth } from './auth/app-auth.js';
export {
  buildCanonicalRequest,
  type CanonicalRequestInput,
  canonicalQueryString,
  canonicalUri,
  EMPTY_BODY_SHA256,
  rfc3986Encode,
} from './auth/app-signature/canonical-request.js';
export {
  APP_SIGNATURE_ALGORITHM,
  type AppCredentials,
  type AppSignature,
  type AppSigner,
  type AppSignerOptions,
  createAppSigner,
  type ParsedAppAuthorization,
  parseAppAuthorization,
  REQUIRED_SIGNED_HEADERS,
  type SignableRequest,
} from './auth/app-signature/signer.js';
export {
  defaultSigningCrypto,
  nodeSigningCrypto,
  type SigningCrypto,
  webSigningCrypto,
} from './auth/app-signature/signing-crypto.js';
export { formatTokenAuthorization, type TokenAuth, type TokenFormat, type TokenSource } from './auth/token-auth.js';
export { createKooDriveClient, type KooDriveClient } from './client.js';
export {
  KooDriveAbortError,
  KooDriveApiError,
  type KooDriveApiErrorDetails,
  type KooDriveApiErrorKind,
  KooDriveConnectionError,
  KooDriveError,
  type KooDriveRequestInfo,
  KooDriveTimeoutError,
  KooDriveValidationError,
} from './errors.js';
export { generateTraceId, TRACE_ID_LENGTH } from './headers/trace-id.js';
export { type Clock, formatXDate } from './headers/x-date.js';
export type { KooDriveLogger } from './logger.js';
export { type KooDriveHeadersOptions, kooDriveHeaders } from './middleware/koodrive-headers.js';
export type { KooDriveAuth, KooDriveClientOptions, KooDriveRequestOptions } from './options.js';
export type { PaginateOptions } from './pagination.js';
export type { KooDriveResult } from './response/read-result.js';
export {
  backoffDelay,
  defaultRetryPolicy,
  MAX_RETRY_AFTER_MS,
  RETRYABLE_STATUSES,
  type RetryOptions,
  type RetryPolicy,
  retryAfterDelay,
} from './retry/retry-policy.js';
export { servers } from './servers.js';
export type {
  BodyPagedPath,
  KooDriveMethod,
  KooDrivePaths,
  ManagedHeader,
  OffsetPagedPath,
  PagedOperation,
  PageItem,
  PaginateInit,
  QueryPagedPath,
  SuccessBody,
} from './types.js';
export { unwrap } from './unwrap.js';
