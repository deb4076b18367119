/**
 * The client page: @koodrive/client as a web app bundles it, calling the mock KooDrive HTTP server
 * on another origin. Each scenario is run by the test with page.evaluate and answers plain data.
 * It imports only what a token-holding app would, so the app signer must stay out of its chunks
 * until a scenario creates an app-auth client.
 */
import {
  createKooDriveClient,
  KooDriveAbortError,
  KooDriveApiError,
  KooDriveConnectionError,
  KooDriveTimeoutError,
  unwrap,
} from '@koodrive/client';

/** What the test tells the page: where the mock is and who may call it. */
export interface PageSetup {
  mockUrl: string;
  userId: string;
  token: string;
  app: { appId: string; appSecret: string };
}

const QUOTA = '/koodrive/ose/v1/space/usage/quota';

const withToken = (setup: PageSetup, options: Partial<Parameters<typeof createKooDriveClient>[0]> = {}) =>
  createKooDriveClient({
    baseUrl: setup.mockUrl,
    userId: setup.userId,
    auth: { type: 'token', token: setup.token },
    ...options,
  });

const withApp = (setup: PageSetup, options: Partial<Parameters<typeof createKooDriveClient>[0]> = {}) =>
  createKooDriveClient({
    baseUrl: setup.mockUrl,
    userId: setup.userId,
    auth: { type: 'app', ...setup.app },
    ...options,
  });

/** What a caught error says, as plain data. */
function describeError(error: unknown) {
  if (!(error instanceof Error)) return { thrown: String(error) };
  return {
    name: error.name,
    message: error.message,
    isAbort: error instanceof KooDriveAbortError,
    isTimeout: error instanceof KooDriveTimeoutError,
    isConnection: error instanceof KooDriveConnectionError,
    isApi: error instanceof KooDriveApiError,
    attempts: (error as { attempts?: number }).attempts,
  };
}

const scenarios = {
  /** What the page is: a secure context with Web Crypto, and no Node globals. */
  environment: () => ({
    origin: location.origin,
    isSecureContext,
    hasSubtleCrypto: typeof crypto.subtle?.sign === 'function',
    hasNodeProcess: 'process' in globalThis,
  }),

  /** A token call; the mock checks every header. */
  async tokenCall(setup: PageSetup) {
    const { data, error, traceId, response } = await withToken(setup).GET(QUOTA, {
      params: { query: { limit: 3 } },
    });
    return {
      rows: data?.data?.length,
      total: data?.total,
      error: error && describeError(error),
      traceId,
      status: response.status,
    };
  },

  /** Every row through paginate, a page per request. */
  async paginate(setup: PageSetup, pageSize: number) {
    let rows = 0;
    for await (const _row of withToken(setup).paginate(QUOTA, undefined, { pageSize })) rows++;
    return rows;
  },

  /** A call the caller aborts while the mock is still answering. */
  async abort(setup: PageSetup, afterMs: number) {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), afterMs);
    const outcome = await withToken(setup)
      .GET(QUOTA, { signal: controller.signal })
      .then(() => ({ resolved: true }), describeError);
    return { ...outcome, ms: performance.now() - started };
  },

  /** A call that gets no answer within the client's timeout, without retries. */
  async timeout(setup: PageSetup, timeoutMs: number) {
    const started = performance.now();
    const outcome = await unwrap(withToken(setup, { timeout: timeoutMs, retry: false }).GET(QUOTA)).then(
      () => ({ resolved: true }),
      describeError,
    );
    return { ...outcome, ms: performance.now() - started };
  },

  /** A GET the mock answers 503 with Retry-After first; a tiny backoff, so only Retry-After can make it wait. */
  async retried(setup: PageSetup) {
    const started = performance.now();
    const page = await unwrap(
      withToken(setup, { retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 5 } }).GET(QUOTA, {
        params: { query: { limit: 1 } },
      }),
    );
    return { rows: page.data?.length, ms: performance.now() - started };
  },

  /** A call the mock refuses: a typed API error. */
  async apiError(setup: PageSetup) {
    const { error, traceId } = await withToken(setup).DELETE('/koodrive/ose/v1/space/{ownerId}', {
      params: { path: { ownerId: '42' }, query: { type: 1 } },
    });
    if (!(error instanceof KooDriveApiError)) return { notAnApiError: describeError(error) };
    const { status, kind, code, operationId, method, path } = error;
    return {
      status,
      kind,
      code,
      operationId,
      method,
      path,
      traceIdMatches: error.traceId === traceId,
      message: error.message,
    };
  },

  /** Creates an app-auth client and makes no call: the signer's chunk should load now, and only now. */
  createAppClient(setup: PageSetup) {
    withApp(setup);
    return true;
  },

  /** App-signed calls with a query and a body, signed with Web Crypto and verified by the mock. */
  async appCalls(setup: PageSetup) {
    const kd = withApp(setup);
    const page = await unwrap(kd.GET(QUOTA, { params: { query: { limit: 2, offset: 1 } } }));
    const created = await unwrap(
      kd.POST('/koodrive/ose/v1/space/{ownerId}', {
        params: { path: { ownerId: '1505084218764547299' } },
        body: { capacity: '10', type: 1 },
      }),
    );
    let rows = 0;
    for await (const _row of kd.paginate(QUOTA, undefined, { pageSize: 10 })) rows++;
    return { pageRows: page.data?.length, created: created.data?.ownerId, rows };
  },

  /** An app client whose clock is an hour slow: the mock's 401 and its Date header set it right. */
  async clockSkew(setup: PageSetup) {
    const kd = withApp(setup, { clock: () => new Date(Date.now() - 3_600_000) });
    const { data, error } = await kd.GET(QUOTA, { params: { query: { limit: 1 } } });
    return { rows: data?.data?.length, error: error && describeError(error) };
  },
};

/** The scenarios, as the tests call them. */
export type ClientPageScenarios = typeof scenarios;
(globalThis as { scenarios?: ClientPageScenarios }).scenarios = scenarios;
