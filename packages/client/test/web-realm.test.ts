/**
 * The client as a browser runs it: bundled by esbuild for the browser platform, and evaluated in a
 * VM context that has the Web APIs a page has (fetch, URL, AbortController, TextEncoder, Web Crypto,
 * timers, localStorage) and nothing of Node (no process, require or Buffer). No browser runs in CI;
 * this is the part of one that the client depends on: against the mock KooDrive on loopback, and
 * against @koodrive/testing's MSW handlers bundled into the same page.
 */
import { createContext, runInContext } from 'node:vm';
import { makeMockState, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as AppSignature from '../src/app-signature.js';
import type * as Index from '../src/index.js';

type Client = typeof Index & typeof AppSignature;

import { QUOTA_PATH, TOKEN, USER_ID } from './helpers.js';

const APP = { appId: 'web-app', appSecret: 'web-secret' };

const source = (path: string) => new URL(path, import.meta.url).pathname;

/** A browser bundle of `contents`, whose bare imports resolve from `resolveDir`, exported as `KooDriveClient`. */
async function browserBundle(contents: string, resolveDir: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'KooDriveClient',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** A page's localStorage, in memory (MSW keeps its cookies there). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** A realm with a page's Web APIs and no Node globals; evaluates the bundle and returns its exports. */
function loadInWebRealm(bundle: string): Client {
  const web = globalThis;
  const context = createContext({
    localStorage: memoryStorage(),
    fetch: web.fetch,
    Request: web.Request,
    Response: web.Response,
    Headers: web.Headers,
    FormData: web.FormData,
    Blob: web.Blob,
    URL: web.URL,
    URLSearchParams: web.URLSearchParams,
    AbortController: web.AbortController,
    AbortSignal: web.AbortSignal,
    DOMException: web.DOMException,
    TextEncoder: web.TextEncoder,
    TextDecoder: web.TextDecoder,
    crypto: web.crypto,
    setTimeout: web.setTimeout,
    clearTimeout: web.clearTimeout,
    performance: web.performance,
    console: web.console,
  });
  return runInContext(`${bundle}\nKooDriveClient;`, context) as Client;
}

describe('in a realm with only Web APIs (as in a browser)', () => {
  let bundle: string;
  let client: Client;
  let mock: RunningMockKooDrive;

  beforeAll(async () => {
    bundle = await browserBundle(
      `export * from '${source('../src/index.ts')}'; export * from '${source('../src/app-signature.ts')}';`,
      source('.'),
    );
    client = loadInWebRealm(bundle);
    mock = await startMockKooDrive({
      tokens: [TOKEN],
      apps: { [APP.appId]: APP.appSecret },
      state: makeMockState({ quotas: 10 }),
    });
  });
  afterAll(() => mock.close());

  it('bundles for the browser without a Node module', () => {
    expect(bundle).not.toMatch(/\brequire\(|from ?["']node:|import\(["']node:/);
    expect(bundle.length).toBeGreaterThan(10_000);
  });

  it('signs with Web Crypto, since there is no node:crypto', () => {
    expect(client.createAppSigner(APP).cryptoKind).toBe('webcrypto');
  });

  it('calls KooDrive with a token', async () => {
    const kd = client.createKooDriveClient({
      baseUrl: mock.url,
      userId: USER_ID,
      auth: { type: 'token', token: TOKEN },
    });
    const { data, error } = await kd.GET(QUOTA_PATH, { params: { query: { limit: 3 } } });
    expect(error).toBeUndefined();
    expect(data?.data).toHaveLength(3);
  });

  it('signs requests, bodies included, that the mock verifies', async () => {
    const kd = client.createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'app', ...APP } });
    const page = await client.unwrap(kd.GET(QUOTA_PATH, { params: { query: { limit: 2, offset: 1 } } }));
    expect(page.data).toHaveLength(2);
    const created = await client.unwrap(
      kd.POST('/koodrive/ose/v1/space/{ownerId}', {
        params: { path: { ownerId: '1505084218764547299' } },
        body: { capacity: '10', type: 1 },
      }),
    );
    expect(created.data?.ownerId).toBe('1505084218764547299');
    expect(mock.requests.every(({ status }) => status === 200)).toBe(true);
  });

  it('stops at the caller abort and names it', async () => {
    const kd = client.createKooDriveClient({
      baseUrl: mock.url,
      userId: USER_ID,
      auth: { type: 'token', token: TOKEN },
    });
    const outcome = await kd.GET(QUOTA_PATH, { signal: AbortSignal.abort() }).catch((error: Error) => error);
    expect(outcome).toBeInstanceOf(client.KooDriveAbortError);
  });
});

describe('with the MSW handlers of @koodrive/testing, all in a realm with only Web APIs', () => {
  // What a browser test does with MSW: the client's requests are answered in the page by the mock,
  // whose checks (the spec's schemas with ajv, app signatures with Web Crypto) run there too.
  type Realm = Client & {
    getResponse(handlers: unknown[], request: Request): Promise<Response | undefined>;
    createKooDriveHandlers(options: object): { handlers: unknown[]; mock: { requests: { status: number }[] } };
    makeSpaceQuotaUsageList(count: number): object[];
  };
  let realm: Realm;

  beforeAll(async () => {
    const testing = source('../../testing/');
    const entry = [
      "export { getResponse } from 'msw';",
      `export { createKooDriveHandlers } from '${testing}src/msw/handlers.ts';`,
      `export { makeSpaceQuotaUsageList } from '${testing}src/factories/space-quota-usage.ts';`,
      `export * from '${source('../src/index.ts')}';`,
    ].join('\n');
    realm = loadInWebRealm(await browserBundle(entry, testing)) as Realm;
  });

  it('answers app-signed calls the in-page mock verifies, and checks requests against the spec', async () => {
    const { handlers, mock } = realm.createKooDriveHandlers({
      apps: { [APP.appId]: APP.appSecret },
      state: { spaceQuotaUsage: realm.makeSpaceQuotaUsageList(7) },
    });
    const kd = realm.createKooDriveClient({
      userId: USER_ID,
      auth: { type: 'app', ...APP },
      fetch: async (request) => (await realm.getResponse(handlers, request)) ?? new Response('', { status: 404 }),
    });
    let rows = 0;
    for await (const _row of kd.paginate(QUOTA_PATH, undefined, { pageSize: 3 })) rows++;
    expect(rows).toBe(7);
    // kd.raw skips the client's own input checks, so the mock's (ajv, in the page) answer this one.
    const { response } = await kd.raw.GET(QUOTA_PATH, { params: { query: { limit: 'x' } } } as never);
    expect(response.status).toBe(400);
    expect(mock.requests.map(({ status }) => status)).toEqual([200, 200, 200, 400]);
  });
});
