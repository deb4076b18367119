/**
 * When a failed attempt is tried again, and after how long. Safe by default: only operations the
 * spec says are harmless to repeat (GETs, and reads marked `x-koodrive-idempotent`) are retried,
 * on failures that say trying later may help. The rule itself is in next-attempt.ts.
 */

/** What `shouldRetry` is told of a failed attempt. */
export interface RetryDecisionContext {
  operationId: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** Whether repeating the call is harmless (the spec, or the call's `nonIdempotent`). */
  repeatable: boolean;
  /** What the client would decide on its own. */
  retryable: boolean;
  /** The HTTP status, when an answer came. */
  status?: number;
  /** What failed, when no answer came. */
  error?: unknown;
}

/** Retry settings of a client or of one call; what is left out keeps its default. */
export interface RetryOptions {
  /** Retries after the first attempt; default 2 (so 3 attempts at most). 0 turns retries off. */
  maxRetries?: number;
  /** The first backoff's ceiling in ms; default 500. Each retry doubles it. */
  baseDelayMs?: number;
  /** The largest backoff in ms; default 8000. */
  maxDelayMs?: number;
  /**
   * Your own rule: return true to retry, false not to, undefined to let the client decide. Called
   * for every failed attempt while retries are left.
   */
  shouldRetry?: (context: RetryDecisionContext) => boolean | undefined;
}

/** A complete retry policy: every setting decided. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  shouldRetry?: RetryOptions['shouldRetry'];
  /** The statuses that mean "not now" rather than "no". */
  retryStatuses: ReadonlySet<number>;
}

/** Statuses that mean "not now" rather than "no": request timeout, rate limit, server and gateway failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** The retries a client makes unless told otherwise: 2, with full-jitter backoff from 0.5 s up to 8 s. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  retryStatuses: RETRYABLE_STATUSES,
};

/**
 * The policy of a call: its own settings over the client's, over the defaults. `false` at either
 * level turns retries off; a call's settings win over a client's `false`.
 */
export function retryPolicyFor(client: RetryOptions | false | undefined, call?: RetryOptions | false): RetryPolicy {
  if (call === false || (client === false && call === undefined)) return { ...defaultRetryPolicy, maxRetries: 0 };
  const { nonIdempotent: _callOnly, ...callSettings } = (call ?? {}) as RetryOptions & { nonIdempotent?: boolean };
  return { ...defaultRetryPolicy, ...(client === false ? {} : client), ...callSettings };
}
