/**
 * The soak's books: the client's logger writes each attempt here (by trace id), the soak each
 * call's end, the mock's fault report each injected fault; a call is judged (soak-rules.ts) once
 * the mock's report has caught up with it, then only its totals are kept, so the soak's own memory
 * does not grow with the number of calls.
 */
import {
  type AttemptRecord,
  type CallRecord,
  type FaultFate,
  type FaultKind,
  judgeCall,
  type Problem,
  type RuleSettings,
} from './soak-rules.ts';

/** A fault the mock reports (its FaultEvent). */
export interface MockFaultEvent {
  kind: FaultKind;
  operationId: string;
  traceId?: string;
  attempt: number;
}

/** A client log line's fields, as the client's logger receives them. */
type LogFields = Record<string, unknown>;

const EXAMPLES_PER_CHECK = 5;

const increment = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** Everything the report prints, summed over the judged calls. */
export interface LedgerTotals {
  calls: number;
  byOperation: Map<string, number>;
  byAuth: Map<string, number>;
  outcomes: Map<string, number>;
  attempts: number;
  retriesByReason: Map<string, number>;
  /** Fault kind → fate → attempts. */
  faultFates: Map<FaultKind, Map<FaultFate, number>>;
  problems: Map<Problem['check'], { count: number; examples: string[] }>;
  /** Timing problems of warm-up calls (cold start), shown but not failing the run. */
  warmUpTimingProblems: string[];
  /** The largest duration / bound of any call after the warm-up. */
  worstBoundShare: number;
  worstWaitOvershootMs: number;
  slowestAbortMs: number;
  /** Session Management's own attempts (refreshSession after a 401, sign-in, logout), by operationId. */
  sessionAttempts: Map<string, number>;
  /** The clock offsets the app client learned. */
  skewCorrections: number;
  /** Log lines at warn or error level other than failed attempts and skew corrections. */
  otherWarnings: string[];
  /** Fault events that matched no judged call (an aborted attempt that reached the mock after its call ended). */
  lateFaultEvents: number;
}

/** The ledger of one soak run. */
export function createSoakLedger(settings: RuleSettings) {
  const attemptsByTrace = new Map<string, AttemptRecord[]>();
  const faultsByTrace = new Map<string, Map<number, FaultKind>>();
  let waiting: CallRecord[] = [];
  const totals: LedgerTotals = {
    calls: 0,
    byOperation: new Map(),
    byAuth: new Map(),
    outcomes: new Map(),
    attempts: 0,
    retriesByReason: new Map(),
    faultFates: new Map(),
    problems: new Map(),
    warmUpTimingProblems: [],
    worstBoundShare: 0,
    worstWaitOvershootMs: Number.NEGATIVE_INFINITY,
    slowestAbortMs: 0,
    sessionAttempts: new Map(),
    skewCorrections: 0,
    otherWarnings: [],
    lateFaultEvents: 0,
  };

  function onLine(message: string, fields: LogFields = {}): void {
    const traceId = String(fields.traceId ?? '');
    const attempts = attemptsByTrace.get(traceId);
    if (message === 'koodrive send') {
      if (attempts) attempts.push({ attempt: Number(fields.attempt), sentAt: performance.now() });
      else increment(totals.sessionAttempts, String(fields.operationId));
    } else if (message === 'koodrive attempt succeeded' || message === 'koodrive attempt failed') {
      const record = attempts?.find((attempt) => attempt.attempt === Number(fields.attempt));
      if (!record) return;
      record.endedAt = performance.now();
      if (typeof fields.status === 'number') record.status = fields.status;
      if (typeof fields.reason === 'string') record.reason = fields.reason;
      record.willRetry = fields.willRetry === true;
    } else if (message === 'koodrive clock skew corrected') {
      totals.skewCorrections++;
    } else if (!message.startsWith('koodrive attempt') && totals.otherWarnings.length < 20) {
      totals.otherWarnings.push(message);
    }
  }

  /** The client's logger: records attempts; keeps other warnings to show them. */
  const logger = {
    debug: onLine,
    info: () => {},
    warn: onLine,
    error: onLine,
  };

  function judge(call: CallRecord, lagMs: number): void {
    const faults = faultsByTrace.get(call.traceId) ?? new Map<number, FaultKind>();
    faultsByTrace.delete(call.traceId);
    const verdict = judgeCall(call, faults, settings, lagMs);
    totals.calls++;
    increment(totals.byOperation, call.operationId);
    increment(totals.byAuth, call.auth);
    increment(totals.outcomes, call.outcome);
    totals.attempts += call.attempts.length;
    for (const attempt of call.attempts)
      if (attempt.willRetry) increment(totals.retriesByReason, attempt.reason ?? '?');
    for (const { kind, fate } of verdict.faults) {
      const fates = totals.faultFates.get(kind) ?? new Map<FaultFate, number>();
      totals.faultFates.set(kind, fates);
      increment(fates, fate);
    }
    for (const problem of verdict.problems) {
      const entry = totals.problems.get(problem.check) ?? { count: 0, examples: [] };
      totals.problems.set(problem.check, entry);
      entry.count++;
      if (entry.examples.length < EXAMPLES_PER_CHECK) entry.examples.push(problem.detail);
    }
    for (const problem of verdict.warmUpTimingProblems) totals.warmUpTimingProblems.push(problem.detail);
    if (call.warmUp) return;
    totals.worstBoundShare = Math.max(totals.worstBoundShare, verdict.durationMs / verdict.boundMs);
    totals.worstWaitOvershootMs = Math.max(totals.worstWaitOvershootMs, ...verdict.waitOvershootsMs);
    if (call.abortedAt !== undefined && call.outcome === 'aborted') {
      totals.slowestAbortMs = Math.max(totals.slowestAbortMs, call.endedAt - call.abortedAt);
    }
  }

  return {
    logger,
    totals,
    /** Starts recording the attempts of a call. */
    begin(traceId: string): void {
      attemptsByTrace.set(traceId, []);
    },
    /** A call ended: it waits for the mock's report to be judged. */
    finish(call: Omit<CallRecord, 'attempts'>): void {
      const attempts = attemptsByTrace.get(call.traceId) ?? [];
      attemptsByTrace.delete(call.traceId);
      waiting.push({ ...call, attempts });
    },
    /** Adds the faults of a mock report. */
    addFaultEvents(events: readonly MockFaultEvent[]): void {
      for (const event of events) {
        if (!event.traceId) continue;
        const faults = faultsByTrace.get(event.traceId) ?? new Map<number, FaultKind>();
        faultsByTrace.set(event.traceId, faults);
        faults.set(event.attempt, event.kind);
      }
    },
    /**
     * Judges the calls that ended before `reportAskedAt`: the mock logs a fault when the request
     * arrives, so its report, asked for after a call ended, holds all the faults of that call.
     * `lagMs`, the event loop's longest delay so far, is allowed on top of every bound.
     */
    judgeEndedBefore(reportAskedAt: number, lagMs: number): void {
      const later: CallRecord[] = [];
      for (const call of waiting) {
        if (call.endedAt < reportAskedAt) judge(call, lagMs);
        else later.push(call);
      }
      waiting = later;
    },
    /** Calls still waiting for a report, and calls in flight. */
    pending: () => ({ waiting: waiting.length, inFlight: attemptsByTrace.size }),
    /** Drops what is left (late fault events), counting it. */
    close(): void {
      totals.lateFaultEvents += [...faultsByTrace.values()].reduce((sum, faults) => sum + faults.size, 0);
      faultsByTrace.clear();
      attemptsByTrace.clear();
      waiting = [];
    },
  };
}

/** The soak's ledger. */
export type SoakLedger = ReturnType<typeof createSoakLedger>;
