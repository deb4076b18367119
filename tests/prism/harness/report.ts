/** Short descriptions of exchanges and results, for the contract tests' failure messages. */
import { KooDriveError } from '@koodrive/client';
import type { PrismExchange } from './prism-fetch.ts';

/** `GET /koodrive/…?limit=1 → 422`. */
export const describeExchange = (exchange: PrismExchange) =>
  `${exchange.method} ${exchange.target} → ${exchange.status}`;

/** What a call resolved to, in a line: `HTTP 200, data` or the error's message. */
export function describeResult(result: { data?: unknown; error?: unknown; response?: Response }, routed = true) {
  const where = routed ? '' : ' (the mock routed it to no operation or another one)';
  if (!result.error) return `HTTP ${result.response?.status}, data${where}`;
  const error = result.error;
  return `${error instanceof KooDriveError ? error.message : String(error)}${where}`;
}
