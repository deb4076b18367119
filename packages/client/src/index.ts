export type { AppAuth, AppAuthOptions } from './auth/app-credential.js';
export type { KooDriveAuth, KooDriveCredentials, TokenInput } from './auth/auth-option.js';
export type { AuthorizeRequest, KooDriveCredential, UnauthorizedAnswer } from './auth/credential.js';
export {
  formatTokenAuthorization,
  type TokenAuth,
  type TokenFormat,
  type TokenOptions,
  type TokenSource,
  tokenCredential,
} from './auth/token-auth.js';
export type { CallRetryOptions, KooDriveCallOptions, Loosen } from './call-options.js';
export { createKooDriveClient, type KooDriveClient } from './client.js';
export {
  KooDriveAbortError,
  KooDriveApiError,
  type KooDriveApiErrorDetails,
  type KooDriveApiErrorKind,
  type KooDriveConnectionDetails,
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
export type { OperationCaller, OperationFunction } from './operations/define-operation.js';
export type { OperationFacts, PagingFacts, SecurityScheme } from './operations/operation-facts.js';
export type { KooDriveClientOptions, KooDriveRequestOptions } from './options.js';
export type { PaginateOptions } from './pagination.js';
export type { FetchLike } from './pipeline.js';
export type { KooDriveFailure, KooDriveResult, KooDriveSuccess } from './response/read-result.js';
export {
  defaultRetryPolicy,
  RETRYABLE_STATUSES,
  type RetryDecisionContext,
  type RetryOptions,
  type RetryPolicy,
} from './retry/retry-policy.js';
export { servers } from './servers.js';
export {
  createSessionAuth,
  type KooDriveSessionAuth,
  type KooDriveSessionSnapshot,
  SESSION_IDLE_TIMEOUT_MS,
  type SessionAuthOptions,
} from './sessions/session-auth.js';
export type { SessionCallOptions } from './sessions/session-client.js';
export { type KooDriveSessionEnd, KooDriveSessionExpiredError } from './sessions/session-expired.js';
export {
  createKooDriveSignIn,
  type KooDriveSession,
  type KooDriveSignIn,
  type KooDriveSignInUrl,
} from './sessions/sign-in.js';
export type {
  KooDriveCallResult,
  KooDriveMethod,
  OperationCalls,
  OperationData,
  OperationInit,
  OperationName,
  PagedCalls,
  PagedOperationName,
  PagedPath,
  PagedPaths,
  PageItem,
  PathCalls,
} from './types.js';
export { unwrap } from './unwrap.js';
