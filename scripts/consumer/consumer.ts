/**
 * A consumer of the packed packages, as another repo would write it. Type-checked under
 * moduleResolution node16 and bundler, then run against the mock KooDrive of @koodrive/testing.
 */
import { createKooDriveClient, KooDriveApiError, type KooDriveClient, unwrap } from '@koodrive/client';
import { fixtures, makeMockState, startMockKooDrive } from '@koodrive/testing';
import { createKooDriveHandlers } from '@koodrive/testing/msw';
import { operationIndex, type SpaceQuotaUsage, specVersion } from '@koodrive/types';

const APP = { appId: 'consumer-app', appSecret: 'consumer-secret' };
const mock = await startMockKooDrive({ apps: { [APP.appId]: APP.appSecret }, state: makeMockState({ quotas: 12 }) });
const kd: KooDriveClient = createKooDriveClient({
  baseUrl: mock.url,
  userId: '1505084218764547200',
  auth: { type: 'app', ...APP },
});

const rows: SpaceQuotaUsage[] = [];
for await (const row of kd.paginate('/koodrive/ose/v1/space/usage/quota', undefined, { pageSize: 5 })) rows.push(row);
const created = await unwrap(
  kd.POST('/koodrive/ose/v1/space/{ownerId}', {
    params: { path: { ownerId: '1505084218764547299' } },
    body: { capacity: '10', type: 1 },
  }),
);
const { error } = await kd.DELETE('/koodrive/ose/v1/space/{ownerId}', {
  params: { path: { ownerId: '42' }, query: { type: 1 } },
});
const { handlers } = createKooDriveHandlers();
await mock.close();

const result = {
  specVersion,
  operations: Object.keys(operationIndex).length,
  rows: rows.length,
  created: created.data?.ownerId,
  missingSpaceCode: error instanceof KooDriveApiError ? error.code : undefined,
  fixture: fixtures.GetSpaceUsageByQuota.responses.documented.msg,
  mswHandlers: handlers.length,
};
console.log(JSON.stringify(result));
