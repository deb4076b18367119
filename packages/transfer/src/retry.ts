/**
 * Retries of storage requests (part PUTs, download GETs), by the client's rules: the same
 * statuses (408, 429, 500, 502, 503, 504) and failures without an answer, the same full-jitter
 * exponential backoff (a random wait below min(max, base × 2^retry)), Retry-After honoured up to
 * 60 s, and the client's default of 2 retries. A part PUT is always safe to repeat: a second PUT
 * of a part replaces the first.
 */
import { defaultRetryPolicy, RETRYABLE_STATUSES, type RetryOptions } from '@koodrive/client';

/** The retry settings of a transfer's storage requests. */
export interface StorageRetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** `false` turns retries off; settings override the client's defaults (2 retries, 0.5 s, 8 s). */
export function storageRetryPolicy(options: RetryOptions | false | undefined): StorageRetryPolicy {
  if (options === false) return { ...defaultRetryPolicy, maxRetries: 0 };
  return {
    maxRetries: options?.maxRetries ?? defaultRetryPolicy.maxRetries,
    baseDelayMs: options?.baseDelayMs ?? defaultRetryPolicy.baseDelayMs,
    maxDelayMs: options?.maxDelayMs ?? defaultRetryPolicy.maxDelayMs,
  };
}

/** Whether an HTTP status says "not now" rather than "no". */
export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.has(status);

const MAX_RETRY_AFTER_MS = 60_000;

/** The wait before retry number `retry` (from 0): Retry-After when the answer had one, else jittered backoff. */
export function retryDelay(retry: number, policy: StorageRetryPolicy, response?: Response): number {
  const header = response?.headers.get('retry-after')?.trim();
  if (header) {
    const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
    if (!Number.isNaN(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
  }
  return Math.floor(Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
