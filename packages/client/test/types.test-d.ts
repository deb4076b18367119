import type { GetSpaceResponse, SpaceQuotaUsage } from '@koodrive/types';
import { describe, expectTypeOf, it } from 'vitest';
import { CreateJob, GetJobDetail, GetSpaceUsageByQuota, spaceManagement } from '../src/generated/operations/index.js';
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

describe('strict call types (typos are errors, not silently ignored)', () => {
  it('refuses keys a call does not take', () => {
    // @ts-expect-error `parms` is not `params`
    kd.GET('/koodrive/ose/v1/space/usage/quota', { parms: { query: { limit: 5 } } });
    // @ts-expect-error `timeOut` is not `timeout`
    kd.GET('/koodrive/ose/v1/space/usage/quota', { timeOut: 1 });
    // @ts-expect-error the query goes under params
    kd.GET('/koodrive/ose/v1/space/usage/quota', { query: { limit: 5 } });
    // openapi-fetch's own per-request options stay accepted.
    kd.GET('/koodrive/ose/v1/space/usage/quota', { cache: 'no-store', credentials: 'omit', signal: null });
  });

  it('takes only the documented headers, spelled as documented, under params.header', () => {
    kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { header: { 'X-User-Id': '42', language: 'zh-CN' } } });
    // @ts-expect-error the spec spells it X-User-Id
    kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { header: { 'X-User-ID': '42' } } });
    // @ts-expect-error not a header of this operation
    kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { header: { bogus: '2' } } });
    // @ts-expect-error X-Date is set by the client on every attempt
    kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { header: { 'X-Date': '20251103T070140Z' } } });
  });

  it('requires what the operation requires', () => {
    // @ts-expect-error GetSpace needs its path parameter and query
    kd.GET('/koodrive/ose/v1/space/{ownerId}');
    kd.GET('/koodrive/ose/v1/space/{ownerId}', { params: { path: { ownerId: '1' }, query: { type: '1' } } });
  });
});

describe('calls by operation name', () => {
  it('have the same types as the path form', async () => {
    const { data } = await GetSpaceUsageByQuota(kd, { params: { query: { limit: 5 } } });
    expectTypeOf(data?.data).toEqualTypeOf<SpaceQuotaUsage[] | undefined>();
    // @ts-expect-error same strictness
    GetSpaceUsageByQuota(kd, { parms: {} });
    const byGroup = await spaceManagement.GetSpace(kd, { params: { path: { ownerId: '1' }, query: { type: '1' } } });
    expectTypeOf(byGroup.data).toEqualTypeOf<GetSpaceResponse | undefined>();
  });

  it('paginate takes an operation function too', () => {
    expectTypeOf(kd.paginate(GetSpaceUsageByQuota)).toEqualTypeOf<AsyncGenerator<SpaceQuotaUsage, void, undefined>>();
  });
});

describe('throwOnError', () => {
  it('drops `error` from results, since every failure is thrown', async () => {
    const strict = createKooDriveClient({ userId: '1', auth: { type: 'token', token: 't' }, throwOnError: true });
    const result = await strict.GET('/koodrive/ose/v1/space/usage/quota');
    expectTypeOf(result.data.data).toEqualTypeOf<SpaceQuotaUsage[] | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<undefined>();
    const byName = await GetSpaceUsageByQuota(strict);
    expectTypeOf(byName.data.total).toEqualTypeOf<number | undefined>();
  });
});

describe('objects whose fields the reference does not document', () => {
  it('are free-form: a caller may pass fields and read them, typed unknown', async () => {
    await CreateJob(kd, {
      body: { taskType: 2, dstContainerId: 's', taskInfo: { srcContainerId: 's', fileInfo: [{ fileId: 'f1' }] } },
    });
    const { data } = await GetJobDetail(kd, { params: { path: { job_id: 'j' } } });
    expectTypeOf(data?.data?.taskInfos?.[0]?.anything).toEqualTypeOf<unknown>();
  });
});
