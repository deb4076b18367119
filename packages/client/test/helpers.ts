import { makeSpaceQuotaUsageList, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createKooDriveClient, type KooDriveClientOptions } from '../src/index.js';

export const USER_ID = '1505084218764547200';
export const TOKEN = 'c69b0f40334782d560bb154032cf22ef43d671843c4ffbad';
export const QUOTA_PATH = '/koodrive/ose/v1/space/usage/quota';

/** Starts one mock KooDrive on loopback for the file's tests, and clears what it recorded after each. */
export function useMockKooDrive(rows = 250): { readonly mock: RunningMockKooDrive } {
  const holder = {} as { mock: RunningMockKooDrive };
  beforeAll(async () => {
    holder.mock = await startMockKooDrive({
      tokens: [TOKEN],
      state: { spaceQuotaUsage: makeSpaceQuotaUsageList(rows) },
    });
  });
  afterEach(() => holder.mock.reset());
  afterAll(() => holder.mock.close());
  return holder;
}

export function clientFor(mock: RunningMockKooDrive, options: Partial<KooDriveClientOptions> = {}) {
  return createKooDriveClient({
    baseUrl: mock.url,
    userId: USER_ID,
    auth: { type: 'token', token: TOKEN },
    // Retries stay on, as they are by default, with backoffs short enough for tests.
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  });
}

/** The one request the mock received since the last reset. */
export function onlyRequest(mock: RunningMockKooDrive) {
  if (mock.requests.length !== 1) throw new Error(`expected one request, the mock got ${mock.requests.length}`);
  return mock.requests[0] as (typeof mock.requests)[number];
}
