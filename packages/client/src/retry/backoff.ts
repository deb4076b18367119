/** How long to wait before the next attempt: the server's Retry-After, else jittered exponential backoff. */
import type { RetryPolicy } from './retry-policy.js';

/** The longest Retry-After the client waits for. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff with full jitter: a random wait between 0 and min(max, base × 2^retry). */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Retry-After as a delay in ms (seconds or an HTTP date), capped at 60 s; undefined when absent or unreadable. */
export function retryAfterDelay(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
