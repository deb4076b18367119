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

const EXCERPT_LENGTH = 200;

/** A short, single-line view of a body that is not KooDrive's JSON, such as a proxy's HTML page. */
export function excerpt(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat === '') return '(empty body)';
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

interface ResultCodeReading {
  /** The code as a number, when it is one (sent as a number or as a string of digits). */
  code: number | undefined;
  /** A code that is not a number, such as the gateway's `APIGW.0301`. */
  rawCode?: string;
}

function readCode(value: unknown): ResultCodeReading {
  if (typeof value === 'number') return { code: value };
  if (typeof value === 'bigint') return { code: Number(value) };
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return { code: Number(value.trim()) };
  if (typeof value === 'string' && value !== '') return { code: undefined, rawCode: value };
  return { code: undefined };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The most of a failure's body kept on its KooDriveApiError. */
export const MAX_ERROR_BODY_LENGTH = 8192;

const bounded = (text: string) =>
  text.length > MAX_ERROR_BODY_LENGTH ? `${text.slice(0, MAX_ERROR_BODY_LENGTH)}…` : text;

/**
 * Reads a failure body: KooDrive's `{code, msg}`, the API gateway's `{error_code, error_msg}`,
 * or anything else (an HTML page, a problem+json document, an empty body), kept whole (up to
 * 8 kB) on the error and as a short excerpt in its message.
 */
function failureFrom(status: number, body: unknown, text: string, info: KooDriveRequestInfo): KooDriveApiError {
  const kept = { body: bounded(text) };
  if (isRecord(body)) {
    const { code, rawCode } = readCode(body.code ?? body.error_code);
    const msg = body.msg ?? body.error_msg;
    const summary = typeof msg === 'string' && msg !== '' ? msg : excerpt(text);
    return new KooDriveApiError({
      ...info,
      status,
      code,
      msg: summary,
      ...kept,
      ...(rawCode === undefined ? {} : { rawCode }),
    });
  }
  return new KooDriveApiError({ ...info, status, code: undefined, msg: excerpt(text), ...kept });
}

function tryParse(text: string): { body: unknown } | undefined {
  try {
    return { body: parseJsonLosslessly(text) };
  } catch {
    return undefined;
  }
}

/** KooDrive's `code` in a body's text, as a number, when there is one (for credentials deciding on a 401). */
export function readResultCode(text: string): number | undefined {
  const parsed = tryParse(text);
  return parsed && isRecord(parsed.body) ? readCode(parsed.body.code).code : undefined;
}

/**
 * Turns an answer (its whole body text, read within the attempt) into a KooDriveResult:
 * - HTTP status not 2xx: an error from the body, whatever it holds;
 * - 2xx with a body that is not a JSON object: an error that says so;
 * - 2xx with `code` other than 0: an error (the reference does not rule this out);
 * - otherwise the parsed body, with integers above 2^53 as bigint.
 */
export function readResult<Data>(text: string, response: Response, info: KooDriveRequestInfo): KooDriveResult<Data> {
  const { traceId } = info;
  const fail = (error: KooDriveApiError) => ({ error, response, traceId });
  const parsed = tryParse(text);
  if (!response.ok) return fail(failureFrom(response.status, parsed?.body, text, info));
  if (!parsed) {
    const problem =
      text.trim() === '' ? 'the response body is empty' : `the response body is not JSON: ${excerpt(text)}`;
    return fail(
      new KooDriveApiError({ ...info, status: response.status, code: undefined, msg: problem, body: bounded(text) }),
    );
  }
  const { body } = parsed;
  if (!isRecord(body)) {
    const msg = `the response body is not a JSON object: ${excerpt(text)}`;
    return fail(new KooDriveApiError({ ...info, status: response.status, code: undefined, msg, body: bounded(text) }));
  }
  // A body without `code` has nothing that says it failed; HTTP said it succeeded.
  if (body.code !== undefined && readCode(body.code).code !== 0) {
    return fail(failureFrom(response.status, body, text, info));
  }
  return { data: body as Data, response, traceId };
}
