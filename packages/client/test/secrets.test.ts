/**
 * The token and the AppSecret never appear in anything the client produces: errors, their
 * messages and inspections, log lines, or the client's own inspection, across failure scenarios
 * of every kind, against the mock KooDrive.
 */
import { inspect } from 'node:util';
import { type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKooDriveClient, type KooDriveAuth, type KooDriveClientOptions } from '../src/index.js';
import { QUOTA_PATH, USER_ID } from './helpers.js';

const SECRET_TOKEN = 'tok-5e3c7a9d1f';
const SECRET_APP = { appId: 'app-visible-id', appSecret: 'sec-8b2d4f6a0c' };
const SECRETS = [SECRET_TOKEN, SECRET_APP.appSecret];

let mock: RunningMockKooDrive;
beforeAll(async () => {
  mock = await startMockKooDrive({ tokens: [SECRET_TOKEN], apps: { [SECRET_APP.appId]: SECRET_APP.appSecret } });
});
afterAll(() => mock.close());

const produced: string[] = [];
const logger = Object.fromEntries(
  ['debug', 'info', 'warn', 'error'].map((level) => [
    level,
    (message: string, fields: unknown) => produced.push(message, JSON.stringify(fields)),
  ]),
);

function keep(value: unknown) {
  produced.push(String(value), inspect(value, { depth: 10, showHidden: true }));
  if (value instanceof Error) produced.push(value.message, String(value.stack), inspect(value.cause, { depth: 10 }));
}

async function scenario(
  auth: KooDriveAuth,
  options: Partial<KooDriveClientOptions>,
  run: (kd: ReturnType<typeof createKooDriveClient>) => Promise<unknown>,
) {
  let kd: ReturnType<typeof createKooDriveClient> | undefined;
  try {
    kd = createKooDriveClient({
      baseUrl: mock.url,
      userId: USER_ID,
      auth,
      logger,
      retry: { baseDelayMs: 1 },
      ...options,
    });
    keep(kd);
    const result = await run(kd);
    keep(result);
    if (result && typeof result === 'object' && 'error' in result) keep(result.error);
  } catch (error) {
    keep(error);
  }
}

const auths: KooDriveAuth[] = [
  { type: 'token', token: SECRET_TOKEN },
  { type: 'token', token: `Bearer ${SECRET_TOKEN}` },
  { type: 'app', ...SECRET_APP },
];

describe('no secret leaks', () => {
  it('from errors, logs or inspections in any scenario', async () => {
    for (const auth of auths) {
      await scenario(auth, {}, (kd) => kd.GET(QUOTA_PATH));
      await scenario(auth, { baseUrl: 'http://127.0.0.1:9' }, (kd) => kd.GET(QUOTA_PATH));
      await scenario(auth, {}, (kd) => kd.GET(QUOTA_PATH, { params: { query: { limit: -1 } } }));
      await scenario(auth, {}, (kd) => kd.GET(QUOTA_PATH, { params: { header: { 'X-Traceid': 'short' } } }));
      await scenario(auth, { userId: 'bad\nid' }, (kd) => kd.GET(QUOTA_PATH));
      await scenario(auth, { timeout: 1 }, (kd) => kd.GET(QUOTA_PATH));
      mock.use('GetSpaceUsageByQuota', () => ({
        status: 500,
        body: { code: 13000201, msg: 'inner server invoke failure' },
      }));
      await scenario(auth, {}, (kd) => kd.GET(QUOTA_PATH));
      mock.reset();
    }
    await scenario({ type: 'token', token: `${SECRET_TOKEN}\r\n` }, {}, (kd) => kd.GET(QUOTA_PATH));
    await scenario({ type: 'token', token: () => `${SECRET_TOKEN}\n` }, {}, (kd) => kd.GET(QUOTA_PATH));
    await scenario({ type: 'token', token: 'wrong-token' }, {}, (kd) => kd.GET(QUOTA_PATH));
    await scenario({ type: 'app', appId: SECRET_APP.appId, appSecret: `${SECRET_APP.appSecret}x` }, {}, (kd) =>
      kd.GET(QUOTA_PATH),
    );

    expect(produced.length).toBeGreaterThan(100);
    const leaks = produced.filter((text) => SECRETS.some((secret) => text.includes(secret)));
    expect(leaks).toEqual([]);
  }, 30_000);
});
