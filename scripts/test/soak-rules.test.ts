/**
 * The soak's judgement of a call: a client that retries where the rules forbid it, waits longer
 * than they allow, overstays its bound or ends an abort late must be caught; one that follows them
 * must pass.
 */
import { describe, expect, it } from 'vitest';
import { createSoakLedger } from '../lib/soak-ledger.ts';
import {
  type AttemptRecord,
  type CallRecord,
  type FaultKind,
  judgeCall,
  type RuleSettings,
} from '../lib/soak-rules.ts';
import { faultSpec, parseSoakArgs } from '../lib/soak-settings.ts';

const settings: RuleSettings = {
  timeoutMs: 1000,
  maxRetries: 2,
  baseDelayMs: 50,
  maxDelayMs: 400,
  retryAfterMs: 1000,
  slack: { attemptMs: 100, callMs: 200, backoffMs: 50, abortMs: 50 },
};

/** Attempts from [status, willRetry, reason, wait before the next] tuples, 10 ms each. */
function attempts(...steps: [number | undefined, boolean, string?, number?][]): AttemptRecord[] {
  let time = 0;
  return steps.map(([status, willRetry, reason, wait = 0], index) => {
    const sentAt = time;
    time += 10;
    const attempt: AttemptRecord = { attempt: index + 1, sentAt, endedAt: time, willRetry };
    if (status !== undefined) attempt.status = status;
    if (reason !== undefined) attempt.reason = reason;
    time += wait;
    return attempt;
  });
}

function call(overrides: Partial<CallRecord> & { attempts: AttemptRecord[] }): CallRecord {
  const last = overrides.attempts.at(-1);
  return {
    traceId: 'f'.repeat(58),
    operationId: 'GetSpace',
    auth: 'token',
    repeatable: true,
    startedAt: 0,
    endedAt: (last?.endedAt ?? 0) + 1,
    outcome: 'ok',
    ...overrides,
  };
}

const faults = (entries: Record<number, FaultKind> = {}) =>
  new Map(Object.entries(entries).map(([attempt, kind]) => [Number(attempt), kind]));
const checks = (verdict: ReturnType<typeof judgeCall>) => verdict.problems.map((problem) => problem.check);

describe('judgeCall', () => {
  it('passes a safe call retried after a 503 and a reset, each within its wait', () => {
    const record = call({
      attempts: attempts([503, true, 'HTTP 503', 30], [undefined, true, 'connection failed', 90], [200, false]),
    });
    const verdict = judgeCall(record, faults({ 1: '503', 2: 'reset' }), settings);
    expect(verdict.problems).toEqual([]);
    expect(verdict.faults).toEqual([
      { kind: '503', fate: 'retried' },
      { kind: 'reset', fate: 'retried' },
    ]);
  });

  it('catches a retry of a call that is not safe to repeat', () => {
    const record = call({ repeatable: false, attempts: attempts([503, true, 'HTTP 503', 10], [200, false]) });
    expect(checks(judgeCall(record, faults({ 1: '503' }), settings))).toContain('retry rules');
  });

  it('passes a call that is not safe to repeat and was not retried, and says why', () => {
    const record = call({ repeatable: false, outcome: 'api 503', attempts: attempts([503, false]) });
    const verdict = judgeCall(record, faults({ 1: '503' }), settings);
    expect(verdict.problems).toEqual([]);
    expect(verdict.faults).toEqual([{ kind: '503', fate: 'not retried: not safe to repeat' }]);
  });

  it('catches a retry beyond maxRetries', () => {
    const record = call({
      attempts: attempts([503, true, 'HTTP 503'], [503, true, 'HTTP 503'], [503, true, 'HTTP 503'], [200, false]),
    });
    expect(checks(judgeCall(record, faults({ 1: '503', 2: '503', 3: '503' }), settings))).toContain('retry rules');
  });

  it('catches a wait past the backoff ceiling, and a Retry-After not honoured', () => {
    const tooLong = call({ attempts: attempts([502, true, 'HTTP 502', 500], [200, false]) });
    expect(checks(judgeCall(tooLong, faults({ 1: 'html-502' }), settings))).toEqual(['waits']);
    const tooShort = call({ attempts: attempts([503, true, 'HTTP 503', 100], [200, false]) });
    expect(checks(judgeCall(tooShort, faults({ 1: '503-retry-after' }), settings))).toEqual(['waits']);
    const honoured = call({ attempts: attempts([503, true, 'HTTP 503', 1000], [200, false]) });
    expect(checks(judgeCall(honoured, faults({ 1: '503-retry-after' }), settings))).toEqual([]);
  });

  it('allows the event loop delay on top of a wait', () => {
    const record = call({ attempts: attempts([502, true, 'HTTP 502', 500], [200, false]) });
    expect(checks(judgeCall(record, faults({ 1: 'html-502' }), settings, 450))).toEqual([]);
  });

  it('allows one clock-skew retry of an app call, not a second, and none for a refused token', () => {
    const once = call({ auth: 'app', attempts: attempts([401, true, 'clock skew'], [200, false]) });
    expect(checks(judgeCall(once, faults({ 1: 'clock-skew' }), settings))).toEqual([]);
    const twice = call({
      auth: 'app',
      attempts: attempts([401, true, 'clock skew'], [401, true, 'clock skew'], [200, false]),
    });
    expect(checks(judgeCall(twice, faults({ 1: 'clock-skew', 2: 'clock-skew' }), settings))).toContain('retry rules');
    const token = call({ outcome: 'api 401', attempts: attempts([401, true, 'clock skew'], [401, false]) });
    expect(checks(judgeCall(token, faults({ 1: 'unauthorized' }), settings))).toContain('retry rules');
  });

  it('allows a session call one renewal after any 401, a follow-on 401 included', () => {
    const followOn = call({ auth: 'session', attempts: attempts([401, true, 'credential renewed'], [200, false]) });
    expect(checks(judgeCall(followOn, faults(), settings))).toEqual([]);
    const second = call({
      auth: 'session',
      attempts: attempts([401, true, 'credential renewed'], [401, true, 'credential renewed'], [200, false]),
    });
    expect(checks(judgeCall(second, faults({ 1: 'session-expired', 2: 'unauthorized' }), settings))).toContain(
      'retry rules',
    );
  });

  it('expects a hung attempt to be retried for a timeout and a cut-off body for a failed connection', () => {
    const hang = call({ attempts: attempts([undefined, true, 'connection failed'], [200, false]) });
    expect(checks(judgeCall(hang, faults({ 1: 'hang' }), settings))).toEqual(['retry rules']);
    const truncated = call({ attempts: attempts([undefined, true, 'connection failed'], [200, false]) });
    expect(checks(judgeCall(truncated, faults({ 1: 'truncated' }), settings))).toEqual([]);
  });

  it('catches a call that overstays timeout × attempts + its waits', () => {
    const record = call({ attempts: attempts([200, false]), endedAt: 2000 });
    expect(checks(judgeCall(record, faults(), settings))).toEqual(['bound']);
  });

  it('catches an abort that took effect late, or an abort error without an abort', () => {
    const late = call({ outcome: 'aborted', abortedAt: 5, endedAt: 500, attempts: [{ attempt: 1, sentAt: 0 }] });
    expect(checks(judgeCall(late, faults(), settings))).toEqual(['aborts']);
    const prompt = call({ outcome: 'aborted', abortedAt: 5, endedAt: 20, attempts: [{ attempt: 1, sentAt: 0 }] });
    expect(checks(judgeCall(prompt, faults(), settings))).toEqual([]);
    const unasked = call({ outcome: 'aborted', endedAt: 20, attempts: [{ attempt: 1, sentAt: 0 }] });
    expect(checks(judgeCall(unasked, faults(), settings))).toEqual(['aborts']);
  });

  it('catches failures no fault explains, and answers that do not match their fault', () => {
    const unexplained = call({ outcome: 'api 500', attempts: attempts([500, false]), repeatable: false });
    expect(checks(judgeCall(unexplained, faults(), settings))).toEqual(['faults explain failures']);
    const mismatch = call({ attempts: attempts([200, false]) });
    expect(checks(judgeCall(mismatch, faults({ 1: '503' }), settings))).toEqual(['faults explain failures']);
  });

  it('catches an outcome that is neither data nor a KooDriveError', () => {
    const record = call({ outcome: 'untyped', attempts: attempts([503, false]), repeatable: false });
    expect(checks(judgeCall(record, faults({ 1: '503' }), settings))).toEqual(['typed outcome']);
  });

  it('keeps the timing problems of a warm-up call apart', () => {
    const record = call({ warmUp: true, attempts: attempts([200, false]), endedAt: 2000 });
    const verdict = judgeCall(record, faults(), settings);
    expect(verdict.problems).toEqual([]);
    expect(verdict.warmUpTimingProblems.map((problem) => problem.check)).toEqual(['bound']);
  });
});

describe('the soak ledger', () => {
  it('pairs log lines with calls and faults with attempts, and keeps nothing per call once judged', () => {
    const ledger = createSoakLedger(settings);
    const traceId = 'a'.repeat(58);
    ledger.begin(traceId);
    ledger.logger.debug('koodrive send', { traceId, attempt: 1, operationId: 'GetSpace' });
    ledger.logger.warn('koodrive attempt failed', {
      traceId,
      attempt: 1,
      status: 503,
      reason: 'HTTP 503',
      willRetry: true,
    });
    ledger.logger.debug('koodrive send', { traceId, attempt: 2, operationId: 'GetSpace' });
    ledger.logger.debug('koodrive attempt succeeded', { traceId, attempt: 2, status: 200, willRetry: false });
    ledger.logger.debug('koodrive send', { traceId: 'b'.repeat(58), attempt: 1, operationId: 'refreshSession' });
    const now = performance.now();
    ledger.finish({
      traceId,
      operationId: 'GetSpace',
      auth: 'token',
      repeatable: true,
      startedAt: now - 5,
      endedAt: now,
      outcome: 'ok',
    });
    ledger.addFaultEvents([{ kind: '503', operationId: 'GetSpace', traceId, attempt: 1 }]);
    ledger.judgeEndedBefore(now + 1, 0);
    const { totals } = ledger;
    expect(totals.calls).toBe(1);
    expect(totals.attempts).toBe(2);
    expect(totals.faultFates.get('503')?.get('retried')).toBe(1);
    expect(totals.sessionAttempts.get('refreshSession')).toBe(1);
    expect(totals.problems.size).toBe(0);
    expect(ledger.pending()).toEqual({ waiting: 0, inFlight: 0 });
  });
});

describe('soak settings', () => {
  it('reads a short and a long run, and refuses what it does not know', () => {
    const cli = ['--mock-cli', 'cli.js'];
    expect(parseSoakArgs(['--short', ...cli])).toMatchObject({ mode: 'short', calls: 8000 });
    expect(parseSoakArgs(['--minutes', '3', ...cli])).toMatchObject({ mode: 'long', durationMs: 180_000 });
    expect(() => parseSoakArgs(['--short', '--minutes', '3', ...cli])).toThrow(
      '--short and --minutes exclude each other',
    );
    expect(() => parseSoakArgs(['--calls', 'many', ...cli])).toThrow('--calls must be a positive number, got "many"');
    expect(() => parseSoakArgs(['--short'])).toThrow('--mock-cli must name the mock KooDrive CLI');
  });

  it('asks the mock for every fault kind', () => {
    expect(faultSpec(7)).toMatch(/^503=.*unauthorized=[\d.]+,seed=7,retry-after=1,session-min-age-ms=3000$/);
  });
});
