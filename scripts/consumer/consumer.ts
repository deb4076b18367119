/**
 * A consumer of the packed packages, as another repo would write it. Type-checked under
 * moduleResolution node16 and bundler, then run against the mock KooDrive of @koodrive/testing.
 */
import { createKooDriveClient, KooDriveApiError, type KooDriveClient, unwrap } from '@koodrive/client';
import { ensureIndividualSpace, fixtures, makeMockState, startMockKooDrive } from '@koodrive/testing';
import { createKooDriveHandlers } from '@koodrive/testing/msw';
import { downloadFile, uploadFile } from '@koodrive/transfer';
import { operationIndex, type SpaceQuotaUsage, specVersion } from '@koodrive/types';

const APP = { appId: 'consumer-app', appSecret: 'consumer-secret' };
const state = makeMockState({ quotas: 12 });
ensureIndividualSpace(state, '1505084218764547200');
const mock = await startMockKooDrive({ apps: { [APP.appId]: APP.appSecret }, state });
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
// @koodrive/transfer: two parts in parallel (the second with its hash state, from the packed hash-wasm), then back.
const bytes = new Uint8Array(5 * 1024 * 1024 + 1000).map((_, index) => index % 251);
const uploaded = await uploadFile(kd, bytes, {
  parentFolder: 'root',
  fileName: 'consumer.bin',
  partSize: 5 * 1024 * 1024,
}).done;
const { stream } = await downloadFile(kd, uploaded.fileId, {
  containerId: uploaded.containerId ?? '',
  sha256: uploaded.sha256,
});
const downloaded = new Uint8Array(await new Response(stream).arrayBuffer());
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
  transferred: downloaded.length === bytes.length && downloaded.every((byte, index) => byte === bytes[index]),
};
console.log(JSON.stringify(result));
