/**
 * @koodrive/testing's MSW handlers in a real service worker (MSW's mockServiceWorker.js) in headless
 * Chromium, answering @koodrive/client in the page with the same checks as the HTTP mock.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.ts';
import { buildPages, servePages } from './harness/page-server.ts';
import type { MswPageScenarios, MswSetup } from './page/msw-page.ts';

const setup: MswSetup = {
  userId: '1505084218764547200',
  token: 'msw-token',
  app: { appId: 'msw-app', appSecret: 'msw-secret' },
  rows: 7,
};
const KOODRIVE = 'https://intl.myhuaweicloud-koodrive.com';

let browser: Browser;
let pages: Awaited<ReturnType<typeof servePages>>;
let page: Page;
const koodriveResponses: { url: string; fromServiceWorker: boolean; status: number }[] = [];
const pageErrors: string[] = [];

function run<Name extends keyof MswPageScenarios>(name: Name): Promise<Awaited<ReturnType<MswPageScenarios[Name]>>> {
  return page.evaluate(
    ([scenario, arg]) =>
      (globalThis as unknown as { scenarios: Record<string, (a: unknown) => unknown> }).scenarios[scenario]?.(arg),
    [name, setup] as const,
  ) as never;
}

beforeAll(async () => {
  const [launched, bundle] = await Promise.all([launchChromium(), buildPages()]);
  browser = launched;
  pages = await servePages(bundle);
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    if (response.url().startsWith(KOODRIVE))
      koodriveResponses.push({
        url: response.url(),
        fromServiceWorker: response.fromServiceWorker(),
        status: response.status(),
      });
  });
  await page.goto(`${pages.origin}/msw.html`);
  await page.waitForFunction(() => 'scenarios' in globalThis);
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

describe('the MSW handlers in a service worker', () => {
  it('start MSW’s worker, which then controls the page', async () => {
    expect(await run('start')).toEqual({ controlled: true, baseUrl: KOODRIVE });
    const workers = page.context().serviceWorkers();
    expect(workers.map((worker) => new URL(worker.url()).pathname)).toEqual(['/mockServiceWorker.js']);
  });

  it('answer token and app-signed calls, and refuse what the HTTP mock refuses', async () => {
    const result = await run('calls');
    expect(result.tokenRows).toBe(3);
    expect(result.appRows).toBe(7);
    // A wrong AppSecret: the signature the in-page mock verifies with Web Crypto does not match.
    expect(result.refused).toMatchObject({ status: 401, msg: expect.stringContaining('authentication failed') });
    // The spec's schemas, checked with ajv in the page.
    expect(result.invalid).toEqual({
      status: 400,
      body: { code: 13000102, msg: 'parameter validation failed: query limit must be integer' },
    });
    expect(result.statuses).toEqual([200, 200, 200, 200, 401, 400]);
    expect(result.authorizations).toEqual([
      'Bearer',
      'HMAC-SHA256',
      'HMAC-SHA256',
      'HMAC-SHA256',
      'HMAC-SHA256',
      'Bearer',
    ]);
  });

  it('answered every KooDrive call from the service worker, none from the network', () => {
    expect(koodriveResponses).toHaveLength(6);
    for (const response of koodriveResponses) expect(response.fromServiceWorker).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
