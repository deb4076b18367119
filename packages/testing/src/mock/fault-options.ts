/**
 * What the mock KooDrive's fault injection can do and how it is asked for: the kinds of fault, the
 * options of `startMockKooDrive({ faults })`, and the CLI's `--faults` text
 * (`503=0.02,reset=0.01,seed=7`). The injection itself is in faults.ts.
 */

/**
 * The faults the mock can inject, each a failure a client meets in production:
 *
 * - `503`: 503 with a JSON failure body and no Retry-After (the request is not processed).
 * - `503-retry-after`: the same with `Retry-After: <retryAfterSeconds>`.
 * - `reset`: the connection is reset (TCP RST) before any answer (not processed).
 * - `hang`: the request is processed, then no answer comes until the client gives up (closes the
 *   connection) or `hangMs` passes, when the mock drops the connection.
 * - `truncated`: the request is processed; the answer's headers promise the whole body, half of it
 *   is sent, then the connection is dropped.
 * - `html-502`: a gateway's 502 page in HTML instead of KooDrive's JSON (not processed).
 * - `clock-skew`: only for app-signed requests: 401 whose `Date` claims the server's clock is
 *   `skewMs` behind the request's X-Date (or, for a request already signed that far back, gives
 *   the true time less a second), as a gateway whose clock differs from the caller's answers (not
 *   processed). A client that learns the offset from the Date and signs again gets through.
 * - `session-expired`: only for a request carrying a session's current token (createSession's)
 *   that the mock has seen for `sessionMinAgeMs`: the session's token is made 20 minutes idle, so
 *   the mock's own session rules refuse it with 401 until refreshSession replaces it.
 * - `unauthorized`: 401 with `{ code: unauthorizedCode }`, for any token or signature, its `Date`
 *   the request's X-Date (a refused credential, not clock skew) (not processed).
 */
export const FAULT_KINDS = [
  '503',
  '503-retry-after',
  'reset',
  'hang',
  'truncated',
  'html-502',
  'clock-skew',
  'session-expired',
  'unauthorized',
] as const;

/** One kind of fault the mock can inject. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Session Management's operations: never faulted unless `exclude` says otherwise, so sessions can recover. */
export const DEFAULT_FAULT_EXCLUDE: readonly string[] = [
  'getAuthCodeURL',
  'createSession',
  'refreshSession',
  'logout',
  'authSession',
];

/** Options of the mock's fault injection (`startMockKooDrive({ faults })`, `mock-koodrive --faults`). */
export interface FaultOptions {
  /**
   * The chance (0 to 1) that a request gets each fault; together at most 1. A fault that applies
   * to some requests only (`clock-skew`, `session-expired`) has that chance among those requests.
   */
  rates: Partial<Record<FaultKind, number>>;
  /**
   * Makes the faults reproducible: a request's fault is drawn from the seed, its X-Traceid and how
   * many requests with that trace id came before, so the same calls get the same faults whatever
   * the order they arrive in. Default 1.
   */
  seed?: number;
  /** The Retry-After of `503-retry-after`, in seconds; default 1. */
  retryAfterSeconds?: number;
  /** How long a `hang` holds the connection before dropping it, in ms; default 120 000. */
  hangMs?: number;
  /** How far behind the request's X-Date a `clock-skew` 401 puts the server's clock, in ms; default 120 000. */
  skewMs?: number;
  /**
   * How long the mock must have seen a session's token before `session-expired` may end it, in ms;
   * default 5 000. A real token dies after 20 idle minutes, never seconds after it was issued.
   */
  sessionMinAgeMs?: number;
  /** The result code of an `unauthorized` 401; default 13000101 (bad request, as the mock refuses credentials). */
  unauthorizedCode?: number;
  /** operationIds never faulted; default Session Management's five. Requests matching no operation never are. */
  exclude?: readonly string[];
}

/** FaultOptions with every default applied. */
export type ResolvedFaultOptions = Required<FaultOptions>;

const isKind = (name: string): name is FaultKind => (FAULT_KINDS as readonly string[]).includes(name);

function wholeNumber(name: string, value: unknown, min = 0): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= Number.MAX_SAFE_INTEGER)) {
    throw new Error(`faults: ${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks fault options and applies the defaults; a mistake throws an Error naming it. */
export function resolveFaultOptions(options: FaultOptions): ResolvedFaultOptions {
  if (typeof options !== 'object' || options === null || typeof options.rates !== 'object' || !options.rates) {
    throw new Error('faults: give { rates: { <kind>: <chance from 0 to 1>, … } }');
  }
  let total = 0;
  for (const [kind, rate] of Object.entries(options.rates)) {
    if (!isKind(kind))
      throw new Error(`faults: unknown fault ${JSON.stringify(kind)}; the kinds are ${FAULT_KINDS.join(', ')}`);
    if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) {
      throw new Error(`faults: the rate of ${kind} must be a number from 0 to 1, got ${JSON.stringify(rate)}`);
    }
    total += rate;
  }
  if (total > 1 + 1e-9) throw new Error(`faults: the rates add up to ${total}, more than 1`);
  const exclude = options.exclude ?? DEFAULT_FAULT_EXCLUDE;
  if (!Array.isArray(exclude) || exclude.some((id) => typeof id !== 'string')) {
    throw new Error('faults: exclude must be a list of operationIds');
  }
  return {
    rates: { ...options.rates },
    seed: wholeNumber('seed', options.seed ?? 1),
    retryAfterSeconds: wholeNumber('retryAfterSeconds', options.retryAfterSeconds ?? 1),
    hangMs: wholeNumber('hangMs', options.hangMs ?? 120_000, 1),
    skewMs: wholeNumber('skewMs', options.skewMs ?? 120_000, 10_000),
    sessionMinAgeMs: wholeNumber('sessionMinAgeMs', options.sessionMinAgeMs ?? 5_000),
    unauthorizedCode: wholeNumber('unauthorizedCode', options.unauthorizedCode ?? 13000101),
    exclude: [...exclude],
  };
}

/** The settings `--faults` takes beside the rates, and the option each sets. */
const SETTINGS = {
  seed: 'seed',
  'retry-after': 'retryAfterSeconds',
  'hang-ms': 'hangMs',
  'skew-ms': 'skewMs',
  'session-min-age-ms': 'sessionMinAgeMs',
  'unauthorized-code': 'unauthorizedCode',
} as const satisfies Record<string, keyof FaultOptions>;

/**
 * Reads the CLI's `--faults` text: comma-separated `name=value` pairs, each a fault kind with its
 * rate (`503=0.02`) or a setting (`seed=7`, `retry-after=1`, `hang-ms=30000`, `skew-ms=120000`,
 * `session-min-age-ms=5000`, `unauthorized-code=13000101`, `exclude=refreshSession:logout`).
 * Throws an Error naming the first problem.
 */
export function parseFaultSpec(text: string): ResolvedFaultOptions {
  const rates: Partial<Record<FaultKind, number>> = {};
  const settings: Partial<Record<(typeof SETTINGS)[keyof typeof SETTINGS], number>> = {};
  let exclude: string[] | undefined;
  for (const entry of text.split(',')) {
    const item = entry.trim();
    if (item === '') continue;
    const equals = item.indexOf('=');
    const name = equals < 0 ? item : item.slice(0, equals).trim();
    const value = equals < 0 ? '' : item.slice(equals + 1).trim();
    if (value === '') throw new Error(`faults: ${name} needs a value (${name}=…)`);
    if (name === 'exclude') {
      exclude = value.split(':').filter((id) => id !== '');
    } else if (isKind(name)) {
      if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) || Number(value) > 1) {
        throw new Error(`faults: the rate of ${name} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
      }
      rates[name] = Number(value);
    } else if (name in SETTINGS) {
      if (!/^\d+$/.test(value)) throw new Error(`faults: ${name} must be a whole number, got ${JSON.stringify(value)}`);
      settings[SETTINGS[name as keyof typeof SETTINGS]] = Number(value);
    } else {
      throw new Error(
        `faults: unknown name ${JSON.stringify(name)}; give a fault kind (${FAULT_KINDS.join(', ')}) or a setting (${[...Object.keys(SETTINGS), 'exclude'].join(', ')})`,
      );
    }
  }
  return resolveFaultOptions({ rates, ...settings, ...(exclude ? { exclude } : {}) });
}
