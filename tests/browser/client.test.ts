/**
 * @koodrive/client in headless Chromium: a page on http://127.0.0.1:<port> (a secure context) calls
 * the mock KooDrive HTTP server on another port, so every call crosses origins, with the preflights
 * that KooDrive's headers bring. The mock checks each request against the spec and verifies each app
 * signature; the tests read what it received.
 */
import {
  type MockLogEntry,
  type MockReply,
  makeMockState,
  makeSpaceQuotaUsageList,
  type RunningMockKooDrive,
  startMockKooDrive,
} from '@koodrive/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.ts';
import { buildPages, type PageBundle, servePages } from './harness/page-server.ts';
import type { ClientPageScenarios, PageSetup } from './page/client-page.ts';

const USER_ID = '1505084218764547200';
const TOKEN = 'browser-token';
const APP = { appId: 'browser-app', appSecret: 'browser-secret' };
const ROWS = 25;

let browser: Browser;
let bundle: PageBundle;
let pages: Awaited<ReturnType<typeof servePages>>;
let mock: RunningMockKooDrive;
const mockLog: MockLogEntry[] = [];
let setup: PageSetup;

beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchChromium(), buildPages()]);
  pages = await servePages(bundle);
  mock = await startMockKooDrive({
    tokens: [TOKEN],
    apps: { [APP.appId]: APP.appSecret },
    state: makeMockState({ quotas: ROWS }),
    log: (entry) => mockLog.push(entry),
  });
  setup = { mockUrl: mock.url, userId: USER_ID, token: TOKEN, app: APP };
});
afterEach(() => {
  mock.reset();
  mockLog.length = 0;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([pages?.close(), mock?.close()]);
});

/** A fresh page (and browser context) on the client page, with a log of the URLs it fetched. */
async function openClientPage(): Promise<{ page: Page; fetched: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${pages.origin}/client.html`);
  await page.waitForFunction(() => 'scenarios' in globalThis);
  expect(problems).toEqual([]);
  return { page, fetched };
}

type ScenarioArgs<Name extends keyof ClientPageScenarios> =
  Parameters<ClientPageScenarios[Name]> extends [PageSetup, ...infer Rest] ? Rest : [];
type ScenarioResult<Name extends keyof ClientPageScenarios> = Promise<Awaited<ReturnType<ClientPageScenarios[Name]>>>;

/** Runs a scenario of the client page in the page, with `pageSetup` as its first argument. */
function runWith<Name extends keyof ClientPageScenarios>(
  page: Page,
  pageSetup: PageSetup,
  name: Name,
  ...rest: ScenarioArgs<Name>
): ScenarioResult<Name> {
  return page.evaluate(
    ([scenario, args]) =>
      (globalThis as unknown as { scenarios: Record<string, (...a: unknown[]) => unknown> }).scenarios[scenario]?.(
        ...(args as unknown[]),
      ),
    [name, [pageSetup, ...rest]] as const,
  ) as never;
}

/** Runs a scenario of the client page against the shared mock. */
const run = <Name extends keyof ClientPageScenarios>(page: Page, name: Name, ...rest: ScenarioArgs<Name>) =>
  runWith(page, setup, name, ...rest);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the client page in Chromium', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openClientPage());
  });
  afterAll(() => page.context().close());

  it('is a secure context on 127.0.0.1 with Web Crypto, and no Node globals', async () => {
    expect(await run(page, 'environment')).toEqual({
      origin: pages.origin,
      isSecureContext: true,
      hasSubtleCrypto: true,
      hasNodeProcess: false,
    });
    expect(new URL(pages.origin).port).not.toBe(new URL(mock.url).port);
  });

  it('calls with a token across origins, every managed header as KooDrive wants it, after a preflight', async () => {
    const before = Date.now();
    const result = await run(page, 'tokenCall');
    expect(result).toEqual({ rows: 3, total: ROWS, status: 200, traceId: expect.stringMatching(/^[0-9a-f]{58}$/) });

    const [request] = mock.requests;
    expect(mock.requests).toHaveLength(1);
    expect(request?.status).toBe(200);
    const headers = request?.headers ?? {};
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(headers['x-user-id']).toBe(USER_ID);
    expect(headers['x-traceid']).toBe(result.traceId);
    expect(headers.language).toBe('en-US');
    expect(headers.host).toBe(new URL(mock.url).host);
    expect(headers.origin).toBe(pages.origin);
    const xDate = headers['x-date'] ?? '';
    expect(xDate).toMatch(/^\d{8}T\d{6}Z$/);
    const sent = Date.parse(xDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(sent).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(sent).toBeLessThanOrEqual(Date.now());

    const preflight = mockLog.find((entry) => entry.preflight);
    expect(preflight).toMatchObject({ method: 'OPTIONS', origin: pages.origin, status: 204 });
  });

  it('pages through every row, a request per page', async () => {
    expect(await run(page, 'paginate', 10)).toBe(ROWS);
    const offsets = mock.requests.map(({ url }) => url.searchParams.get('offset'));
    expect(offsets).toEqual(['0', '10', '20']);
  });

  it('stops at the caller abort, at once, with a KooDriveAbortError', async () => {
    mock.use('GetSpaceUsageByQuota', async () => {
      await sleep(3_000);
      return { body: { code: 0, msg: 'success', data: [], total: 0 } };
    });
    const outcome = await run(page, 'abort', 100);
    expect(outcome).toMatchObject({ name: 'KooDriveAbortError', isAbort: true });
    expect(outcome.ms).toBeLessThan(1_500);
  });

  it('gives up after the timeout with a KooDriveTimeoutError', async () => {
    mock.use('GetSpaceUsageByQuota', async () => {
      await sleep(3_000);
      return { body: { code: 0, msg: 'success', data: [], total: 0 } };
    });
    const outcome = await run(page, 'timeout', 300);
    expect(outcome).toMatchObject({ name: 'KooDriveTimeoutError', isTimeout: true, isConnection: true, attempts: 1 });
    expect(outcome.ms).toBeGreaterThanOrEqual(290);
    expect(outcome.ms).toBeLessThan(1_500);
  });

  it('retries a 503, waiting as its Retry-After says (readable across origins)', async () => {
    let calls = 0;
    mock.use('GetSpaceUsageByQuota', (): MockReply => {
      calls++;
      if (calls === 1) return { status: 503, body: { code: 13000201, msg: 'busy' }, headers: { 'retry-after': '1' } };
      return { body: { code: 0, msg: 'success', data: makeSpaceQuotaUsageList(1), total: 1 } };
    });
    const outcome = await run(page, 'retried');
    expect(outcome.rows).toBe(1);
    expect(mock.requests.map(({ status }) => status)).toEqual([503, 200]);
    // The backoff alone is at most 5 ms: only a Retry-After the page could read waits a second.
    expect(outcome.ms).toBeGreaterThanOrEqual(950);
    const [first, second] = mock.requests;
    expect(second?.headers['x-traceid']).toBe(first?.headers['x-traceid']);
  });

  it('reports a refusal as a typed KooDriveApiError', async () => {
    expect(await run(page, 'apiError')).toEqual({
      status: expect.any(Number),
      kind: expect.any(String),
      code: 13000301,
      operationId: 'DeleteSpace',
      method: 'DELETE',
      path: '/koodrive/ose/v1/space/{ownerId}',
      traceIdMatches: true,
      message: expect.stringContaining('DeleteSpace failed'),
    });
  });
});

describe('app signatures in Chromium', () => {
  it('loads the signer chunk only when an app-auth client is created', async () => {
    expect(bundle.clientPageStaticChunks).not.toContain(bundle.signerChunk);
    const { page, fetched } = await openClientPage();
    try {
      await run(page, 'tokenCall');
      const signerUrl = `${pages.origin}${bundle.signerChunk}`;
      expect(fetched).not.toContain(signerUrl);
      const loaded = page.waitForRequest(signerUrl, { timeout: 5_000 });
      await run(page, 'createAppClient');
      await loaded;
      expect(fetched.filter((url) => url === signerUrl)).toHaveLength(1);
    } finally {
      await page.context().close();
    }
  });

  it('signs with Web Crypto, query and body included, and the mock verifies every signature', async () => {
    const { page } = await openClientPage();
    try {
      expect(await run(page, 'appCalls')).toEqual({ pageRows: 2, created: '1505084218764547299', rows: ROWS });
      expect(mock.requests.length).toBeGreaterThanOrEqual(5);
      for (const request of mock.requests) {
        expect(request.status).toBe(200);
        expect(request.headers.authorization).toMatch(
          /^HMAC-SHA256 AppId=browser-app,SignedHeaders=host;x-date;x-user-id,Signature=[0-9a-f]{64}$/,
        );
      }
    } finally {
      await page.context().close();
    }
  });

  it('corrects an hour of clock skew from the Date header, which the page may read', async () => {
    const { page } = await openClientPage();
    try {
      expect(await run(page, 'clockSkew')).toEqual({ rows: 1 });
      expect(mock.requests.map(({ status }) => status)).toEqual([401, 200]);
    } finally {
      await page.context().close();
    }
  });
});

describe('CORS as Chromium enforces it', () => {
  it('blocks a page whose origin the mock does not allow', async () => {
    const strict = await startMockKooDrive({ tokens: [TOKEN], cors: { origins: ['http://localhost:1'] } });
    const { page } = await openClientPage();
    try {
      const result = await runWith(page, { ...setup, mockUrl: strict.url }, 'tokenCall').catch(
        (error: Error) => error.message,
      );
      // The preflight is refused, so the call never reaches the mock's routes.
      expect(strict.requests).toHaveLength(0);
      expect(JSON.stringify(result)).toMatch(/KooDriveConnectionError|Failed to fetch|CORS/i);
    } finally {
      await page.context().close();
      await strict.close();
    }
  });
});
