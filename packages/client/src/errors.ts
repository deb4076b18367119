/**
 * Every error the client throws or returns is a KooDriveError:
 *
 * KooDriveError
 * ├─ KooDriveValidationError   bad options or request input, found before anything is sent
 * ├─ KooDriveApiError          the service answered with a failure (HTTP status not 2xx, or `code` ≠ 0)
 * ├─ KooDriveConnectionError   no answer: the network failed
 * │  └─ KooDriveTimeoutError   no answer within the timeout
 * ├─ KooDriveAbortError        the caller aborted the call
 * └─ KooDriveSessionExpiredError  a session credential's session has ended: sign in again (sessions/session-expired.ts)
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
  /** The failure's body as received (its first 8 kB): a gateway page or a problem+json document in full. */
  body?: string;
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
  /** The failure's body as received, up to 8 kB (the message has only an excerpt). */
  readonly body?: string;
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
    if (details.body !== undefined) this.body = details.body;
    this.operationId = details.operationId;
    this.method = details.method;
    this.path = details.path;
    this.traceId = details.traceId;
  }
}

/** Where a call without an answer was going, and why it got none. */
export interface KooDriveConnectionDetails {
  /** How many attempts were made. */
  attempts?: number;
  /** The host and port the call was sent to, e.g. `intl.myhuaweicloud-koodrive.com` or `127.0.0.1:4010`. */
  host?: string;
  /** Why, in words: `connection refused`, `connection reset`, `host not found (DNS)`, `TLS handshake failed`, … */
  reason?: string;
  /** The system error code, when there is one (`ECONNREFUSED`). */
  code?: string;
  cause?: unknown;
}

/** The request got no answer: DNS, TCP or TLS failed, or the connection was cut. */
export class KooDriveConnectionError extends KooDriveError {
  override name = 'KooDriveConnectionError';
  readonly operationId: string;
  readonly traceId: string;
  /** How many attempts were made. */
  readonly attempts: number;
  /** The host (and port) that gave no answer. */
  readonly host?: string;
  /** Why there was no answer, in words. */
  readonly reason?: string;
  /** The system error code, e.g. `ECONNREFUSED`. */
  readonly code?: string;

  constructor(info: KooDriveRequestInfo, details: KooDriveConnectionDetails = {}, summary = 'got no answer') {
    const attempts = details.attempts ?? 1;
    const from = details.host ? ` from ${details.host}` : '';
    const why = details.reason
      ? `: ${details.reason}${details.code && !details.reason.includes(details.code) ? ` (${details.code})` : ''}`
      : '';
    super(
      `${info.operationId} ${summary}${from} after ${attempts} attempt${attempts === 1 ? '' : 's'}${why} (${info.method} ${info.path}, trace id ${info.traceId})`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.operationId = info.operationId;
    this.traceId = info.traceId;
    this.attempts = attempts;
    if (details.host !== undefined) this.host = details.host;
    if (details.reason !== undefined) this.reason = details.reason;
    if (details.code !== undefined) this.code = details.code;
  }
}

/** Every attempt ran out of time. */
export class KooDriveTimeoutError extends KooDriveConnectionError {
  override name = 'KooDriveTimeoutError';
  readonly timeoutMs: number;

  constructor(info: KooDriveRequestInfo, options: { timeoutMs: number; attempts: number; host?: string }) {
    super(
      info,
      {
        attempts: options.attempts,
        ...(options.host ? { host: options.host } : {}),
        reason: `no answer within ${options.timeoutMs} ms per attempt`,
      },
      'timed out',
    );
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
