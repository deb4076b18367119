/**
 * The main job: start the mock KooDrive, then print the space usage by quota through
 * @koodrive/client, paging through every row. Run it with `pnpm example`.
 *
 * Against the real service, drop the mock and pass your own baseUrl (or none, for the
 * international endpoint), userId and token.
 */
import { createKooDriveClient, KooDriveError } from '@koodrive/client';
import { makeSpaceQuotaUsageList, startMockKooDrive } from '@koodrive/testing';
import type { SpaceQuotaUsage } from '@koodrive/types';

const TOKEN = 'example-token';
const mock = await startMockKooDrive({ tokens: [TOKEN], state: { spaceQuotaUsage: makeSpaceQuotaUsageList(12) } });

const kd = createKooDriveClient({
  baseUrl: mock.url,
  userId: '1505084218764547200',
  auth: { type: 'token', token: TOKEN },
});

// The carrier edition gives the totals in KB.
const gigabytes = (kb: number | bigint | undefined) => (Number(kb ?? 0) / 1024 / 1024).toFixed(1);

try {
  const rows: SpaceQuotaUsage[] = [];
  for await (const row of kd.paginate('/koodrive/ose/v1/space/usage/quota', undefined, { pageSize: 5 })) rows.push(row);
  console.log(`Space usage by quota (${rows.length} quotas, fetched in ${mock.requests.length} pages)\n`);
  console.table(
    rows.map((row) => ({
      'quota (GB)': row.quota,
      allocations: Number(row.totalAllocation ?? 0),
      'capacity (GB)': gigabytes(row.totalCapacity),
      'used (GB)': gigabytes(row.totalUsed),
      'used %': `${((Number(row.totalUsed ?? 0) / Number(row.totalCapacity || 1)) * 100).toFixed(0)}%`,
    })),
  );
} catch (error) {
  if (!(error instanceof KooDriveError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await mock.close();
}
