/**
 * Retries and timeouts, in one place. Each attempt runs the whole openapi-fetch pipeline again
 * (middleware, then the transport), so it gets a fresh X-Date and signature; the trace ID, chosen
 * once per call, stays the same.
 */
import {
  KooDriveAbortError,
  KooDriveConnectionError,
  type KooDriveRequestInfo,
  KooDriveTimeoutError,
} from './errors.js';
import { type KooDriveLogger, silentLogger } from './logger.js';
import { backoffDelay, RETRYABLE_STATUSES, type RetryPolicy, retryAfterDelay } from './retry/retry-policy.js';
import { SendFailure } from './transport/fetch-wrapper.js';

export interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface LoopSettings {
  info: KooDriveRequestInfo;
  /** Whether repeating this call is harmless (its method, the spec, or the caller's opt-in say so). */
  repeatable: boolean;
  policy: RetryPolicy;
  timeoutMs: number;
  callerSignal: AbortSignal | undefined;
  logger: KooDriveLogger;
  random?: () => number;
}

/**
 * A timer for one attempt: when time is up or the caller aborts, it aborts the signal given to
 * fetch and rejects `expired`, which the attempt races so that a fetch that ignores its signal
 * cannot hang the call.
 */
function attemptDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  let expire!: (reason: unknown) => void;
  const expired = new Promise<never>((_, reject) => {
    expire = reject;
  });
  const stop = (reason: unknown) => {
    controller.abort(reason);
    expire(new SendFailure(reason));
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = () => stop(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    expired,
    timedOut: () => timedOut,
    clear() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Waits `ms`, or rejects as soon as the caller aborts. */
function pause(ms: number, callerSignal: AbortSignal | undefined, info: KooDriveRequestInfo): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new KooDriveAbortError(info));
    };
    const timer = setTimeout(() => {
      callerSignal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    callerSignal?.addEventListener('abort', onAbort, { once: true });
  });
}

type Outcome = { raw: RawResult } | { failure: unknown; timedOut: boolean };

/** Why an outcome deserves another attempt, or undefined when it does not. */
function retryReason(outcome: Outcome): string | undefined {
  if ('raw' in outcome) {
    const { status } = outcome.raw.response;
    return RETRYABLE_STATUSES.has(status) ? `HTTP ${status}` : undefined;
  }
  if (outcome.timedOut) return 'timeout';
  return outcome.failure instanceof SendFailure ? 'connection failed' : undefined;
}

export async function runAttempts(
  attempt: (signal: AbortSignal) => Promise<RawResult>,
  settings: LoopSettings,
): Promise<RawResult> {
  const { info, repeatable, policy, timeoutMs, callerSignal, logger, random } = settings;
  // Log lines are built only for a logger that prints them.
  const logging = logger.debug !== silentLogger.debug || logger.warn !== silentLogger.warn;
  const maxAttempts = repeatable ? policy.maxRetries + 1 : 1;
  for (let attemptNumber = 1; ; attemptNumber++) {
    if (callerSignal?.aborted) throw new KooDriveAbortError(info);
    const deadline = attemptDeadline(timeoutMs, callerSignal);
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = { raw: await Promise.race([attempt(deadline.signal), deadline.expired]) };
    } catch (failure) {
      outcome = { failure, timedOut: deadline.timedOut() };
    } finally {
      deadline.clear();
    }
    if (callerSignal?.aborted) throw new KooDriveAbortError(info);

    const status = 'raw' in outcome ? outcome.raw.response.status : undefined;
    const reason = retryReason(outcome);
    const willRetry = reason !== undefined && attemptNumber < maxAttempts;
    if (logging) {
      const durationMs = Math.round(performance.now() - started);
      const fields = { ...info, attempt: attemptNumber, status, durationMs, ...(reason ? { reason } : {}), willRetry };
      if (reason === undefined && status !== undefined && status < 400)
        logger.debug('koodrive attempt succeeded', fields);
      else logger.warn('koodrive attempt failed', fields);
    }

    if (!willRetry) {
      if ('raw' in outcome) return outcome.raw;
      throw finalFailure(outcome, info, attemptNumber, timeoutMs);
    }
    const retryAfter =
      'raw' in outcome ? retryAfterDelay(outcome.raw.response.headers.get('retry-after'), Date.now()) : undefined;
    await pause(retryAfter ?? backoffDelay(attemptNumber - 1, policy, random), callerSignal, info);
  }
}

function finalFailure(
  outcome: { failure: unknown; timedOut: boolean },
  info: KooDriveRequestInfo,
  attempts: number,
  timeoutMs: number,
) {
  if (outcome.timedOut) return new KooDriveTimeoutError(info, { timeoutMs, attempts });
  if (outcome.failure instanceof SendFailure) {
    return new KooDriveConnectionError(info, { cause: outcome.failure.cause, attempts });
  }
  return outcome.failure;
}
