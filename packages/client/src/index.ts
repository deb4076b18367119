export { formatTokenAuthorization, type TokenAuth, type TokenFormat, type TokenSource } from './auth/token-auth.js';
export { createKooDriveClient, type KooDriveClient } from './client.js';
export {
  KooDriveApiError,
  type KooDriveApiErrorDetails,
  KooDriveConnectionError,
  KooDriveError,
  type KooDriveRequestInfo,
  KooDriveValidationError,
} from './errors.js';
export { generateTraceId, TRACE_ID_LENGTH } from './headers/trace-id.js';
export { type Clock, formatXDate } from './headers/x-date.js';
export { type KooDriveHeadersOptions, kooDriveHeaders } from './middleware/koodrive-headers.js';
export type { KooDriveAuth, KooDriveClientOptions } from './options.js';
export type { PaginateOptions } from './pagination.js';
export type { KooDriveResult } from './response/read-result.js';
export { servers } from './servers.js';
export type { KooDriveMethod, KooDrivePaths, ManagedHeader, OffsetPagedPath, PageItem, SuccessBody } from './types.js';
export { unwrap } from './unwrap.js';
