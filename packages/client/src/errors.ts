/**
 * Every error the client throws or returns is a KooDriveError:
 *
 * KooDriveError
 * ├─ KooDriveValidationError   bad options or request input, found before anything is sent
 * ├─ KooDriveApiError          the service answered with a failure (HTTP status not 2xx, or `code` ≠ 0)
 * ├─ KooDriveConnectionError   no answer: the network failed
 * │  └─ KooDriveTimeoutError   no answer within the timeout
 * └─ KooDriveAbortError        the caller aborted the call
 *
 * Messages name the operation and the trace id, and never contain a token, an AppSecret or an
 * Authorization header.
 */

export class KooDriveError extends Error {
  override name = 'KooDriveError';
}

/** Invalid client options or request input. Thrown before anything is sent. */
export class KooDriveValidationError extends KooDriveError {
  override name = 'KooDriveValidationError';
  /** The option, parameter or header that is wrong, e.g. `userId` or `query limit`. */
  readonly field: string;
  /** The call it was found in, when it was found in one. */
  readonly operationId?: string;
  readonly traceId?: string;

  constructor(field: string, problem: string, call?: { operationId: string; traceId: string }) {
    super(call ? `${call.operationId}: ${field}: ${problem} (trace id ${call.traceId})` : `${field}: ${problem}`);
    this.field = field;
    if (call) {
      this.operationId = call.operationId;
      this.traceId = call.traceId;
    }
  }
}

/** Where a failed call was going. */
export interface KooDriveRequestInfo {
  /** The operationId, e.g. `GetSpaceUsageByQuota`, or the path when the spec does not know it. */
  operationId: string;
  method: string;
  /** The request's path, without the query string. */
  path: string;
  /** The X-Traceid the request was sent with. */
  traceId: string;
}

/** What a KooDriveApiError records of a failed call. */
export interface KooDriveApiErrorDetails extends KooDriveRequestInfo {
  status: number;
  /** KooDrive's return code, as a number even when the service sends a string; undefined when the body had none. */
  code: number | undefined;
  /** KooDrive's message, or a short excerpt of a body that was not KooDrive's JSON (a gateway page). */
  msg: string;
  /** Gateway codes such as `APIGW.0301`, kept as sent. */
  rawCode?: string;
}

/** What kind of failure an HTTP status is, to branch on without memorizing numbers. */
export type KooDriveApiErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'business-error'
  | 'other';

function kindOf(status: number): KooDriveApiErrorKind {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  // A 2xx that carries a non-zero code.
  if (status >= 200 && status < 300) return 'business-error';
  return 'other';
}

/** The service answered, and the answer is a failure. */
export class KooDriveApiError extends KooDriveError implements KooDriveApiErrorDetails {
  override name = 'KooDriveApiError';
  /** The failure's kind, from the HTTP status: `bad-request` (400), `unauthorized` (401), … */
  readonly kind: KooDriveApiErrorKind;
  readonly status: number;
  readonly code: number | undefined;
  readonly msg: string;
  readonly rawCode?: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly traceId: string;

  constructor(details: KooDriveApiErrorDetails) {
    const code = details.code ?? details.rawCode ?? 'none';
    super(
      `${details.operationId} failed with HTTP ${details.status}, code ${code}: ${details.msg} ` +
        `(${details.method} ${details.path}, trace id ${details.traceId})`,
    );
    this.status = details.status;
    this.kind = kindOf(details.status);
    this.code = details.code;
    this.msg = details.msg;
    if (details.rawCode !== undefined) this.rawCode = details.rawCode;
    this.operationId = details.operationId;
    this.method = details.method;
    this.path = details.path;
    this.traceId = details.traceId;
  }
}

/** The request got no answer: DNS, TCP or TLS failed, or the connection was cut. */
export class KooDriveConnectionError extends KooDriveError {
  override name = 'KooDriveConnectionError';
  readonly operationId: string;
  readonly traceId: string;
  /** How many attempts were made. */
  readonly attempts: number;

  constructor(info: KooDriveRequestInfo, options?: { cause?: unknown; attempts?: number; reason?: string }) {
    const attempts = options?.attempts ?? 1;
    const reason = options?.reason ?? 'got no answer';
    super(
      `${info.operationId} ${reason} after ${attempts} attempt${attempts === 1 ? '' : 's'} (${info.method} ${info.path}, trace id ${info.traceId})`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.operationId = info.operationId;
    this.traceId = info.traceId;
    this.attempts = attempts;
  }
}

/** Every attempt ran out of time. */
export class KooDriveTimeoutError extends KooDriveConnectionError {
  override name = 'KooDriveTimeoutError';
  readonly timeoutMs: number;

  constructor(info: KooDriveRequestInfo, options: { timeoutMs: number; attempts: number }) {
    super(info, { attempts: options.attempts, reason: `timed out (${options.timeoutMs} ms per attempt)` });
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's AbortSignal fired; no further attempt is made. */
export class KooDriveAbortError extends KooDriveError {
  override name = 'KooDriveAbortError';
  readonly operationId: string;
  readonly traceId: string;

  constructor(info: KooDriveRequestInfo) {
    super(`${info.operationId} was aborted by the caller (${info.method} ${info.path}, trace id ${info.traceId})`);
    this.operationId = info.operationId;
    this.traceId = info.traceId;
  }
}
