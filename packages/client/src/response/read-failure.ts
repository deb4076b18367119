/**
 * Reading an answer that is a failure, loaded on the first one: most pages of an app never see
 * one, and their entry chunk need not carry this.
 */
import type { KooDriveApiErrorDetails, KooDriveRequestInfo } from '../errors.js';

const EXCERPT_LENGTH = 200;

interface ResultCodeReading {
  /** The code as a number, when it is one (sent as a number or as a string of digits). */
  code: number | undefined;
  /** A code that is not a number, such as the gateway's `APIGW.0301`. */
  rawCode?: string;
}

/** KooDrive's `code`, sent as a number or a string of digits, as a number; a gateway code kept as it is. */
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

/** KooDrive's `code` in a body's text, as a number, when there is one (for credentials deciding on a 401). */
export function readResultCode(text: string): number | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return isRecord(body) ? readCode(body.code).code : undefined;
  } catch {
    return undefined;
  }
}

/** The most of a failure's body kept on its KooDriveApiError. */
export const MAX_ERROR_BODY_LENGTH = 8192;

const bounded = (text: string) =>
  text.length > MAX_ERROR_BODY_LENGTH ? `${text.slice(0, MAX_ERROR_BODY_LENGTH)}…` : text;

/** A short, single-line view of a body that is not KooDrive's JSON, such as a proxy's HTML page. */
export function excerpt(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat === '') return '(empty body)';
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/**
 * What the KooDriveApiError of an answer that failed says (read-result.ts makes the error, so
 * that this module, loaded on demand, shares no module with the client's entry): KooDrive's `{code, msg}`, the API gateway's
 * `{error_code, error_msg}`, or anything else (an HTML page, a problem+json document, an empty or
 * cut-off body), kept whole (up to 8 kB) on the error and as a short excerpt in its message.
 */
export function readFailure(
  text: string,
  parsed: { body: unknown } | undefined,
  response: Response,
  info: KooDriveRequestInfo,
): KooDriveApiErrorDetails {
  const { status } = response;
  const kept = { ...info, status, body: bounded(text) };
  const body = parsed?.body;
  if (isRecord(body) && (!response.ok || body.code !== undefined)) {
    const { code, rawCode } = readCode(body.code ?? body.error_code);
    const msg = body.msg ?? body.error_msg;
    const summary = typeof msg === 'string' && msg !== '' ? msg : excerpt(text);
    return { ...kept, code, msg: summary, ...(rawCode === undefined ? {} : { rawCode }) };
  }
  if (!response.ok) return { ...kept, code: undefined, msg: excerpt(text) };
  const msg = !parsed
    ? text.trim() === ''
      ? 'the response body is empty'
      : `the response body is not JSON: ${excerpt(text)}`
    : `the response body is not a JSON object: ${excerpt(text)}`;
  return { ...kept, code: undefined, msg };
}
