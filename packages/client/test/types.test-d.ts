import type { SpaceQuotaUsage } from '@koodrive/types';
import { describe, expectTypeOf, it } from 'vitest';
import { createKooDriveClient } from '../src/index.js';

const kd = createKooDriveClient({ userId: '1', auth: { type: 'token', token: 't' } });

describe('client types', () => {
  it('lets callers omit the headers the client manages', async () => {
    const result = await kd.GET('/koodrive/ose/v1/space/usage/quota');
    if (result.data) expectTypeOf(result.data.data).toEqualTypeOf<SpaceQuotaUsage[] | undefined>();
  });
  it('types the query parameters from the spec', () => {
    // @ts-expect-error limit is an integer in the spec
    kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { query: { limit: 'ten' } } });
    // @ts-expect-error the path is not in the spec
    kd.GET('/koodrive/ose/v1/nowhere');
  });
  it('yields the rows of a page from paginate', () => {
    const rows = kd.paginate('/koodrive/ose/v1/space/usage/quota');
    expectTypeOf(rows).toEqualTypeOf<AsyncGenerator<SpaceQuotaUsage, void, undefined>>();
  });
  it('types int64 fields as number or bigint', () => {
    expectTypeOf<SpaceQuotaUsage['totalUsed']>().toEqualTypeOf<number | bigint | undefined>();
  });
});

describe('per-call options', () => {
  it('types retry and timeout beside openapi-fetch’s options', () => {
    kd.GET('/koodrive/ose/v1/space/usage/quota', { retry: { maxRetries: 1 }, timeout: 1000 });
    kd.GET('/koodrive/ose/v1/space/usage/quota', { retry: false });
    // @ts-expect-error timeout is a number of milliseconds
    kd.GET('/koodrive/ose/v1/space/usage/quota', { timeout: '1s' });
  });
});
