/**
 * What follows an attempt that did not plainly succeed: the one retry rule of the client. Loaded
 * when the first such attempt comes, so the entry every page loads does not carry it.
 *
 * - A 401 whose Date shows our clock off by more than 5 s: learn the offset, retry at once (once).
 * - A 401 to a credential that can renew itself (a session): renew, retry at once (once).
 * - A transient failure (no answer, a timed-out attempt, 408/429/5xx) of a call that is safe to
 *   repeat, while retries are left: wait (Retry-After, else jittered backoff), then retry.
 * - A `shouldRetry` hook decides over the last rule.
 */
import type { AttemptSettings, ClientCore, Outcome } from '../pipeline.js';
import { readResultCode } from '../response/read-failure.js';
import { backoffDelay, retryAfterDelay } from './backoff.js';
import type { RetryDecisionContext } from './retry-policy.js';

/** A 401 whose Date is further than this from the X-Date it answered is taken as clock skew. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000;

/** What the earlier attempts of a call used up. */
export interface AttemptHistory {
  retries: number;
  skewCorrected: boolean;
  renewed: boolean;
}

/** The attempt just made. */
export interface FinishedAttempt {
  outcome: Outcome;
  attempt: number;
  /** The time its X-Date carried, in ms, and the clock offset that went into it. */
  signedAt: number;
  offsetMs: number;
}

/** Another attempt and why (`reason`), with the wait before it; no reason means the call ends here. */
export interface NextAttempt {
  reason?: string;
  delayMs?: number;
}

/** The server's clock, when a 401 shows ours off from it by more than the tolerance. */
function skewedServerTime(response: Response, signedAt: number): number | undefined {
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(serverTime) || Math.abs(serverTime - signedAt) <= CLOCK_SKEW_TOLERANCE_MS) return undefined;
  return serverTime;
}

/** Decides what follows a finished attempt (and records it in `history`). */
export async function nextAttempt(
  core: ClientCore,
  settings: AttemptSettings,
  history: AttemptHistory,
  finished: FinishedAttempt,
): Promise<NextAttempt> {
  const { info, credential } = settings;
  const { outcome, signedAt, offsetMs } = finished;
  // Refusals another attempt fixes whatever the operation: nothing was done.
  if ('response' in outcome && outcome.response.status === 401) {
    const serverTime = history.skewCorrected ? undefined : skewedServerTime(outcome.response, signedAt);
    if (serverTime !== undefined) {
      // Measured against the X-Date this request carried, so concurrent calls agree on the offset.
      core.clockOffsetMs = offsetMs + (serverTime - signedAt);
      core.logger.warn('koodrive clock skew corrected', { ...info, skewMs: serverTime - signedAt });
      history.skewCorrected = true;
      return { reason: 'clock skew' };
    }
    if (credential?.renew && !history.renewed) {
      history.renewed = true;
      const answer = { status: 401, code: readResultCode(outcome.text), headers: outcome.response.headers };
      const renewing = credential.renew(answer);
      const renewed = renewing instanceof Promise ? await settings.untilAborted(renewing) : renewing;
      if (renewed) return { reason: 'credential renewed' };
    }
  }
  const reason = transientReason(outcome, settings, history, finished.attempt);
  if (reason === undefined) return {};
  history.retries++;
  const retryAfter =
    'response' in outcome ? retryAfterDelay(outcome.response.headers.get('retry-after'), Date.now()) : undefined;
  const delayMs = retryAfter ?? backoffDelay(history.retries - 1, settings.policy, core.random);
  return { reason, delayMs };
}

/** Why a transient failure deserves another attempt, or undefined. */
function transientReason(
  outcome: Outcome,
  { info, repeatable, policy }: AttemptSettings,
  history: AttemptHistory,
  attempt: number,
): string | undefined {
  if (history.retries >= policy.maxRetries) return undefined;
  const reason =
    'response' in outcome
      ? policy.retryStatuses.has(outcome.response.status)
        ? `HTTP ${outcome.response.status}`
        : undefined
      : outcome.timedOut
        ? 'timeout'
        : 'connection failed';
  if (!policy.shouldRetry) return repeatable ? reason : undefined;
  const decision: RetryDecisionContext = {
    operationId: info.operationId,
    attempt,
    repeatable,
    retryable: repeatable && reason !== undefined,
    ...('response' in outcome ? { status: outcome.response.status } : { error: outcome.failure }),
  };
  const verdict = policy.shouldRetry(decision);
  if (verdict === undefined) return repeatable ? reason : undefined;
  return verdict ? (reason ?? 'shouldRetry') : undefined;
}
