/**
 * The client's log lines, one before each attempt is sent and one after it ends. Loaded only by a
 * client whose logger prints something.
 */
import type { KooDriveRequestInfo } from './errors.js';
import type { KooDriveLogger } from './logger.js';

/** Header values never logged as they are. */
const SECRET_HEADERS = new Set(['authorization', 'x-session-id']);

/** A request's headers for a log line, with secret values replaced. */
export function redactedHeaders(headers: Headers): Record<string, string> {
  const fields: Record<string, string> = {};
  headers.forEach((value, name) => {
    fields[name] = SECRET_HEADERS.has(name) ? '[redacted]' : value;
  });
  return fields;
}

/** `koodrive send` (debug): where the attempt goes and its headers, Authorization redacted. */
export function logSend(
  logger: KooDriveLogger,
  info: KooDriveRequestInfo,
  attempt: number,
  request: { url: string; headers: Headers },
) {
  logger.debug('koodrive send', { ...info, attempt, url: request.url, headers: redactedHeaders(request.headers) });
}

/** `koodrive attempt succeeded` (debug) or `koodrive attempt failed` (warn), with its status, duration and fate. */
export function logAttempt(
  logger: KooDriveLogger,
  info: KooDriveRequestInfo,
  attempt: number,
  status: number | undefined,
  started: number,
  reason: string | undefined,
) {
  const durationMs = Math.round(performance.now() - started);
  const fields = {
    ...info,
    attempt,
    status,
    durationMs,
    ...(reason ? { reason } : {}),
    willRetry: reason !== undefined,
  };
  if (reason === undefined && status !== undefined && status < 400) logger.debug('koodrive attempt succeeded', fields);
  else logger.warn('koodrive attempt failed', fields);
}
