import { openapiDocument } from '@koodrive/types/openapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createCorsPolicy,
  isLoopbackOrigin,
  type MockLogEntry,
  makeSpaceQuotaUsageList,
  normalizeOrigin,
  type RunningMockKooDrive,
  startMockKooDrive,
} from '../src/index.js';
import { goodHeaders, QUOTA_PATH, TOKEN } from './helpers.js';

const PAGE = 'http://localhost:5173';
const KOODRIVE_HEADERS = [
  'authorization',
  'x-user-id',
  'x-date',
  'x-traceid',
  'language',
  'content-type',
  'x-hw-share-folder-id',
];

const preflightRequest = (origin: string, requestHeaders = KOODRIVE_HEADERS.join(','), method = 'GET') =>
  new Request(`http://127.0.0.1:4010${QUOTA_PATH}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders },
  });

const listed = (value: string | null) => (value ?? '').split(',').map((name) => name.trim().toLowerCase());

/** Every header a parameter of the bundled spec declares, read here independently of cors.ts. */
function specHeaderNames(): string[] {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.in === 'header' && typeof record.name === 'string') names.add(record.name.toLowerCase());
      Object.values(record).forEach(visit);
    }
  };
  visit(openapiDocument);
  return [...names];
}

describe('createCorsPolicy', () => {
  it('answers a preflight from a loopback origin with every KooDrive header, by default', () => {
    const answer = createCorsPolicy().preflight(preflightRequest(PAGE));
    expect(answer?.status).toBe(204);
    expect(answer?.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(listed(answer?.headers.get('access-control-allow-methods') ?? '')).toEqual(['get', 'post', 'put', 'delete']);
    expect(listed(answer?.headers.get('access-control-allow-headers') ?? '')).toEqual(
      expect.arrayContaining(KOODRIVE_HEADERS),
    );
    expect(answer?.headers.get('vary')).toBe('Origin');
  });

  it('allows every header a parameter of the spec declares, except Host, which a page cannot set', () => {
    const allowed = listed(
      createCorsPolicy().preflight(preflightRequest(PAGE))?.headers.get('access-control-allow-headers') ?? '',
    );
    const declared = specHeaderNames();
    expect(declared).toEqual(expect.arrayContaining(['x-user-id', 'x-date', 'host']));
    expect(allowed).toEqual(expect.arrayContaining(declared.filter((name) => name !== 'host')));
    expect(allowed).not.toContain('host');
  });

  it.each([
    'http://localhost:5173',
    'http://127.0.0.1:8080',
    'http://127.3.2.1',
    'https://localhost',
    'http://[::1]:3000',
  ])('takes %s for a loopback origin', (origin) => {
    expect(isLoopbackOrigin(origin)).toBe(true);
    expect(createCorsPolicy().preflight(preflightRequest(origin))?.status).toBe(204);
  });

  it.each(['https://example.com', 'http://localhost.example.com', 'http://192.168.1.10:5173', 'null', 'file://'])(
    'refuses %s by default, with a body naming it and no Allow-Origin',
    async (origin) => {
      expect(isLoopbackOrigin(origin)).toBe(false);
      const answer = createCorsPolicy().preflight(preflightRequest(origin));
      expect(answer?.status).toBe(403);
      expect(answer?.headers.has('access-control-allow-origin')).toBe(false);
      expect(((await answer?.json()) as { msg?: string } | undefined)?.msg).toContain(
        `origin ${origin} is not allowed`,
      );
    },
  );

  it('allows exactly the origins it is given, and any with *', () => {
    const listedOnly = createCorsPolicy({ origins: ['https://app.example.com/'] });
    expect(listedOnly.preflight(preflightRequest('https://app.example.com'))?.status).toBe(204);
    expect(listedOnly.preflight(preflightRequest(PAGE))?.status).toBe(403);
    expect(createCorsPolicy({ origins: '*' }).preflight(preflightRequest('https://example.com'))?.status).toBe(204);
    const byFunction = createCorsPolicy({ origins: (origin) => origin.endsWith('.test') });
    expect(byFunction.preflight(preflightRequest('http://app.test'))?.status).toBe(204);
  });

  it('leaves requests that are not preflights to the mock', () => {
    const cors = createCorsPolicy();
    expect(cors.preflight(new Request('http://127.0.0.1/x', { method: 'OPTIONS' }))).toBeUndefined();
    expect(cors.preflight(new Request('http://127.0.0.1/x', { headers: { origin: PAGE } }))).toBeUndefined();
  });

  it('exposes Date and Retry-After to an allowed origin, and nothing to another', () => {
    const cors = createCorsPolicy();
    const fromPage = cors.responseHeaders(new Request('http://127.0.0.1/x', { headers: { origin: PAGE } }));
    expect(fromPage['access-control-allow-origin']).toBe(PAGE);
    expect(listed(fromPage['access-control-expose-headers'] ?? '')).toEqual(
      expect.arrayContaining(['date', 'retry-after']),
    );
    const fromElsewhere = cors.responseHeaders(
      new Request('http://127.0.0.1/x', { headers: { origin: 'https://example.com' } }),
    );
    expect(fromElsewhere).toEqual({ vary: 'Origin' });
  });

  it('answers Private Network Access preflights from allowed origins', () => {
    const request = preflightRequest(PAGE);
    request.headers.set('access-control-request-private-network', 'true');
    expect(createCorsPolicy().preflight(request)?.headers.get('access-control-allow-private-network')).toBe('true');
  });

  it('refuses settings that are not bare origins, naming the value', () => {
    expect(normalizeOrigin('http://LOCALHOST:5173/')).toBe('http://localhost:5173');
    for (const bad of ['localhost:5173', 'http://localhost:5173/app', 'ftp://localhost', '*.example.com'])
      expect(() => createCorsPolicy({ origins: [bad] })).toThrow(JSON.stringify(bad));
  });
});

describe('CORS in the mock KooDrive over HTTP', () => {
  let mock: RunningMockKooDrive;
  const log: MockLogEntry[] = [];
  beforeAll(async () => {
    mock = await startMockKooDrive({
      tokens: [TOKEN],
      state: { spaceQuotaUsage: makeSpaceQuotaUsageList(3) },
      log: (entry) => log.push(entry),
    });
  });
  afterEach(() => {
    mock.reset();
    log.length = 0;
  });
  afterAll(() => mock.close());

  it('answers a preflight before the routes: not recorded as a KooDrive request, but logged', async () => {
    const response = await fetch(`${mock.url}${QUOTA_PATH}?limit=2`, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-date' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(mock.requests).toHaveLength(0);
    expect(log).toEqual([
      expect.objectContaining({
        method: 'OPTIONS',
        preflight: true,
        origin: PAGE,
        status: 204,
        path: `${QUOTA_PATH}?limit=2`,
      }),
    ]);
  });

  it('adds Allow-Origin and Expose-Headers to the answers of cross-origin calls, errors included', async () => {
    const ok = await fetch(`${mock.url}${QUOTA_PATH}`, { headers: { ...goodHeaders(), origin: PAGE } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(listed(ok.headers.get('access-control-expose-headers'))).toEqual(
      expect.arrayContaining(['date', 'retry-after']),
    );
    const refused = await fetch(`${mock.url}${QUOTA_PATH}`, {
      headers: { ...goodHeaders({ authorization: undefined }), origin: PAGE },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE);
  });

  it('can be turned off', async () => {
    const closed = await startMockKooDrive({ cors: false });
    try {
      const response = await fetch(`${closed.url}${QUOTA_PATH}`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'GET' },
      });
      expect(response.status).toBe(405);
      expect(response.headers.has('access-control-allow-origin')).toBe(false);
    } finally {
      await closed.close();
    }
  });
});
