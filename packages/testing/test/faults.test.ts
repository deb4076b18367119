/**
 * The mock KooDrive's fault injection: how faults are asked for, which request gets which (by seed,
 * reproducibly, at the rates given, only where they apply), and what each does on the wire.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFaultInjector,
  FAULT_REPORT_PATH,
  type FaultKind,
  type FaultOptions,
  formatLogEntry,
  issueSignInCode,
  type MockLogEntry,
  makeMockState,
  parseFaultSpec,
  type RunningMockKooDrive,
  resolveFaultOptions,
  startMockKooDrive,
} from '../src/index.js';
import { goodHeaders, QUOTA_PATH, TOKEN } from './helpers.js';

const ORIGIN = 'http://127.0.0.1:4010';
const APP_AUTHORIZATION = 'HMAC-SHA256 AppId=app,SignedHeaders=host;x-date;x-user-id,Signature=00';
const traceId = (index: number) => index.toString(16).padStart(58, '0');

function quotaRequest(trace: string | undefined, headers: Record<string, string> = {}) {
  const all = goodHeaders({ 'x-traceid': trace, ...headers });
  return new Request(`${ORIGIN}${QUOTA_PATH}`, { headers: all });
}

/** The fault of each of `count` calls' first attempt, in the order given. */
function faultsOf(options: FaultOptions, indexes: number[]) {
  const injector = createFaultInjector(options);
  const state = makeMockState();
  return new Map(indexes.map((index) => [index, injector.pick(quotaRequest(traceId(index)), state)?.kind]));
}

describe('fault options', () => {
  it('reads the CLI text: rates, settings and exclusions, with defaults for the rest', () => {
    expect(parseFaultSpec('503=0.1, reset=.05,hang=0,seed=42,retry-after=3,exclude=GetSpace:GetUser')).toEqual({
      rates: { '503': 0.1, reset: 0.05, hang: 0 },
      seed: 42,
      retryAfterSeconds: 3,
      hangMs: 120_000,
      skewMs: 120_000,
      sessionMinAgeMs: 5_000,
      unauthorizedCode: 13000101,
      exclude: ['GetSpace', 'GetUser'],
    });
    expect(parseFaultSpec('').exclude).toEqual([
      'getAuthCodeURL',
      'createSession',
      'refreshSession',
      'logout',
      'authSession',
    ]);
  });

  it.each([
    ['timeout=0.1', 'faults: unknown name "timeout"; give a fault kind (503, 503-retry-after'],
    ['503=abc', 'faults: the rate of 503 must be a number from 0 to 1, got "abc"'],
    ['503=1.5', 'faults: the rate of 503 must be a number from 0 to 1, got "1.5"'],
    ['503=-0.1', 'faults: the rate of 503 must be a number from 0 to 1, got "-0.1"'],
    ['503=0.6,reset=0.6', 'faults: the rates add up to 1.2, more than 1'],
    ['seed', 'faults: seed needs a value (seed=…)'],
    ['seed=x', 'faults: seed must be a whole number, got "x"'],
    ['skew-ms=10', 'faults: skewMs must be a whole number of at least 10000, got 10'],
  ])('refuses %s, naming the problem', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(message);
  });

  it('refuses options that are not rates of known kinds', () => {
    expect(() => resolveFaultOptions({ rates: { slow: 0.1 } as never })).toThrow('faults: unknown fault "slow"');
    expect(() => resolveFaultOptions(undefined as never)).toThrow('faults: give { rates:');
    expect(() => resolveFaultOptions({ rates: { hang: 0.1 }, hangMs: 0 })).toThrow('faults: hangMs must be');
  });
});

describe('which request gets which fault', () => {
  const rates = { '503': 0.1, reset: 0.1, truncated: 0.1 } as const;
  const indexes = Array.from({ length: 2000 }, (_, index) => index);

  it('is the same for the same seed whatever the order requests arrive in, and differs with the seed', () => {
    const forwards = faultsOf({ rates, seed: 7 }, indexes);
    const backwards = faultsOf({ rates, seed: 7 }, [...indexes].reverse());
    expect([...backwards.entries()].sort(([a], [b]) => a - b)).toEqual([...forwards.entries()]);
    const otherSeed = faultsOf({ rates, seed: 8 }, indexes);
    const differing = indexes.filter((index) => otherSeed.get(index) !== forwards.get(index));
    expect(differing.length).toBeGreaterThan(200);
  });

  it('follows the rates', () => {
    const all = Array.from({ length: 20_000 }, (_, index) => index);
    const counts: Record<string, number> = {};
    for (const kind of faultsOf({ rates, seed: 3 }, all).values())
      counts[kind ?? 'none'] = (counts[kind ?? 'none'] ?? 0) + 1;
    for (const kind of ['503', 'reset', 'truncated']) expect(counts[kind] ?? 0).toBeGreaterThan(1700);
    for (const kind of ['503', 'reset', 'truncated']) expect(counts[kind] ?? 0).toBeLessThan(2300);
    expect(counts.none).toBeGreaterThan(13_500);
  });

  it('draws each attempt of a call (the same trace id) anew, and counts them in the report', () => {
    const injector = createFaultInjector({ rates: { '503': 0.5 }, seed: 1 });
    const state = makeMockState();
    const kinds = Array.from({ length: 40 }, () => injector.pick(quotaRequest(traceId(1)), state)?.kind);
    expect(new Set(kinds)).toEqual(new Set(['503', undefined]));
    const { events, injected, requests } = injector.report();
    expect(requests).toBe(40);
    expect(injected['503']).toBe(kinds.filter(Boolean).length);
    expect(events.map((event) => event.attempt)).toEqual(kinds.flatMap((kind, index) => (kind ? [index + 1] : [])));
    expect(events[0]).toMatchObject({ kind: '503', operationId: 'GetSpaceUsageByQuota', traceId: traceId(1) });
    expect(injector.report().events).toEqual([]);
  });

  it('never faults excluded operations or requests that match no operation', () => {
    const injector = createFaultInjector({ rates: { '503': 1 }, exclude: ['GetSpaceUsageByQuota'] });
    const state = makeMockState();
    expect(injector.pick(quotaRequest(traceId(1)), state)).toBeUndefined();
    expect(injector.pick(new Request(`${ORIGIN}/nowhere`), state)).toBeUndefined();
    expect(injector.report().requests).toBe(0);
  });

  it('gives clock-skew to app-signed requests only, and session-expired to aged session tokens only', () => {
    const injector = createFaultInjector({ rates: { 'clock-skew': 0.5, 'session-expired': 0.5 } });
    const state = makeMockState();
    const picks = (headers: Record<string, string>) =>
      indexes.slice(0, 200).map((index) => injector.pick(quotaRequest(traceId(index), headers), state)?.kind);
    expect(new Set(picks({}))).toEqual(new Set([undefined]));
    expect(new Set(picks({ authorization: APP_AUTHORIZATION }))).toEqual(new Set(['clock-skew', undefined]));
  });
});

describe('faults on the wire', () => {
  let mock: RunningMockKooDrive | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  async function start(kind: FaultKind, options: Omit<FaultOptions, 'rates'> = {}, extra = {}) {
    mock = await startMockKooDrive({ tokens: [TOKEN], faults: { rates: { [kind]: 1 }, ...options }, ...extra });
    return mock;
  }
  const get = (server: RunningMockKooDrive, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    fetch(`${server.url}${QUOTA_PATH}`, { headers: goodHeaders(headers), ...init });

  it('503 answers KooDrive JSON without Retry-After; 503-retry-after adds it', async () => {
    const plain = await get(await start('503'));
    expect(plain.status).toBe(503);
    expect(plain.headers.get('retry-after')).toBeNull();
    expect(await plain.json()).toEqual({ code: 13000201, msg: 'service unavailable (injected fault)' });
    await mock?.close();
    const later = await get(await start('503-retry-after', { retryAfterSeconds: 2 }));
    expect(later.status).toBe(503);
    expect(later.headers.get('retry-after')).toBe('2');
  });

  it('html-502 answers a gateway page in HTML; unauthorized a 401 with the code given', async () => {
    const gateway = await get(await start('html-502'));
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toBe('text/html');
    expect(await gateway.text()).toContain('<h1>502 Bad Gateway</h1>');
    await mock?.close();
    const refused = await get(await start('unauthorized', { unauthorizedCode: 13000199 }), {
      'x-date': '20260301T095800Z',
    });
    expect(refused.status).toBe(401);
    // Its Date agrees with the X-Date: a refused credential, not clock skew for the client to correct.
    expect(refused.headers.get('date')).toBe(new Date('2026-03-01T09:58:00Z').toUTCString());
    expect(((await refused.json()) as { code: number }).code).toBe(13000199);
  });

  it('reset drops the connection before any answer, and the request is not processed', async () => {
    const server = await start('reset');
    const failure = await get(server).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
    expect(server.requests).toHaveLength(0);
  });

  it('truncated sends half of a processed answer, then drops the connection', async () => {
    const server = await start('truncated');
    const response = await get(server);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it('hang processes the request and answers nothing until the client gives up, holding nothing after', async () => {
    const server = await start('hang');
    const started = performance.now();
    await expect(get(server, {}, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests).toHaveLength(1);
    // No timer of the hang is left to keep the mock's process alive.
    const closing = performance.now();
    await server.close();
    expect(performance.now() - closing).toBeLessThan(1000);
    mock = undefined;
  });

  it('hang drops the connection itself after hangMs', async () => {
    const server = await start('hang', { hangMs: 150 });
    await expect(get(server)).rejects.toThrow();
  });

  it('clock-skew answers 401 with a Date skewMs behind the X-Date, and the true time to a request signed that far back', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const server = await start('clock-skew', { skewMs: 120_000 }, { clock: () => now, apps: { app: 'secret' } });
    const first = await get(server, { authorization: APP_AUTHORIZATION, 'x-date': '20260301T100000Z' });
    expect(first.status).toBe(401);
    expect(first.headers.get('date')).toBe(new Date('2026-03-01T09:58:00Z').toUTCString());
    expect(((await first.json()) as { msg: string }).msg).toBe(
      'authentication failed: X-Date is later than the server clock',
    );
    // Less a second: an offset learned from whole seconds must not put the next X-Date ahead of the server.
    const shifted = await get(server, { authorization: APP_AUTHORIZATION, 'x-date': '20260301T095800Z' });
    expect(shifted.headers.get('date')).toBe(new Date('2026-03-01T09:59:59Z').toUTCString());
    // Token requests are left alone.
    expect((await get(server)).status).toBe(200);
  });

  it('session-expired makes an aged session token idle, so the mock refuses it until refreshSession', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const server = await start('session-expired', { sessionMinAgeMs: 5_000 }, { clock: () => new Date(now) });
    const code = issueSignInCode(server.state.org, now);
    const created = await fetch(`${server.url}/koodrive/ose/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-traceid': traceId(1) },
      body: JSON.stringify({ code }),
    });
    const { data } = (await created.json()) as { data: { accessToken: string; sessionId: string } };
    const authorization = data.accessToken;
    expect((await get(server, { authorization })).status).toBe(200);
    now += 6_000;
    const refused = await get(server, { authorization });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { msg: string }).msg).toContain('expired');
    const refreshed = await fetch(`${server.url}/koodrive/ose/v1/session/refresh`, {
      method: 'POST',
      headers: { authorization, 'x-session-id': data.sessionId, 'x-traceid': traceId(2) },
    });
    expect(refreshed.status).toBe(200);
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    expect(accessToken).toMatch(/^Bearer\+/);
    expect((await get(server, { authorization: accessToken })).status).toBe(200);
    expect(server.faults?.report().injected['session-expired']).toBe(1);
  });

  it(`reports what it injected at GET ${FAULT_REPORT_PATH}, each event once, and logs the fault of a request`, async () => {
    const entries: MockLogEntry[] = [];
    const server = await start('503', {}, { log: (entry: MockLogEntry) => entries.push(entry) });
    await get(server, { 'x-traceid': traceId(9) });
    await get(server, { 'x-traceid': traceId(9) });
    const report = await (await fetch(`${server.url}${FAULT_REPORT_PATH}`)).json();
    expect(report).toEqual({
      requests: 2,
      injected: expect.objectContaining({ '503': 2, reset: 0 }),
      events: [1, 2].map((attempt) => ({
        kind: '503',
        operationId: 'GetSpaceUsageByQuota',
        traceId: traceId(9),
        attempt,
      })),
      droppedEvents: 0,
    });
    const again = (await (await fetch(`${server.url}${FAULT_REPORT_PATH}`)).json()) as { events: unknown[] };
    expect(again.events).toEqual([]);
    expect((await fetch(`${server.url}${FAULT_REPORT_PATH}`, { method: 'POST' })).status).toBe(405);
    expect(entries.map((entry) => [entry.status, entry.fault])).toEqual([
      [503, '503'],
      [503, '503'],
    ]);
    expect(formatLogEntry(entries[0] as MockLogEntry)).toMatch(/GetSpaceUsageByQuota 503 \d+ ms fault=503$/);
  });

  it(`has no ${FAULT_REPORT_PATH} without faults`, async () => {
    mock = await startMockKooDrive({ tokens: [TOKEN] });
    expect((await fetch(`${mock.url}${FAULT_REPORT_PATH}`)).status).toBe(404);
  });
});
