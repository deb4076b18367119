/**
 * The soak's settings: how long it runs, how hard, which faults the mock injects, and the client's
 * retry and timeout settings the checks compute their bounds from.
 */
import { parseArgs } from 'node:util';

/** The client settings of every soak client, and so of every bound the soak checks. */
export const SOAK_CLIENT = {
  /** Per attempt; a hung answer costs this much. */
  timeoutMs: 2_000,
  retry: { maxRetries: 2, baseDelayMs: 50, maxDelayMs: 400 },
} as const;

/**
 * The faults the mock injects, as its CLI's `--faults` reads them. `session-expired` waits until
 * a session token is 3 s old (a real one lives 20 idle minutes; the client takes a 401 within 2 s
 * of a refresh as an answer to the token before it), and `unauthorized` is rare so that session
 * tokens live long enough to expire.
 */
export const SOAK_FAULT_RATES = {
  '503': 0.02,
  '503-retry-after': 0.01,
  reset: 0.01,
  hang: 0.005,
  truncated: 0.01,
  'html-502': 0.01,
  'clock-skew': 0.03,
  'session-expired': 0.01,
  unauthorized: 0.001,
} as const;

/** The Retry-After the mock sends with `503-retry-after`, in seconds. */
export const SOAK_RETRY_AFTER_S = 1;

/**
 * Room in every duration the soak checks, for the work around a call (signing, parsing, logging)
 * and timers firing late. The event loop's longest delay so far in the run is added on top, so a
 * loaded machine or a forced GC does not pass for a client that overstays.
 */
export const SOAK_SLACK = {
  /** Per attempt, over the timeout. */
  attemptMs: 250,
  /** Per call, once. */
  callMs: 500,
  /** Per wait between attempts, over the longest wait the rules allow. */
  backoffMs: 250,
  /** From the abort of a call's signal to the call's end. */
  abortMs: 250,
} as const;

/** How one run goes. */
export interface SoakSettings {
  mode: 'short' | 'long';
  /** The mock KooDrive CLI to start (`packages/testing/dist/cli.js`; the launcher passes it). */
  mockCli: string;
  /** Stop launching calls after this many (short runs) … */
  calls: number;
  /** … or after this long (long runs), in ms. */
  durationMs: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Calls that share one caller AbortSignal. */
  roundSize: number;
  /** Every this many rounds, the shared signal is aborted half-way through the round. */
  abortRoundEvery: number;
  /** The share of calls with a signal of their own, aborted at a random moment. */
  abortedCallShare: number;
  /** Seed of the mock's faults and of the soak's choices. */
  seed: number;
  /** How often the memory curve gets a point (after a forced GC), in ms. */
  sampleEveryMs: number;
  /** Heap growth from before to after the run beyond which the soak fails, in bytes. */
  heapToleranceBytes: number;
}

const USAGE = `pnpm soak [--short | --minutes <n>] [--calls <n>] [--concurrency <n>] [--seed <n>]

  --short          about 30 s: 8 000 calls after a warm-up of 600 (the test command runs this)
  --minutes <n>    a long run of n minutes with the memory curve printed (default: 3)
  --calls <n>      stop after n calls instead (short runs)
  --concurrency <n> calls in flight at once (default 64)
  --seed <n>       seed of the faults and of the soak's choices (default 1)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!(/^\d+(\.\d+)?$/.test(value) && number > 0))
    throw new Error(`--${name} must be a positive number, got "${value}"\n\n${USAGE}`);
  return number;
}

/** Reads the command line; a mistake throws an Error with the usage. */
export function parseSoakArgs(args: readonly string[]): SoakSettings {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        short: { type: 'boolean' },
        minutes: { type: 'string' },
        calls: { type: 'string' },
        concurrency: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'mock-cli': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) throw new Error(USAGE);
  const short = values.short === true || (values.minutes === undefined && values.calls !== undefined);
  if (values.short && values.minutes !== undefined)
    throw new Error(`--short and --minutes exclude each other\n\n${USAGE}`);
  const minutes = positive('minutes', values.minutes as string | undefined, 3);
  const mockCli = values['mock-cli'];
  if (typeof mockCli !== 'string') throw new Error('--mock-cli must name the mock KooDrive CLI (pnpm soak passes it)');
  return {
    mode: short ? 'short' : 'long',
    mockCli,
    calls: short ? Math.round(positive('calls', values.calls as string | undefined, 8_000)) : Number.POSITIVE_INFINITY,
    durationMs: short ? Number.POSITIVE_INFINITY : minutes * 60_000,
    concurrency: Math.round(positive('concurrency', values.concurrency as string | undefined, 64)),
    roundSize: 400,
    abortRoundEvery: 5,
    abortedCallShare: 0.03,
    seed: Math.round(positive('seed', values.seed as string | undefined, 1)),
    sampleEveryMs: short ? 5_000 : 15_000,
    heapToleranceBytes: 4 * 1024 * 1024,
  };
}

/** The mock CLI's `--faults` text for a run. */
export function faultSpec(seed: number): string {
  const rates = Object.entries(SOAK_FAULT_RATES).map(([kind, rate]) => `${kind}=${rate}`);
  return [...rates, `seed=${seed}`, `retry-after=${SOAK_RETRY_AFTER_S}`, 'session-min-age-ms=3000'].join(',');
}
