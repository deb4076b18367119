import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KooDriveApiError, KooDriveConnectionError, unwrap } from '../src/index.js';
import { clientFor, QUOTA_PATH, TOKEN, useMockKooDrive } from './helpers.js';

const context = useMockKooDrive(3);

describe('KooDrive failures reach the caller as KooDriveApiError', () => {
  it('turns a 400 parameter error into an error carrying its code, message and trace id', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({
      status: 400,
      body: { code: 13000102, msg: 'parameter validation failed: query limit must be integer' },
    }));
    const { data, error, traceId } = await clientFor(context.mock).GET(QUOTA_PATH, {
      params: { query: { limit: 10 } },
    });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(KooDriveApiError);
    expect(error).toMatchObject({
      status: 400,
      kind: 'bad-request',
      code: 13000102,
      operationId: 'GetSpaceUsageByQuota',
      traceId,
    });
    expect(error?.msg).toContain('query limit must be integer');
    expect(error?.message).toContain('GetSpaceUsageByQuota');
    expect(error?.message).toContain(traceId);
  });

  it('treats HTTP 200 with a non-zero code as an error, never as data', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({ body: { code: 13000301, msg: 'space is abnormal' } }));
    const { data, error } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status: 200, code: 13000301, msg: 'space is abnormal' });
  });

  it('reads a code sent as a string as a number', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({
      status: 500,
      body: { code: '13000201', msg: 'inner server invoke failure' },
    }));
    const { error } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(error).toMatchObject({ status: 500, code: 13000201 });
  });

  it('accepts a success whose code is the string "0"', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({ body: { code: '0', msg: 'success', data: [], total: 0 } }));
    const { data, error } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(error).toBeUndefined();
    expect(data?.total).toBe(0);
  });

  it('keeps an API gateway code and the gist of an HTML error page', async () => {
    context.mock.use(
      'GetSpaceUsageByQuota',
      () => new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 }),
    );
    const { error } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(error).toMatchObject({ status: 502, code: undefined, msg: '502 Bad Gateway' });

    context.mock.use('GetSpaceUsageByQuota', () => ({
      status: 401,
      body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
    }));
    const { error: gatewayError } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(gatewayError).toMatchObject({
      status: 401,
      rawCode: 'APIGW.0301',
      msg: 'Incorrect IAM authentication information',
    });
  });

  it('says so when a 200 body is not JSON or is cut short', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => new Response('{"code":0,"msg":"succ', { status: 200 }));
    const { error } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(error?.status).toBe(200);
    expect(error?.msg).toMatch(/^the response body is not JSON/);

    context.mock.use('GetSpaceUsageByQuota', () => new Response('', { status: 200 }));
    const { error: empty } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(empty?.msg).toBe('the response body is empty');
  });

  it('throws the error from unwrap, and returns the data otherwise', async () => {
    const kd = clientFor(context.mock);
    const page = await unwrap(kd.GET(QUOTA_PATH, { params: { query: { limit: 2 } } }));
    expect(page.data).toHaveLength(2);
    context.mock.use('GetSpaceUsageByQuota', () => ({ status: 400, body: { code: 13000101, msg: 'bad request' } }));
    await expect(unwrap(kd.GET(QUOTA_PATH))).rejects.toMatchObject({ name: 'KooDriveApiError', code: 13000101 });
  });

  it('never shows the token in the error, its message or its inspection', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({
      status: 401,
      body: { code: 13000101, msg: 'authentication failed' },
    }));
    const { error } = await clientFor(context.mock).GET(QUOTA_PATH);
    expect(inspect(error, { depth: 5 })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});

describe('when nothing answers', () => {
  it('throws KooDriveConnectionError naming the operation and trace id', async () => {
    const kd = clientFor(context.mock, { baseUrl: 'http://127.0.0.1:9' });
    const failure = await kd.GET(QUOTA_PATH).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KooDriveConnectionError);
    expect((failure as KooDriveConnectionError).message).toMatch(
      /^GetSpaceUsageByQuota got no answer .*trace id [0-9a-f]{58}\)$/,
    );
  });
});

describe('int64 values', () => {
  it('reach the caller exactly: above 2^53 as bigint, small values as numbers', async () => {
    context.mock.use('GetSpaceUsageByQuota', () => ({
      body: {
        code: 0,
        msg: 'success',
        data: [{ quota: '1', totalAllocation: 3, totalCapacity: 9007199254740993n, totalUsed: 12 }],
        total: 1,
      },
    }));
    const page = await unwrap(clientFor(context.mock).GET(QUOTA_PATH));
    expect(page.data?.[0]).toEqual({ quota: '1', totalAllocation: 3, totalCapacity: 9007199254740993n, totalUsed: 12 });
  });
});

describe('lossless JSON', () => {
  it('turns only whole numbers beyond 2^53 into bigint, never digits inside strings, floats or exponents', async () => {
    context.mock.use(
      'GetSpaceUsageByQuota',
      () =>
        new Response(
          '{"code":0,"msg":"12345678901234567890","data":[{"quota":"9007199254740993","totalUsed":-9007199254740993,"totalCapacity":1e21,"totalAllocation":12345678901234567.5}],"total":1}',
          { headers: { 'content-type': 'application/json' } },
        ),
    );
    const page = await unwrap(clientFor(context.mock).GET(QUOTA_PATH));
    expect(page.msg).toBe('12345678901234567890');
    expect(page.data?.[0]).toEqual({
      quota: '9007199254740993',
      totalUsed: -9007199254740993n,
      totalCapacity: 1e21,
      totalAllocation: Number('12345678901234567.5'),
    });
  });
});
