import { KooDriveApiError, type KooDriveRequestInfo } from '../errors.js';
import { parseJsonLosslessly } from './parse-json.js';

/** What a KooDrive call resolves to: the success body, or a KooDriveApiError, never both. */
export type KooDriveResult<Data> =
  | { data: Data; error?: never; response: Response; traceId: string }
  | { data?: never; error: KooDriveApiError; response: Response; traceId: string };

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

/**
 * Reads a failure body: KooDrive's `{code, msg}`, the API gateway's `{error_code, error_msg}`,
 * or anything else (an HTML page, an empty body), kept as a short excerpt.
 */
function failureFrom(status: number, body: unknown, info: KooDriveRequestInfo): KooDriveApiError {
  if (isRecord(body)) {
    const { code, rawCode } = readCode(body.code ?? body.error_code);
    const msg = body.msg ?? body.error_msg;
    const text = typeof msg === 'string' && msg !== '' ? msg : excerpt(JSON.stringify(body));
    return new KooDriveApiError({ ...info, status, code, msg: text, ...(rawCode === undefined ? {} : { rawCode }) });
  }
  const text = typeof body === 'string' ? excerpt(body) : '(empty body)';
  return new KooDriveApiError({ ...info, status, code: undefined, msg: text });
}

/**
 * Turns what openapi-fetch returned (asked to parse as text) into a KooDriveResult:
 * - HTTP status not 2xx: an error from the body, whatever it holds;
 * - 2xx with a body that is not a JSON object: an error that says so;
 * - 2xx with `code` other than 0: an error (the reference does not rule this out);
 * - otherwise the parsed body, with integers above 2^53 as bigint.
 */
export function readResult<Data>(
  raw: { data?: unknown; error?: unknown; response: Response },
  info: KooDriveRequestInfo,
): KooDriveResult<Data> {
  const { response } = raw;
  const { traceId } = info;
  const fail = (error: KooDriveApiError) => ({ error, response, traceId });
  if (!response.ok) return fail(failureFrom(response.status, raw.error, info));

  const text = typeof raw.data === 'string' ? raw.data : '';
  let body: unknown;
  try {
    body = parseJsonLosslessly(text);
  } catch {
    const problem =
      text.trim() === '' ? 'the response body is empty' : `the response body is not JSON: ${excerpt(text)}`;
    return fail(new KooDriveApiError({ ...info, status: response.status, code: undefined, msg: problem }));
  }
  if (!isRecord(body)) {
    const msg = `the response body is not a JSON object: ${excerpt(text)}`;
    return fail(new KooDriveApiError({ ...info, status: response.status, code: undefined, msg }));
  }
  // A body without `code` has nothing that says it failed; HTTP said it succeeded.
  if (body.code !== undefined) {
    if (readCode(body.code).code !== 0) return fail(failureFrom(response.status, body, info));
  }
  return { data: body as Data, response, traceId };
}
