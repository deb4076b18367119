/** Where the client reports each attempt. `console` fits; the default says nothing. */
export interface KooDriveLogger {
  debug(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

const nothing = () => {};
export const silentLogger: KooDriveLogger = { debug: nothing, info: nothing, warn: nothing, error: nothing };

/** Header values never logged as they are. */
const SECRET_HEADERS = new Set(['authorization']);

/** A request's headers for a log line, with the Authorization value replaced. */
export function redactedHeaders(headers: Headers): Record<string, string> {
  const fields: Record<string, string> = {};
  headers.forEach((value, name) => {
    fields[name] = SECRET_HEADERS.has(name) ? '[redacted]' : value;
  });
  return fields;
}
