/**
 * One line per request the mock KooDrive's HTTP server answered: what `mock-koodrive` prints, and
 * what `startMockKooDrive({ log })` hands to a test. Never a header value, so never a token.
 */
import { operationIndex } from '@koodrive/types';

/** A request the mock's HTTP server answered, as its request log shows it. */
export interface MockLogEntry {
  /** When the request arrived. */
  time: Date;
  method: string;
  /** The path with its query, as sent. */
  path: string;
  /** The operation the method and path name, if any. */
  operationId?: string;
  /** Whether this was a CORS preflight, answered without reaching the mock's routes. */
  preflight: boolean;
  /** The page's origin, for a request a browser sent across origins. */
  origin?: string;
  /** The HTTP status answered; 0 when no answer went out (an injected reset or hang). */
  status: number;
  /** The fault injected into this request, when the server was started with `faults`. */
  fault?: string;
  /** Milliseconds from arrival until the answer was handed to the socket. */
  durationMs: number;
}

/**
 * The operationId a method and path name, by the spec's operation index; a literal path wins over
 * a template (`/space/group` over `/space/{ownerId}`), as OpenAPI says.
 */
export function createOperationMatcher(): (method: string, pathname: string) => string | undefined {
  const routes = Object.entries(operationIndex)
    .map(([operationId, { method, path }]) => ({
      operationId,
      method,
      params: (path.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);
  return (method, pathname) =>
    routes.find((route) => route.method === method && route.pattern.test(pathname))?.operationId;
}

const twoDigits = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Formats an entry as one line: local time, method, path, operation, status and duration, e.g.
 * `07:01:40.123 GET /koodrive/ose/v1/space/usage/quota?limit=5 GetSpaceUsageByQuota 200 3 ms`.
 */
export function formatLogEntry(entry: MockLogEntry): string {
  const { time } = entry;
  const clock = `${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}:${twoDigits(time.getSeconds())}.${twoDigits(time.getMilliseconds(), 3)}`;
  const what = entry.preflight ? `CORS preflight from ${entry.origin ?? 'no origin'}` : (entry.operationId ?? '-');
  const fault = entry.fault ? ` fault=${entry.fault}` : '';
  return `${clock} ${entry.method} ${entry.path} ${what} ${entry.status} ${Math.round(entry.durationMs)} ms${fault}`;
}
