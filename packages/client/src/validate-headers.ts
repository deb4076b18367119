/**
 * Checks the headers a caller set on one call, so that a bad one is named before fetch sees it,
 * and so that no header the client manages can be overridden through raw headers.
 */
import { type KooDriveRequestInfo, KooDriveValidationError } from './errors.js';
import { assertHeaderValue } from './headers/header-value.js';

/** Headers the client sets itself, by lower-case name; in raw headers they are refused, whatever their letter case. */
export const MANAGED = new Map(
  ['Authorization', 'X-User-Id', 'X-Date', 'X-Traceid', 'language', 'Host'].map((name) => [name.toLowerCase(), name]),
);

/** The caller's raw `headers` as name/value pairs, read without building a Headers (which would throw on a bad value). */
function rawHeaderEntries(headers: HeadersInit | undefined): [string, string][] {
  if (headers === undefined) return [];
  if (headers instanceof Headers) return [...headers.entries()];
  return Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers);
}

/**
 * Checks `params.header` (the operation's documented headers, spelled as documented) and the raw
 * `headers`, and returns `params.header` as it will be sent (Host left to fetch, which sets it from
 * the URL: that is the value app signatures sign).
 */
export function assertCallHeaders(
  header: Record<string, unknown> | undefined,
  raw: HeadersInit | undefined,
  call: KooDriveRequestInfo,
): Record<string, unknown> | undefined {
  let sent = header;
  for (const name in header) {
    const value = header[name];
    const managed = MANAGED.get(name.toLowerCase());
    if (managed !== undefined && managed !== name) {
      throw new KooDriveValidationError(`header ${name}`, `is spelled ${managed} in the spec`, call);
    }
    if (name === 'Host' || name === 'X-Date' || name === 'Authorization') {
      if (name !== 'Host')
        throw new KooDriveValidationError(`header ${name}`, 'is set by the client on every attempt', call);
      sent = { ...sent };
      delete sent.Host;
      continue;
    }
    if (value !== undefined && value !== null) assertHeaderValue(`header ${name}`, String(value));
  }
  for (const [name, value] of rawHeaderEntries(raw)) {
    const managed = MANAGED.get(name.toLowerCase());
    if (managed !== undefined) {
      throw new KooDriveValidationError(
        `headers ${name}`,
        `is set by the client; raw headers cannot replace it${/^[Xl]/.test(managed) && managed !== 'X-Date' ? ` (use params.header['${managed}'])` : ''}`,
        call,
      );
    }
    assertHeaderValue(`headers ${name}`, value);
  }
  return sent;
}
