/**
 * The soak's judgement of one call, from what the client logged of each attempt and what the mock
 * says it injected into each: did the client retry exactly where the README's rules allow, wait
 * no longer than they allow, and end within its bound? Pure functions, tested on their own.
 *
 * The rules, as the README states them (not as the client's code writes them):
 * - a 401 whose Date shows the client's clock skewed: re-sign and retry at once, once per call;
 * - a 401 to a session credential: refresh and retry at once, once per call;
 * - no answer, a timed-out attempt, or HTTP 408, 429, 500, 502, 503, 504, for a call safe to repeat
 *   (GET, or marked idempotent), while retries are left: wait (Retry-After, else a random wait below
 *   min(maxDelay, baseDelay × 2^retry)), then retry;
 * - nothing else is retried.
 */

/** The faults the mock injects (its `FAULT_KINDS`). */
export type FaultKind =
  | '503'
  | '503-retry-after'
  | 'reset'
  | 'hang'
  | 'truncated'
  | 'html-502'
  | 'clock-skew'
  | 'session-expired'
  | 'unauthorized';

/** How a soak client authenticates. */
export type AuthKind = 'token' | 'session' | 'app';

/** One attempt, as the client's log lines show it. Times in ms of performance.now(). */
export interface AttemptRecord {
  attempt: number;
  /** When `koodrive send` was logged. */
  sentAt: number;
  /** When `koodrive attempt succeeded|failed` was logged; absent when the call ended without it (aborted). */
  endedAt?: number;
  /** The HTTP status; absent when no whole answer came. */
  status?: number;
  reason?: string;
  willRetry?: boolean;
}

/** How a call ended, as the soak classifies it. */
export type CallOutcome =
  | 'ok'
  | `api ${number}`
  | 'timeout'
  | 'connection'
  | 'aborted'
  | 'session-ended'
  | 'other KooDriveError'
  | 'untyped';

/** One call of the soak. */
export interface CallRecord {
  traceId: string;
  operationId: string;
  auth: AuthKind;
  /** Whether the spec says repeating it is harmless. */
  repeatable: boolean;
  startedAt: number;
  endedAt: number;
  outcome: CallOutcome;
  /** When the soak aborted the call's signal while it ran. */
  abortedAt?: number;
  /**
   * A call of the warm-up, made while the process loads and compiles what the first calls need:
   * its timing is not held to the bounds (the other rules apply).
   */
  warmUp?: boolean;
  attempts: AttemptRecord[];
}

/** The client settings the bounds come from. */
export interface RuleSettings {
  timeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterMs: number;
  slack: { attemptMs: number; callMs: number; backoffMs: number; abortMs: number };
}

/** Room for the event loop: its longest delay up to the moment the call is judged, in ms. */
export type LagMs = number;

/** What became of an attempt that met a fault. */
export type FaultFate =
  | 'retried'
  | 'not retried: a final answer'
  | 'not retried: not safe to repeat'
  | 'not retried: retries used up'
  | 'not retried: a 401 the rules do not retry'
  | 'call aborted before it ended';

/** A broken rule, named by the check it belongs to. */
export interface Problem {
  check: 'typed outcome' | 'bound' | 'retry rules' | 'waits' | 'aborts' | 'faults explain failures';
  detail: string;
}

/** The judgement of one call. */
export interface CallVerdict {
  problems: Problem[];
  /** Timing problems of a warm-up call, reported but not held against the run. */
  warmUpTimingProblems: Problem[];
  /**
   * The longest the call may take: timeout × attempts, one refresh per renewal (and, for a session,
   * one it may have waited for), the waits it chose, and slack.
   */
  boundMs: number;
  durationMs: number;
  /** The fate of each attempt that met a fault. */
  faults: { kind: FaultKind; fate: FaultFate }[];
  retries: number;
  /** For retries after a wait: how far the wait went past the longest the rules allow (negative: below it). */
  waitOvershootsMs: number[];
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** The status an attempt that met a fault answers with (undefined: no whole answer). */
const STATUS_OF_FAULT: Record<FaultKind, number | undefined> = {
  '503': 503,
  '503-retry-after': 503,
  'html-502': 502,
  'clock-skew': 401,
  'session-expired': 401,
  unauthorized: 401,
  reset: undefined,
  truncated: undefined,
  hang: undefined,
};

interface Expected {
  retry: boolean;
  reason?: string;
  /** The shortest and longest wait before the next attempt. */
  waitMs?: [number, number];
  fate: FaultFate;
}

interface History {
  retries: number;
  skewCorrected: boolean;
  renewed: boolean;
}

/** What the rules say follows an attempt that ended (and what it used up, in `history`). */
export function expectedAfter(
  attempt: AttemptRecord,
  fault: FaultKind | undefined,
  call: Pick<CallRecord, 'auth' | 'repeatable'>,
  history: History,
  settings: RuleSettings,
): Expected {
  const { status } = attempt;
  if (status === 401) {
    if (call.auth === 'app' && fault === 'clock-skew' && !history.skewCorrected) {
      history.skewCorrected = true;
      return { retry: true, reason: 'clock skew', waitMs: [0, 0], fate: 'retried' };
    }
    if (call.auth === 'session' && !history.renewed) {
      history.renewed = true;
      return { retry: true, reason: 'credential renewed', waitMs: [0, 0], fate: 'retried' };
    }
    return { retry: false, fate: 'not retried: a 401 the rules do not retry' };
  }
  if (status !== undefined && !RETRYABLE_STATUSES.has(status))
    return { retry: false, fate: 'not retried: a final answer' };
  if (!call.repeatable) return { retry: false, fate: 'not retried: not safe to repeat' };
  if (history.retries >= settings.maxRetries) return { retry: false, fate: 'not retried: retries used up' };
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** history.retries);
  history.retries++;
  const reason = status !== undefined ? `HTTP ${status}` : fault === 'hang' ? 'timeout' : 'connection failed';
  const waitMs: [number, number] =
    fault === '503-retry-after' ? [settings.retryAfterMs, settings.retryAfterMs] : [0, ceiling];
  return { retry: true, reason, waitMs, fate: 'retried' };
}

/** Judges one call against the rules, given the faults the mock injected into its attempts (by attempt number). */
export function judgeCall(
  call: CallRecord,
  faults: ReadonlyMap<number, FaultKind>,
  settings: RuleSettings,
  lagMs: LagMs = 0,
): CallVerdict {
  const problems: Problem[] = [];
  const fail = (check: Problem['check'], what: string) =>
    problems.push({ check, detail: `${call.operationId} (${call.auth}, trace …${call.traceId.slice(-8)}): ${what}` });
  const history: History = { retries: 0, skewCorrected: false, renewed: false };
  const verdictFaults: CallVerdict['faults'] = [];
  const waitOvershootsMs: number[] = [];
  let chosenWaitsMs = 0;
  let renewals = 0;
  let retries = 0;
  let unexplained = false;
  const { attempts } = call;

  for (const [index, attempt] of attempts.entries()) {
    const fault = faults.get(attempt.attempt);
    const next = attempts[index + 1];
    if (attempt.endedAt === undefined) {
      if (next || !['aborted', 'session-ended'].includes(call.outcome))
        fail('retry rules', `attempt ${attempt.attempt} has no end in the log, yet the call ended ${call.outcome}`);
      if (fault) verdictFaults.push({ kind: fault, fate: 'call aborted before it ended' });
      continue;
    }
    if (fault && STATUS_OF_FAULT[fault] !== attempt.status) {
      fail(
        'faults explain failures',
        `attempt ${attempt.attempt} met ${fault} but the client saw status ${attempt.status ?? 'none'}`,
      );
    }
    const failed = attempt.status === undefined || attempt.status >= 400;
    const followOn401 = attempt.status === 401 && call.auth === 'session';
    if (!fault && failed && !followOn401) unexplained = true;
    const expected = expectedAfter(attempt, fault, call, history, settings);
    if (fault) verdictFaults.push({ kind: fault, fate: expected.fate });
    const retried = attempt.willRetry === true;
    if (retried !== expected.retry) {
      fail(
        'retry rules',
        `attempt ${attempt.attempt} (${fault ?? 'no fault'}, status ${attempt.status ?? 'none'}) was ${retried ? `retried (${attempt.reason})` : 'not retried'}; the rules say ${expected.retry ? `retry (${expected.reason})` : 'no retry'}`,
      );
    } else if (retried && expected.reason !== attempt.reason && fault) {
      fail(
        'retry rules',
        `attempt ${attempt.attempt} (${fault}) was retried for "${attempt.reason}", expected "${expected.reason}"`,
      );
    }
    if (retried) retries++;
    if (attempt.reason === 'credential renewed') renewals++;
    if (retried && next && expected.waitMs) {
      const waited = next.sentAt - attempt.endedAt;
      chosenWaitsMs += waited;
      const [shortest, longest] = expected.waitMs;
      waitOvershootsMs.push(waited - longest);
      if (waited > longest + settings.slack.backoffMs + lagMs)
        fail('waits', `waited ${Math.round(waited)} ms before attempt ${next.attempt}; the rules allow ${longest} ms`);
      if (waited < shortest - 10)
        fail(
          'waits',
          `waited ${Math.round(waited)} ms before attempt ${next.attempt}; Retry-After asked for ${shortest} ms`,
        );
    }
    if (!retried && next) fail('retry rules', `attempt ${next.attempt} followed an attempt that was not retried`);
  }

  const durationMs = call.endedAt - call.startedAt;
  const { timeoutMs, slack } = settings;
  // A session call may first wait for a refresh another call started (refreshSession is not faulted: one attempt).
  const refreshes = renewals + (call.auth === 'session' ? 1 : 0);
  const boundMs =
    attempts.length * (timeoutMs + slack.attemptMs + lagMs) +
    refreshes * (timeoutMs + slack.attemptMs) +
    chosenWaitsMs +
    slack.callMs +
    lagMs;
  if (durationMs > boundMs) {
    fail(
      'bound',
      `took ${Math.round(durationMs)} ms over ${attempts.length} attempt(s); its bound is ${Math.round(boundMs)} ms`,
    );
  }
  if (call.outcome === 'untyped') fail('typed outcome', 'ended in something other than data or a KooDriveError');
  if (call.outcome === 'aborted') {
    if (call.abortedAt === undefined) fail('aborts', 'ended with KooDriveAbortError, but its signal was never aborted');
    else if (call.endedAt - call.abortedAt > slack.abortMs + lagMs)
      fail('aborts', `ended ${Math.round(call.endedAt - call.abortedAt)} ms after its signal aborted`);
  } else if (call.abortedAt !== undefined && call.endedAt - call.abortedAt > slack.abortMs + lagMs) {
    fail(
      'aborts',
      `its signal aborted ${Math.round(call.endedAt - call.abortedAt)} ms before it ended ${call.outcome}`,
    );
  }
  const metFault = faults.size > 0;
  if (unexplained) fail('faults explain failures', 'an attempt failed without an injected fault');
  else if (!metFault && call.abortedAt === undefined && !['ok', 'aborted'].includes(call.outcome)) {
    fail('faults explain failures', `met no fault, yet ended ${call.outcome}`);
  }
  const timing = (problem: Problem) => ['bound', 'waits', 'aborts'].includes(problem.check);
  return {
    problems: call.warmUp ? problems.filter((problem) => !timing(problem)) : problems,
    warmUpTimingProblems: call.warmUp ? problems.filter(timing) : [],
    boundMs,
    durationMs,
    faults: verdictFaults,
    retries,
    waitOvershootsMs,
  };
}
