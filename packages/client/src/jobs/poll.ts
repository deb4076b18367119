/**
 * The polling loop the wait helpers share: read, report, stop at a final state, else wait (longer
 * each time, up to a cap) and read again; an AbortSignal stops it at once, in a wait or a read.
 *
 * KooDrive documents no polling interval, job duration or rate limit for its tasks, so the
 * defaults here are ours: first re-read after 1 s, then 1.5 times longer each time, at most 10 s.
 */
import { KooDriveAbortError, type KooDriveRequestInfo, KooDriveValidationError } from '../errors.js';

/** How long to wait between reads: a fixed number of milliseconds, or a backoff. */
export interface PollInterval {
  /** Milliseconds before the second read; default 1000. */
  initialMs?: number;
  /** The longest wait between reads; default 10000. */
  maxMs?: number;
  /** Each wait is this many times the previous one, up to `maxMs`; default 1.5. */
  factor?: number;
}

/** Options every wait helper takes. */
export interface PollingOptions {
  /**
   * Stops waiting: the helper rejects with a KooDriveAbortError, and the read in flight is aborted.
   * `AbortSignal.timeout(ms)` gives a deadline.
   */
  signal?: AbortSignal;
  /** Milliseconds between reads (a fixed interval), or a backoff; default 1 s growing to 10 s. */
  interval?: number | PollInterval;
}

interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}

const isDuration = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The backoff an `interval` option asks for; a KooDriveValidationError names what is wrong. */
export function backoffOf(interval: PollingOptions['interval']): Backoff {
  if (interval === undefined) return { initialMs: 1000, maxMs: 10_000, factor: 1.5 };
  if (typeof interval === 'number') {
    if (!isDuration(interval))
      throw new KooDriveValidationError('interval', `must be milliseconds ≥ 0, got ${interval}`);
    return { initialMs: interval, maxMs: interval, factor: 1 };
  }
  const { initialMs = 1000, factor = 1.5 } = interval;
  const maxMs = interval.maxMs ?? Math.max(initialMs, 10_000);
  if (!isDuration(initialMs)) throw new KooDriveValidationError('interval.initialMs', `must be milliseconds ≥ 0`);
  if (!isDuration(maxMs) || maxMs < initialMs) {
    throw new KooDriveValidationError('interval.maxMs', 'must be milliseconds, at least interval.initialMs');
  }
  if (!(typeof factor === 'number' && Number.isFinite(factor) && factor >= 1)) {
    throw new KooDriveValidationError('interval.factor', 'must be a number ≥ 1');
  }
  return { initialMs, maxMs, factor };
}

/** Waits `ms`; rejects with `abort()` as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal | undefined, abort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abort());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What pollUntilFinal needs: how to read, when to stop, and what to name in an abort error. */
export interface PollSpec<Value> {
  read: (signal: AbortSignal | undefined) => Promise<{ value: Value; traceId?: string }>;
  isFinal: (value: Value) => boolean;
  onRead?: (value: Value) => void;
  /** The operation polled, for the KooDriveAbortError of an abort between reads. */
  polled: Omit<KooDriveRequestInfo, 'traceId'>;
}

/** Reads until a final value, waiting per `options.interval` between reads. */
export async function pollUntilFinal<Value>(spec: PollSpec<Value>, options: PollingOptions): Promise<Value> {
  const backoff = backoffOf(options.interval);
  const { signal } = options;
  let traceId = '';
  const abort = () => new KooDriveAbortError({ ...spec.polled, traceId });
  let delay = backoff.initialMs;
  for (;;) {
    if (signal?.aborted) throw abort();
    const read = await spec.read(signal);
    traceId = read.traceId ?? traceId;
    spec.onRead?.(read.value);
    if (spec.isFinal(read.value)) return read.value;
    await wait(delay, signal, abort);
    delay = Math.min(backoff.maxMs, delay * backoff.factor);
  }
}
