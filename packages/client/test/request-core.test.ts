/**
 * The request core, exact on the wire: path parameters stay in their segment, int64 bodies go out
 * with all their digits, failures after sending are not "could not be built", each attempt's fetch
 * gets its own signal, clock skew is corrected once for concurrent calls, and retry facts have one
 * source. Each test failed on the client before the rebuild.
 */

import { EventEmitter } from 'node:events';
import { makeMockState, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { operationIndex } from '@koodrive/types';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createKooDriveClient,
  KooDriveAbortError,
  KooDriveApiError,
  KooDriveConnectionError,
  KooDriveError,
  KooDriveTimeoutError,
  KooDriveValidationError,
  unwrap,
} from '../src/index.js';
import { TOKEN, USER_ID } from './helpers.js';

const BASE = 'https://intl.myhuaweicloud-koodrive.com';
const ok = () => Response.json({ code: 0, msg: 'success' });

function stubbedClient(fetch: (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>, extra = {}) {
  return createKooDriveClient({
    userId: USER_ID,
    auth: { type: 'token', token: TOKEN },
    fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...extra,
  });
}

describe('path parameters', () => {
  it('refuse ".", ".." and empty values before anything is sent', async () => {
    const fetch = vi.fn(async () => ok());
    const kd = stubbedClient(fetch);
    for (const ownerId of ['..', '.', '']) {
      await expect(
        kd.DELETE('/koodrive/ose/v1/space/{ownerId}', { params: { path: { ownerId }, query: { type: 1 } } }),
      ).rejects.toThrow(KooDriveValidationError);
    }
    await expect(
      kd.DELETE('/koodrive/ose/v1/space/{ownerId}', { params: { path: { ownerId: '..' }, query: { type: 1 } } }),
    ).rejects.toThrow('path ownerId: must not be ".." (it would change the route)');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never turn the path into another operation’s literal route', async () => {
    const fetch = vi.fn(async () => ok());
    const kd = stubbedClient(fetch);
    await expect(kd.GET('/koodrive/ose/v1/{job_id}', { params: { path: { job_id: 'jobs' } } })).rejects.toThrow(
      'path job_id: must not be "jobs" (the path would be the route of GetJobList: GET /koodrive/ose/v1/jobs)',
    );
    await expect(kd.GET('/koodrive/ose/v1/{job_id}', { params: { path: { job_id: 'cancel' } } })).rejects.toThrow(
      'CancelJob',
    );
    expect(fetch).not.toHaveBeenCalled();
    await kd.GET('/koodrive/ose/v1/{job_id}', { params: { path: { job_id: 'job-1' } } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never leave their segment: the sent path always matches the template', async () => {
    const sent: string[] = [];
    const kd = stubbedClient(async (request) => {
      sent.push(new URL(request.url).pathname);
      return Response.json({ code: 0, msg: 'success', data: {} });
    });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1 }).filter((value) => value !== '.' && value !== '..'),
        async (ownerId) => {
          sent.length = 0;
          await kd.GET('/koodrive/ose/v1/space/{ownerId}', { params: { path: { ownerId }, query: { type: '1' } } });
          const segments = (sent[0] ?? '').split('/');
          expect(segments.slice(0, -1)).toEqual(['', 'koodrive', 'ose', 'v1', 'space']);
          expect(decodeURIComponent(segments.at(-1) ?? '')).toBe(ownerId);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('int64 in request bodies', () => {
  let mock: RunningMockKooDrive;
  beforeAll(async () => {
    mock = await startMockKooDrive({ tokens: [TOKEN], state: makeMockState() });
  });
  afterAll(() => mock.close());

  it('sends a bigint as a JSON number with all its digits', async () => {
    const kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'token', token: TOKEN } });
    await unwrap(
      kd.POST('/koodrive/ose/v1/space/group', {
        body: { name: 'big', addGroupUsers: [{ userId: '1505084218764547200', template: 9007199254740993n }] },
      }),
    );
    expect(mock.requests.at(-1)?.bodyText).toContain('"template":9007199254740993');
  });

  it('round-trips arbitrary int64 values through the mock exactly', async () => {
    const kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'token', token: TOKEN } });
    let seen: unknown;
    mock.use('CreateGroupSpace', ({ body }) => {
      seen = (body as { addGroupUsers: { template: unknown }[] }).addGroupUsers[0]?.template;
      return { body: { code: 0, msg: 'success', failedList: [], echoed: seen } };
    });
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), async (template) => {
        const { data } = await kd.POST('/koodrive/ose/v1/space/group', {
          body: { name: 'g', addGroupUsers: [{ userId: '1', template }] },
        });
        const exact = Number.isSafeInteger(Number(template)) ? Number(template) : template;
        expect(seen).toEqual(exact);
        expect((data as { echoed?: unknown }).echoed).toEqual(exact);
      }),
      { numRuns: 100 },
    );
    mock.reset();
  });
});

describe('a body JSON cannot write', () => {
  it('is a validation error, before anything is sent', async () => {
    const fetch = vi.fn(async () => ok());
    const kd = stubbedClient(fetch);
    const cyclic: Record<string, unknown> = { name: 'g', addGroupUsers: [] };
    cyclic.self = cyclic;
    await expect(kd.POST('/koodrive/ose/v1/space/group', { body: cyclic as never })).rejects.toThrow(
      KooDriveValidationError,
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('failures after the request was sent', () => {
  const brokenBody = () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"code":0,'));
          controller.error(new TypeError('terminated'));
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );

  it('a body that breaks mid-read is a connection failure, retried when the call is safe to repeat', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(brokenBody()).mockResolvedValueOnce(ok());
    const kd = stubbedClient(fetch);
    const { data } = await kd.GET('/koodrive/ose/v1/space/usage/quota');
    expect(data).toEqual({ code: 0, msg: 'success' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('and after the last attempt it is a KooDriveConnectionError, not a validation error', async () => {
    const kd = stubbedClient(async () => brokenBody(), { retry: false });
    const error = await kd.GET('/koodrive/ose/v1/space/usage/quota').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KooDriveConnectionError);
    expect(error).not.toBeInstanceOf(KooDriveValidationError);
    expect(String(error)).toContain('the connection closed before the answer was complete');
  });

  it('a middleware whose onResponse throws fails the call as sent, not as "could not be built"', async () => {
    const fetch = vi.fn(async () => ok());
    const kd = stubbedClient(fetch);
    kd.use({
      onResponse() {
        throw new Error('my middleware broke');
      },
    });
    const error = await kd.GET('/koodrive/ose/v1/space/usage/quota').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KooDriveError);
    expect(error).not.toBeInstanceOf(KooDriveValidationError);
    expect(String(error)).toContain('failed after the request was sent: my middleware broke');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("each attempt's signal", () => {
  it('reaches fetch even when a middleware replaces the request, so a timeout stops it', async () => {
    const signals: AbortSignal[] = [];
    const kd = stubbedClient(
      (_request, init) =>
        new Promise((_, reject) => {
          if (init?.signal) signals.push(init.signal);
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
      { retry: false, timeout: 30 },
    );
    kd.use({ onRequest: ({ request }) => new Request(request, { headers: request.headers }) });
    await expect(kd.GET('/koodrive/ose/v1/space/usage/quota')).rejects.toThrow(KooDriveTimeoutError);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });
});

describe('with the platform’s fetch', () => {
  const APP = { appId: 'planned-app', appSecret: 'planned-secret' };
  let mock: RunningMockKooDrive;
  beforeAll(async () => {
    mock = await startMockKooDrive({ apps: { [APP.appId]: APP.appSecret }, state: makeMockState() });
  });
  afterAll(() => mock.close());
  afterEach(() => vi.unstubAllGlobals());

  /** globalThis.fetch, recording what each attempt handed it; the first attempt is answered 503. */
  function recordingFetch() {
    const real = globalThis.fetch;
    const calls: { input: unknown; init?: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ input, ...(init ? { init } : {}) });
      if (calls.length === 1) return new Response('busy', { status: 503, headers: { 'retry-after': '0' } });
      return real(input, init);
    });
    return calls;
  }

  const createGroup = { name: 'planned', addGroupUsers: [{ userId: '1', template: 9007199254740993n }] };

  it('builds no Request of its own: each attempt hands fetch the URL, the signed body bytes and its own signal', async () => {
    const calls = recordingFetch();
    const kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'app', ...APP } });
    const { data, error } = await kd.POST('/koodrive/ose/v1/space/group', {
      body: createGroup,
      retry: { nonIdempotent: true, baseDelayMs: 1, maxDelayMs: 2 },
    });
    expect(error).toBeUndefined();
    expect(data?.code).toBe(0);
    expect(calls).toHaveLength(2);
    for (const { input, init } of calls) {
      expect(typeof input).toBe('string');
      expect(new TextDecoder().decode(init?.body as Uint8Array)).toContain('"template":9007199254740993');
      expect(init?.signal).toBeInstanceOf(AbortSignal);
    }
    expect(calls[0]?.init?.signal).not.toBe(calls[1]?.init?.signal);
    // The mock checked the second attempt's signature over those bytes.
    expect(mock.requests.at(-1)?.status).toBe(200);
  });

  it('still gives kd.use() middleware a Request it can read and replace', async () => {
    const calls = recordingFetch();
    const kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'app', ...APP } });
    const bodies: string[] = [];
    kd.use({
      async onRequest({ request }) {
        bodies.push(await request.clone().text());
        return new Request(request);
      },
    });
    await unwrap(
      kd.POST('/koodrive/ose/v1/space/group', {
        body: createGroup,
        retry: { nonIdempotent: true, baseDelayMs: 1, maxDelayMs: 2 },
      }),
    );
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('"template":9007199254740993');
    expect(calls.map(({ input }) => input instanceof Request)).toEqual([true, true]);
  });
});

describe('clock skew', () => {
  const APP = { appId: 'skew-app', appSecret: 'skew-secret' };
  let mock: RunningMockKooDrive;
  beforeAll(async () => {
    mock = await startMockKooDrive({ apps: { [APP.appId]: APP.appSecret }, state: makeMockState() });
  });
  afterAll(() => mock.close());

  it('is corrected for every one of several concurrent calls', async () => {
    const hourBehind = () => new Date(Date.now() - 60 * 60 * 1000);
    const kd = createKooDriveClient({
      baseUrl: mock.url,
      userId: USER_ID,
      auth: { type: 'app', ...APP },
      clock: hourBehind,
      retry: false,
    });
    const calls = Array.from({ length: 3 }, () => kd.GET('/koodrive/ose/v1/space/usage/quota'));
    const results = await Promise.all(calls);
    expect(results.map((result) => result.error?.message)).toEqual([undefined, undefined, undefined]);
    // Later calls sign with the corrected clock at once.
    mock.reset();
    await unwrap(kd.GET('/koodrive/ose/v1/space/usage/quota'));
    expect(mock.requests.map((request) => request.status)).toEqual([200]);
  });
});

describe('retry facts', () => {
  const failing = () => vi.fn(async () => new Response('busy', { status: 503 }));

  it('come from the spec for every operation: GETs and reads marked idempotent are safe', () => {
    for (const operation of Object.values(operationIndex)) {
      if (operation.method === 'GET') expect(operation.idempotent).toBe(true);
    }
    expect(operationIndex.GetSpaceUsageByUser.idempotent).toBe(true);
    expect(operationIndex.CreateSpace.idempotent).toBe(false);
  });

  it('a call may turn retries back on over a client-level `retry: false`', async () => {
    const fetch = failing();
    const kd = stubbedClient(fetch, { retry: false });
    await kd.GET('/koodrive/ose/v1/space/usage/quota');
    expect(fetch).toHaveBeenCalledTimes(1);
    await kd.GET('/koodrive/ose/v1/space/usage/quota', { retry: { maxRetries: 2, baseDelayMs: 1 } });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('retry a POST only for the call that opts in', async () => {
    const fetch = failing();
    const kd = stubbedClient(fetch);
    const body = { name: 'g', addGroupUsers: [] };
    await kd.POST('/koodrive/ose/v1/space/group', { body });
    expect(fetch).toHaveBeenCalledTimes(1);
    await kd.POST('/koodrive/ose/v1/space/group', { body, retry: { nonIdempotent: true } });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('a shouldRetry hook decides over the default, and is told what happened', async () => {
    const fetch = vi.fn(async () => Response.json({ code: 13000201, msg: 'inner failure' }, { status: 400 }));
    const shouldRetry = vi.fn((context: { status?: number }) => context.status === 400);
    const kd = stubbedClient(fetch, { retry: { maxRetries: 1, baseDelayMs: 1, shouldRetry } });
    const { error } = await kd.GET('/koodrive/ose/v1/space/usage/quota');
    expect(error).toBeInstanceOf(KooDriveApiError);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(shouldRetry).toHaveBeenCalledWith(
      expect.objectContaining({ operationId: 'GetSpaceUsageByQuota', attempt: 1, status: 400, retryable: false }),
    );
  });
});

describe('auth chosen per operation', () => {
  it('fails before sending when the client holds no credential the operation accepts', async () => {
    const fetch = vi.fn(async () => ok());
    const kd = stubbedClient(fetch);
    await expect(kd.GET('/koodrive/ose/v2/space/{owner_id}', { params: { path: { owner_id: '1' } } })).rejects.toThrow(
      'GetSpaceV2: auth: this operation accepts an app-level token (auth.appToken), or an app signature (auth.app); the client has a user access token (auth.user)',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the credential each operation accepts, from several', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success', data: [] }));
    const kd = createKooDriveClient({
      baseUrl: BASE,
      userId: USER_ID,
      auth: { user: 'user-token', appToken: 'app-token' },
      fetch,
    });
    await kd.GET('/koodrive/ose/v1/space/usage/quota');
    await kd.GET('/koodrive/ose/v2/space/{owner_id}', { params: { path: { owner_id: '1' } } });
    expect(fetch.mock.calls.map(([request]) => request.headers.get('authorization'))).toEqual([
      'Bearer user-token',
      'Bearer app-token',
    ]);
  });

  it('sends no Authorization to an operation that takes none', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    const kd = stubbedClient(fetch);
    const noAuth = Object.values(operationIndex).find((operation) =>
      operation.security.some((alternative) => alternative.length === 0),
    );
    expect(noAuth).toBeDefined();
    await kd.request({ id: 'none', method: 'GET', path: '/koodrive/ose/v1/none', safe: true, security: [[]] });
    expect(fetch.mock.calls[0]?.[0].headers.has('authorization')).toBe(false);
  });
});

describe('failures that explain themselves', () => {
  it('a connection failure names the host and port, the reason and the attempts', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const kd = createKooDriveClient({
      baseUrl: `http://127.0.0.1:${port}`,
      userId: USER_ID,
      auth: { type: 'token', token: TOKEN },
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await kd.GET('/koodrive/ose/v1/space/usage/quota').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KooDriveConnectionError);
    expect(error).toMatchObject({ host: `127.0.0.1:${port}`, code: 'ECONNREFUSED', attempts: 3 });
    expect(String(error)).toContain(
      `GetSpaceUsageByQuota got no answer from 127.0.0.1:${port} after 3 attempts: connection refused (ECONNREFUSED)`,
    );
  });

  it('a failure body that is not KooDrive JSON is kept whole on the error, an excerpt in the message', async () => {
    const problem = { type: 'about:blank', title: 'Bad Gateway', detail: `upstream said: ${'x'.repeat(400)} the end` };
    const kd = stubbedClient(async () => Response.json(problem, { status: 502 }), { retry: false });
    const { error } = await kd.GET('/koodrive/ose/v1/space/usage/quota');
    expect(error?.body).toBe(JSON.stringify(problem));
    expect(error?.body).toContain('the end');
    expect(error?.message.length).toBeLessThan(400);
  });
});

describe("the caller's AbortSignal", () => {
  it('ends a call at once even while its credential is still refreshing', async () => {
    const fetch = vi.fn(async () => ok());
    const slowRefresh = {
      scheme: 'kooDriveToken',
      authorize: () => new Promise<string>((resolve) => setTimeout(() => resolve('Bearer late'), 1_000)),
    };
    const kd = createKooDriveClient({ userId: USER_ID, auth: slowRefresh, fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    await expect(kd.GET('/koodrive/ose/v1/space/usage/quota', { signal: controller.signal })).rejects.toThrow(
      KooDriveAbortError,
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gets one listener however many calls share it, and none once they are done', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const shared = new AbortController();
    let inFlight: (() => void)[] = [];
    const kd = stubbedClient(
      () =>
        new Promise<Response>((resolve) => {
          inFlight.push(() => resolve(ok()));
        }),
    );
    const calls = Array.from({ length: 250 }, () =>
      kd.GET('/koodrive/ose/v1/space/usage/quota', { signal: shared.signal }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inFlight).toHaveLength(250);
    expect(EventEmitter.getEventListeners(shared.signal, 'abort').length).toBe(1);
    for (const finish of inFlight) finish();
    inFlight = [];
    await Promise.all(calls);
    expect(EventEmitter.getEventListeners(shared.signal, 'abort')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('warning', onWarning);
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });
});
