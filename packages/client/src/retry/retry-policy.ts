/**
 * When a failed attempt is tried again, and after how long. Safe by default: only idempotent
 * operations are retried, on failures that say nothing was done or that trying later may help.
 */

export interface RetryOptions {
  /** Retries after the first attempt; default 2 (so 3 attempts at most). 0 turns retries off. */
  maxRetries?: number;
  /** The first backoff's ceiling in ms; default 500. Each retry doubles it. */
  baseDelayMs?: number;
  /** The largest backoff in ms; default 8000. */
  maxDelayMs?: number;
  /** Retry POST, PUT and DELETE too (only when the operation is safe to repeat); default false. */
  nonIdempotent?: boolean;
}

/** A complete retry policy: RetryOptions with every setting decided. */
export type RetryPolicy = Required<RetryOptions>;

/** The retries a client makes unless told otherwise: 2, with full-jitter backoff from 0.5 s up to 8 s. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  nonIdempotent: false,
};

/** Statuses that mean "not now" rather than "no": request timeout, rate limit, server and gateway failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** The longest Retry-After the client waits for. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Whether the method or the spec says repeating the operation is harmless. */
export function isIdempotent(method: string, specSaysIdempotent: boolean): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || specSaysIdempotent;
}

/** Exponential backoff with full jitter: a random wait between 0 and min(max, base × 2^retry). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
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
