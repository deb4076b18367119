import { inspect } from 'node:util';
import {
  CANONICAL_REQUEST_HEADER,
  makeSpaceQuotaUsageList,
  type RunningMockKooDrive,
  startMockKooDrive,
} from '@koodrive/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAppAuthorization } from '../src/app-signature.js';
import { createKooDriveClient, type KooDriveClientOptions, unwrap } from '../src/index.js';
import { QUOTA_PATH, USER_ID } from './helpers.js';

const APP = {
  appId: 'a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1',
  appSecret: 'Zm9vYmFyLXNlY3JldA',
};
const MINUTE = 60_000;

let mock: RunningMockKooDrive;
let serverOffsetMs = 0;
beforeAll(async () => {
  mock = await startMockKooDrive({
    apps: { [APP.appId]: APP.appSecret },
    clock: () => new Date(Date.now() + serverOffsetMs),
    state: { spaceQuotaUsage: makeSpaceQuotaUsageList(5) },
  });
});
afterEach(() => {
  mock.reset();
  serverOffsetMs = 0;
});
afterAll(() => mock.close());

const appClient = (options: Partial<KooDriveClientOptions> = {}) =>
  createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'app', ...APP }, ...options });

describe('app authentication against the mock KooDrive', () => {
  it('sends a signature the mock verifies', async () => {
    const page = await unwrap(appClient().GET(QUOTA_PATH, { params: { query: { limit: 2 } } }));
    expect(page.data).toHaveLength(2);
    const sent = parseAppAuthorization(mock.requests[0]?.headers.authorization ?? '');
    expect(sent).toMatchObject({ appId: APP.appId, signedHeaders: ['host', 'x-date', 'x-user-id'] });
  });

  it('is refused with 401 when signed with another secret, and the mock can show its canonical request', async () => {
    const kd = appClient({ auth: { type: 'app', appId: APP.appId, appSecret: 'wrong' } });
    const { error, response } = await kd.GET(QUOTA_PATH, {
      params: { header: {} },
      headers: { 'X-Mock-Debug': 'canonical-request' },
    });
    expect(error).toMatchObject({ status: 401, msg: 'authentication failed: the signature does not match' });
    const canonical = JSON.parse(response.headers.get(CANONICAL_REQUEST_HEADER) ?? '""') as string;
    expect(canonical.split('\n').slice(0, 3)).toEqual(['GET', `${QUOTA_PATH}/`, '']);
    expect(mock.requests).toHaveLength(1);
  });

  it('never shows the AppSecret in errors or in the client’s inspection', async () => {
    const kd = appClient({ auth: { type: 'app', appId: APP.appId, appSecret: 'wrong' } });
    const { error } = await kd.GET(QUOTA_PATH);
    for (const text of [
      inspect(kd, { depth: 10, showHidden: true }),
      inspect(error, { depth: 10 }),
      String(error?.message),
    ]) {
      expect(text).not.toContain(APP.appSecret);
      expect(text).not.toContain('wrong');
    }
  });
});

describe('clock skew', () => {
  it.each([
    ['ahead of the server (X-Date in its future)', -10 * MINUTE],
    ['behind the server by more than 15 minutes', 20 * MINUTE],
  ])('learns the offset when our clock is %s, re-signs and succeeds', async (_case, offset) => {
    serverOffsetMs = offset;
    const kd = appClient();
    const { error } = await kd.GET(QUOTA_PATH);
    expect(error).toBeUndefined();
    expect(mock.requests.map((request) => request.status)).toEqual([401, 200]);
    const [first, second] = mock.requests.map((request) => request.headers['x-date'] ?? '');
    expect(first).not.toBe(second);

    // The offset is kept: the next call goes through at once.
    mock.reset();
    await unwrap(kd.GET(QUOTA_PATH));
    expect(mock.requests.map((request) => request.status)).toEqual([200]);
  });

  it('does not retry a 401 whose Date agrees with our clock', async () => {
    const kd = appClient({ auth: { type: 'app', appId: APP.appId, appSecret: 'wrong' } });
    await kd.GET(QUOTA_PATH);
    expect(mock.requests).toHaveLength(1);
  });

  it('signs with an injected clock, so a stale one is refused by the mock and then corrected', async () => {
    const kd = appClient({ clock: () => new Date(Date.now() - 16 * MINUTE) });
    const { error } = await kd.GET(QUOTA_PATH);
    expect(error).toBeUndefined();
    expect(mock.requests.map((request) => request.status)).toEqual([401, 200]);
  });
});
