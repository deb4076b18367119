import { KooDriveApiError, type KooDriveRequestInfo } from '../errors.js';
import { parseJsonLosslessly } from './parse-json.js';

/** What a KooDrive call resolves to: the success body, or a KooDriveApiError, never both. */
export type KooDriveResult<Data> = KooDriveSuccess<Data> | KooDriveFailure;

/** A call that succeeded: its data, the raw response and the call's trace ID. */
export interface KooDriveSuccess<Data> {
  data: Data;
  error?: never;
  response: Response;
  traceId: string;
}

/** A call the service answered with a failure. */
export interface KooDriveFailure {
  data?: never;
  error: KooDriveApiError;
  response: Response;
  traceId: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `code` 0, sent as a number or a string of digits. */
const isSuccessCode = (code: unknown) =>
  code === 0 || code === 0n || (typeof code === 'string' && /^\s*-?0+\s*$/.test(code));

/**
 * Turns an answer (its whole body text, read within the attempt) into a KooDriveResult:
 * - HTTP status not 2xx: an error from the body, whatever it holds;
 * - 2xx with a body that is not a JSON object: an error that says so;
 * - 2xx with `code` other than 0: an error (the reference does not rule this out);
 * - otherwise the parsed body, with integers above 2^53 as bigint.
 * A success is returned at once; a failure through a promise, as read-failure.ts is loaded when the
 * first one comes.
 */
export function readResult<Data>(
  text: string,
  response: Response,
  info: KooDriveRequestInfo,
): KooDriveResult<Data> | Promise<KooDriveResult<Data>> {
  let parsed: { body: unknown } | undefined;
  try {
    parsed = { body: parseJsonLosslessly(text) };
  } catch {}
  const body = parsed?.body;
  // A body without `code` has nothing that says it failed; HTTP said it succeeded.
  if (response.ok && isRecord(body) && (body.code === undefined || isSuccessCode(body.code))) {
    return { data: body as Data, response, traceId: info.traceId };
  }
  return import('./read-failure.js').then(({ readFailure }) => ({
    error: new KooDriveApiError(readFailure(text, parsed, response, info)),
    response,
    traceId: info.traceId,
  }));
}
