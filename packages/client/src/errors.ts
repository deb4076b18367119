/**
 * Every error the client throws or returns is a KooDriveError:
 *
 * KooDriveError
 * ├─ KooDriveValidationError   bad options or request input, found before anything is sent
 * ├─ KooDriveApiError          the service answered with a failure (HTTP status not 2xx, or `code` ≠ 0)
 * └─ KooDriveConnectionError   no answer: the network failed
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
  /** The option, parameter or header that is wrong, e.g. `userId` or `header X-Traceid`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.field = field;
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

export interface KooDriveApiErrorDetails extends KooDriveRequestInfo {
  status: number;
  /** KooDrive's return code, as a number even when the service sends a string; undefined when the body had none. */
  code: number | undefined;
  /** KooDrive's message, or a short excerpt of a body that was not KooDrive's JSON (a gateway page). */
  msg: string;
  /** Gateway codes such as `APIGW.0301`, kept as sent. */
  rawCode?: string;
}

/** The service answered, and the answer is a failure. */
export class KooDriveApiError extends KooDriveError implements KooDriveApiErrorDetails {
  override name = 'KooDriveApiError';
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

  constructor(info: KooDriveRequestInfo, options?: { cause?: unknown }) {
    super(`${info.operationId} got no answer (${info.method} ${info.path}, trace id ${info.traceId})`, options);
    this.operationId = info.operationId;
    this.traceId = info.traceId;
  }
}
