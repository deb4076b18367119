import { makeSpaceQuotaUsageList, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAppAuthorization } from '../src/app-signature.js';
import {
  createKooDriveClient,
  KooDriveAbortError,
  type KooDriveClientOptions,
  KooDriveConnectionError,
  KooDriveTimeoutError,
  unwrap,
} from '../src/index.js';
import { QUOTA_PATH, TOKEN, USER_ID } from './helpers.js';

const APP = { appId: 'reliability-app', appSecret: 'reliability-secret' };
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 2 };

let mock: RunningMockKooDrive;
beforeAll(async () => {
  mock = await startMockKooDrive({
    tokens: [TOKEN],
    apps: { [APP.appId]: APP.appSecret },
    state: { spaceQuotaUsage: makeSpaceQuotaUsageList(3) },
  });
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const client = (options: Partial<KooDriveClientOptions> = {}) =>
  createKooDriveClient({
    baseUrl: mock.url,
    userId: USER_ID,
    auth: { type: 'token', token: TOKEN },
    retry: FAST_RETRY,
    ...options,
  });

/** A handler that answers `failures` with the given status, then lets the default route answer. */
function failFirst(failures: number, status: number, headers: Record<string, string> = {}) {
  let seen = 0;
  const times: number[] = [];
  mock.use('GetSpaceUsageByQuota', (_request, context) => {
    times.push(performance.now());
    seen++;
    if (seen <= failures) return { status, headers, body: { code: 13000201, msg: 'inner server invoke failure' } };
    return { body: { code: 0, msg: 'success', data: context.state.spaceQuotaUsage, total: 3 } };
  });
  return times;
}

describe('retries', () => {
  it('retries a GET that fails twice, signing each attempt anew from the clock, with one trace id', async () => {
    failFirst(2, 503);
    let tick = 0;
    const start = Date.now() - 60_000;
    const kd = client({ auth: { type: 'app', ...APP }, clock: () => new Date(start + 1000 * tick++) });
    const { data, error, traceId } = await kd.GET(QUOTA_PATH);
    expect(error).toBeUndefined();
    expect(data?.total).toBe(3);
    const attempts = mock.requests.map(({ headers }) => headers);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((headers) => headers['x-date'])).size).toBe(3);
    expect(new Set(attempts.map((headers) => parseAppAuthorization(headers.authorization ?? '')?.signature)).size).toBe(
      3,
    );
    expect(attempts.every((headers) => headers['x-traceid'] === traceId)).toBe(true);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', async (status) => {
    failFirst(1, status);
    await unwrap(client().GET(QUOTA_PATH));
    expect(mock.requests.map((request) => request.status)).toEqual([status, 200]);
  });

  it.each([400, 401, 404])('does not retry HTTP %i', async (status) => {
    failFirst(1, status);
    const { error } = await client().GET(QUOTA_PATH);
    expect(error?.status).toBe(status);
    expect(mock.requests).toHaveLength(1);
  });

  it('gives up after maxRetries and returns the last failure', async () => {
    failFirst(10, 500);
    const { error } = await client({ retry: { ...FAST_RETRY, maxRetries: 3 } }).GET(QUOTA_PATH);
    expect(error).toMatchObject({ status: 500, kind: 'server-error', code: 13000201 });
    expect(mock.requests).toHaveLength(4);
  });

  it('can be turned off per client and per request', async () => {
    failFirst(10, 503);
    await client({ retry: false }).GET(QUOTA_PATH);
    expect(mock.requests).toHaveLength(1);
    mock.reset();
    failFirst(10, 503);
    await client().GET(QUOTA_PATH, { retry: { maxRetries: 0 } });
    expect(mock.requests).toHaveLength(1);
  });

  it('honours Retry-After in seconds', async () => {
    const times = failFirst(1, 429, { 'retry-after': '1' });
    await unwrap(client().GET(QUOTA_PATH));
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('never retries a POST unless the call opts in', async () => {
    mock.use('CreateSpace', () => ({ status: 503, body: { code: 13000201, msg: 'inner server invoke failure' } }));
    const create = (options = {}) =>
      client().POST('/koodrive/ose/v1/space/{ownerId}', {
        params: { path: { ownerId: '1505084218764547299' } },
        body: { capacity: '10', type: 1 },
        ...options,
      });
    const { error } = await create();
    expect(error?.status).toBe(503);
    expect(mock.requests).toHaveLength(1);
    mock.reset();
    mock.use('CreateSpace', () => ({ status: 503, body: { code: 13000201, msg: 'inner server invoke failure' } }));
    await create({ retry: { nonIdempotent: true } });
    expect(mock.requests.map((request) => [request.method, request.status])).toEqual([
      ['POST', 503],
      ['POST', 503],
      ['POST', 503],
    ]);
  });

  it('retries a POST the spec marks idempotent (GetSpaceUsageByUser, a read)', async () => {
    let calls = 0;
    mock.use('GetSpaceUsageByUser', () =>
      ++calls === 1
        ? { status: 502, body: { code: 13000201, msg: 'bad gateway' } }
        : { body: { code: 0, msg: 'success', data: [], total: 0 } },
    );
    const { error } = await client().POST('/koodrive/ose/v1/space/usage/user', { body: { limit: 10, offset: 0 } });
    expect(error).toBeUndefined();
    expect(mock.requests.map((request) => request.status)).toEqual([502, 200]);
  });
});

describe('timeouts and cancellation', () => {
  const hang = () => mock.use('GetSpaceUsageByQuota', () => new Promise(() => {}));

  it('times out each attempt on its own timer, retries, then throws KooDriveTimeoutError', async () => {
    hang();
    const started = performance.now();
    const failure = await client({ timeout: 100, retry: { ...FAST_RETRY, maxRetries: 1 } })
      .GET(QUOTA_PATH)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KooDriveTimeoutError);
    expect(failure).toMatchObject({ attempts: 2, timeoutMs: 100 });
    expect((failure as Error).message).toMatch(
      /^GetSpaceUsageByQuota timed out from 127\.0\.0\.1:\d+ after 2 attempts: no answer within 100 ms per attempt/,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(mock.requests).toHaveLength(2);
  });

  it('takes a per-request timeout over the client’s', async () => {
    hang();
    const failure = await client({ timeout: 60_000, retry: false })
      .GET(QUOTA_PATH, { timeout: 50 })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'KooDriveTimeoutError', timeoutMs: 50 });
  });

  it('stops at once when the caller aborts, with no further attempt', async () => {
    hang();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const failure = await client({ timeout: 10_000 })
      .GET(QUOTA_PATH, { signal: controller.signal })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KooDriveAbortError);
    expect(mock.requests).toHaveLength(1);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    failFirst(10, 503);
    const controller = new AbortController();
    const pending = client({ retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } })
      .GET(QUOTA_PATH, { signal: controller.signal })
      .catch((error: unknown) => error);
    await vi.waitFor(() => expect(mock.requests).toHaveLength(1));
    controller.abort();
    expect(await pending).toBeInstanceOf(KooDriveAbortError);
  });
});

describe('connection failures', () => {
  it('are retried, then thrown as KooDriveConnectionError with the attempt count', async () => {
    const failure = await client({ baseUrl: 'http://127.0.0.1:9' })
      .GET(QUOTA_PATH)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KooDriveConnectionError);
    expect(failure).not.toBeInstanceOf(KooDriveTimeoutError);
    expect(failure).toMatchObject({ attempts: 3 });
  });
});

describe('logging', () => {
  it('reports each attempt with method, path, status, duration, attempt and trace id, and redacts Authorization', async () => {
    failFirst(1, 503);
    const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
    const record = (level: string) => (message: string, fields: Record<string, unknown>) =>
      lines.push({ level, message, fields });
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const { traceId } = await client({ logger }).GET(QUOTA_PATH);

    const attempts = lines.filter((line) => line.message.startsWith('koodrive attempt'));
    expect(attempts.map(({ level, fields }) => [level, fields.attempt, fields.status, fields.willRetry])).toEqual([
      ['warn', 1, 503, true],
      ['debug', 2, 200, false],
    ]);
    for (const { fields } of attempts) {
      expect(fields).toMatchObject({ operationId: 'GetSpaceUsageByQuota', method: 'GET', path: QUOTA_PATH, traceId });
      expect(typeof fields.durationMs).toBe('number');
    }
    const sends = lines.filter((line) => line.message === 'koodrive send');
    expect(sends).toHaveLength(2);
    expect(sends[0]?.fields.headers).toMatchObject({ authorization: '[redacted]', 'x-traceid': traceId });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it('is silent by default', async () => {
    const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((level) => vi.spyOn(console, level));
    await client().GET(QUOTA_PATH);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    for (const spy of spies) spy.mockRestore();
  });
});

describe('the raw response', () => {
  it('comes with every result, with the trace id', async () => {
    const { response, traceId, data } = await client().GET(QUOTA_PATH);
    expect(data?.code).toBe(0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(traceId).toHaveLength(58);
  });
});
