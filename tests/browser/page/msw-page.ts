/**
 * The MSW page: a browser test suite's set-up, where @koodrive/testing's MSW handlers run in MSW's
 * service worker (mockServiceWorker.js) and answer the client in the page. The client keeps its
 * default base URL, the real KooDrive endpoint: the service worker answers before any network
 * (which the test browser has none of anyway). The mock's checks (the spec's schemas with ajv, app
 * signatures with Web Crypto) run in the page, as MSW runs handlers there.
 */
import { createKooDriveClient, KooDriveApiError, servers } from '@koodrive/client';
// The main entry's factories and fixtures bundle for a browser too (only startMockKooDrive needs Node).
import { makeSpaceQuotaUsageList } from '@koodrive/testing';
import { createKooDriveHandlers } from '@koodrive/testing/msw';
import { setupWorker } from 'msw/browser';

/** What the test tells the page: the mock's credentials and data. */
export interface MswSetup {
  userId: string;
  token: string;
  app: { appId: string; appSecret: string };
  /** How many GetSpaceUsageByQuota rows the mock holds. */
  rows: number;
}

const QUOTA = '/koodrive/ose/v1/space/usage/quota';
let mock: ReturnType<typeof createKooDriveHandlers>['mock'] | undefined;

const scenarios = {
  /** Starts MSW's service worker with the KooDrive handlers; resolves once it controls the page. */
  async start(setup: MswSetup) {
    const created = createKooDriveHandlers({
      tokens: [setup.token],
      apps: { [setup.app.appId]: setup.app.appSecret },
      state: { spaceQuotaUsage: makeSpaceQuotaUsageList(setup.rows) },
    });
    mock = created.mock;
    const worker = setupWorker(...created.handlers);
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      // The page's own files pass through; a KooDrive call no handler answers is a failure.
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).origin !== location.origin) print.error();
      },
    });
    return { controlled: navigator.serviceWorker.controller !== null, baseUrl: servers.intl };
  },

  /** A token call, a paginated app-signed read, and refusals, all answered by the worker. */
  async calls(setup: MswSetup) {
    const withToken = createKooDriveClient({ userId: setup.userId, auth: { type: 'token', token: setup.token } });
    const withApp = createKooDriveClient({ userId: setup.userId, auth: { type: 'app', ...setup.app } });
    const badApp = createKooDriveClient({
      userId: setup.userId,
      auth: { type: 'app', appId: setup.app.appId, appSecret: 'not-the-secret' },
    });
    const first = await withToken.GET(QUOTA, { params: { query: { limit: 3 } } });
    let appRows = 0;
    for await (const _row of withApp.paginate(QUOTA, undefined, { pageSize: 3 })) appRows++;
    const refused = await badApp.GET(QUOTA);
    // Sent with fetch directly, past the client's own input checks, so that the mock's schema check answers.
    const invalid = await fetch(`${servers.intl}${QUOTA}?limit=x`, {
      headers: {
        authorization: `Bearer ${setup.token}`,
        'x-user-id': setup.userId,
        'x-date': '20251103T070140Z',
        'x-traceid': 'a'.repeat(58),
        language: 'en-US',
      },
    });
    return {
      tokenRows: first.data?.data?.length,
      appRows,
      refused:
        refused.error instanceof KooDriveApiError
          ? { status: refused.error.status, msg: refused.error.msg }
          : String(refused.error),
      invalid: { status: invalid.status, body: await invalid.json() },
      statuses: mock?.requests.map(({ status }) => status),
      authorizations: mock?.requests.map(({ headers }) => headers.authorization?.split(' ')[0]),
    };
  },
};

/** The scenarios, as the tests call them. */
export type MswPageScenarios = typeof scenarios;
(globalThis as { scenarios?: MswPageScenarios }).scenarios = scenarios;
