import { makeSpaceQuotaUsageList } from '@koodrive/testing';
import { describe, expect, it } from 'vitest';
import { KooDriveApiError } from '../src/index.js';
import { clientFor, QUOTA_PATH, useMockKooDrive } from './helpers.js';

const context = useMockKooDrive(250);

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('paginate', () => {
  it('walks 250 rows in pages of 100, driven by total, and stops', async () => {
    const rows = await collect(clientFor(context.mock).paginate(QUOTA_PATH, undefined, { pageSize: 100 }));
    expect(rows).toEqual(makeSpaceQuotaUsageList(250));
    const pages = context.mock.requests.map(({ url }) => [
      url.searchParams.get('offset'),
      url.searchParams.get('limit'),
    ]);
    expect(pages).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100'],
    ]);
  });

  it('starts at the offset and uses the limit of the query it is given', async () => {
    const kd = clientFor(context.mock);
    const rows = await collect(kd.paginate(QUOTA_PATH, { params: { query: { offset: 240, limit: 4 } } }));
    expect(rows.map((row) => row.quota)).toEqual([
      '241',
      '242',
      '243',
      '244',
      '245',
      '246',
      '247',
      '248',
      '249',
      '250',
    ]);
    expect(context.mock.requests).toHaveLength(3);
  });

  it('fetches pages only as the loop asks for rows', async () => {
    for await (const _row of clientFor(context.mock).paginate(QUOTA_PATH, undefined, { pageSize: 10 })) break;
    expect(context.mock.requests).toHaveLength(1);
  });

  it('stops at an empty page even when total says there is more', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({ body: { code: 0, msg: 'success', data: [], total: 999 } }));
    expect(await collect(clientFor(context.mock).paginate(QUOTA_PATH))).toEqual([]);
    expect(context.mock.requests).toHaveLength(1);
  });

  it('stops at a short page when the response has no total', async () => {
    const rows = makeSpaceQuotaUsageList(15);
    context.mock.use('GetSpaceUsageByQuota', ({ query }) => {
      const offset = Number(query.offset);
      return { body: { code: 0, msg: 'success', data: rows.slice(offset, offset + Number(query.limit)) } };
    });
    expect(await collect(clientFor(context.mock).paginate(QUOTA_PATH, undefined, { pageSize: 10 }))).toHaveLength(15);
    expect(context.mock.requests).toHaveLength(2);
  });

  it('throws the failing page’s KooDriveApiError', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({
      status: 500,
      body: { code: 13000201, msg: 'inner server invoke failure' },
    }));
    await expect(collect(clientFor(context.mock).paginate(QUOTA_PATH))).rejects.toBeInstanceOf(KooDriveApiError);
  });

  it('refuses a page size that is not a positive whole number before sending anything', async () => {
    await expect(collect(clientFor(context.mock).paginate(QUOTA_PATH, undefined, { pageSize: 0 }))).rejects.toThrow(
      'pageSize: must be a whole number of at least 1, got 0',
    );
    expect(context.mock.requests).toHaveLength(0);
  });
});
