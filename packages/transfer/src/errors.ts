/**
 * The errors of transfers, beside the client's (KooDriveApiError for a refused KooDrive call,
 * KooDriveValidationError for bad input, KooDriveAbortError when the caller aborts):
 *
 * KooDriveError (from @koodrive/client)
 * ├─ KooDriveStorageError     the storage endpoint refused a part upload or a download, or gave no answer
 * └─ KooDriveIntegrityError   the bytes received are not the file's: wrong length or SHA-256
 *
 * Storage URLs are presigned: their query string is a credential. Messages name only the URL's
 * host and path, never its query.
 */
import { KooDriveAbortError, KooDriveError } from '@koodrive/client';

/** A storage URL as it may be shown: origin and path, without the signature in its query. */
export function describeUrl(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return `${origin}${pathname}`;
  } catch {
    return '(an unreadable URL)';
  }
}

/** What a KooDriveStorageError records. */
export interface KooDriveStorageErrorDetails {
  /** `PUT` for a part upload, `GET` for a download. */
  method: 'PUT' | 'GET';
  /** The storage URL without its query (the query is a credential). */
  url: string;
  fileId: string;
  /** The part, for an upload. */
  partNumber?: number;
  /** The HTTP status; undefined when no answer came. */
  status?: number;
  /** The storage service's error code (`AccessDenied`, `SignatureDoesNotMatch`, …), when it sent one. */
  code?: string;
  /** The storage service's message, or why no answer came. */
  detail: string;
  /** How many attempts were made. */
  attempts: number;
  cause?: unknown;
}

/** The storage endpoint refused a part upload or a download, or gave no answer, after the retries allowed. */
export class KooDriveStorageError extends KooDriveError implements Omit<KooDriveStorageErrorDetails, 'cause'> {
  override name = 'KooDriveStorageError';
  readonly method: 'PUT' | 'GET';
  readonly url: string;
  readonly fileId: string;
  readonly partNumber?: number;
  readonly status?: number;
  readonly code?: string;
  readonly detail: string;
  readonly attempts: number;

  constructor(details: KooDriveStorageErrorDetails) {
    const what =
      details.partNumber === undefined
        ? `download of ${details.fileId}`
        : `part ${details.partNumber} of ${details.fileId}`;
    const answer =
      details.status === undefined ? 'no answer' : `HTTP ${details.status}${details.code ? ` ${details.code}` : ''}`;
    const attempts = `${details.attempts} attempt${details.attempts === 1 ? '' : 's'}`;
    super(
      `storage ${details.method} of ${what} failed with ${answer} after ${attempts}: ${details.detail} (${details.url})`,
      {
        cause: details.cause,
      },
    );
    this.method = details.method;
    this.url = details.url;
    this.fileId = details.fileId;
    if (details.partNumber !== undefined) this.partNumber = details.partNumber;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    this.detail = details.detail;
    this.attempts = details.attempts;
  }
}

/** The bytes of a download (or an upload's source) are not what they should be. */
export class KooDriveIntegrityError extends KooDriveError {
  override name = 'KooDriveIntegrityError';
  readonly fileId: string;
  /** What did not match. */
  readonly check: 'length' | 'sha256' | 'source';
  readonly expected: string;
  readonly actual: string;

  constructor(
    fileId: string,
    check: 'length' | 'sha256' | 'source',
    expected: string,
    actual: string,
    problem?: string,
  ) {
    super(problem ?? `${fileId}: ${check} is ${actual}, expected ${expected}`);
    this.fileId = fileId;
    this.check = check;
    this.expected = expected;
    this.actual = actual;
  }
}

/** The KooDriveAbortError of a transfer the caller aborted (no single KooDrive call to name). */
export function transferAbortError(
  what: 'uploadFile' | 'resumeUpload' | 'downloadFile',
  subject: string,
): KooDriveAbortError {
  const error = new KooDriveAbortError({
    operationId: what,
    method: what === 'downloadFile' ? 'GET' : 'PUT',
    path: subject,
    traceId: '',
  });
  error.message = `${what} of ${subject} was aborted by the caller`;
  return error;
}

/** Whether an error is an abort: the client's, or the platform's AbortError. */
export function isAbort(error: unknown): boolean {
  return error instanceof KooDriveAbortError || (error instanceof Error && error.name === 'AbortError');
}
