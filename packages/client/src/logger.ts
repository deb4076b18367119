/** Where the client reports each attempt. `console` fits; the default says nothing. */
export interface KooDriveLogger {
  debug(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

const nothing = () => {};
export const silentLogger: KooDriveLogger = { debug: nothing, info: nothing, warn: nothing, error: nothing };
