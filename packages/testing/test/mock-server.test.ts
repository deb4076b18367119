import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSpaceQuotaUsageList, type RunningMockKooDrive, startMockKooDrive } from '../src/index.js';
import { goodHeaders, QUOTA_PATH, TOKEN } from './helpers.js';

let mock: RunningMockKooDrive;
beforeAll(async () => {
  mock = await startMockKooDrive({ tokens: [TOKEN], state: { spaceQuotaUsage: makeSpaceQuotaUsageList(250) } });
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

async function get(pathAndQuery: string, headers = goodHeaders()) {
  const response = await fetch(`${mock.url}${pathAndQuery}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, response };
}

describe('the mock KooDrive over HTTP', () => {
  it('pages GetSpaceUsageByQuota by offset and limit, with the total of all rows', async () => {
    const { status, body } = await get(`${QUOTA_PATH}?offset=240&limit=100`);
    expect(status).toBe(200);
    expect(body.total).toBe(250);
    expect(body.data).toEqual(makeSpaceQuotaUsageList(250).slice(240));
  });

  it('answers defaultPageSize rows when there is no limit', async () => {
    const { body } = await get(QUOTA_PATH);
    expect(body.data).toHaveLength(100);
  });

  it.each([
    ['a limit that is not an integer', `${QUOTA_PATH}?limit=1.5`, goodHeaders(), 'query limit must be integer'],
    ['a missing X-User-Id', QUOTA_PATH, goodHeaders({ 'x-user-id': undefined }), 'header X-User-Id is required'],
    ['a missing X-Date', QUOTA_PATH, goodHeaders({ 'x-date': undefined }), 'header X-Date is required'],
    [
      'an X-Date in another format',
      QUOTA_PATH,
      goodHeaders({ 'x-date': '2025-11-03T07:01:40Z' }),
      'header X-Date must match pattern "^\\d{8}T\\d{6}Z$"',
    ],
    [
      'a short X-Traceid',
      QUOTA_PATH,
      goodHeaders({ 'x-traceid': 'abc' }),
      'header X-Traceid must NOT have fewer than 58 characters',
    ],
    [
      'a long X-Traceid',
      QUOTA_PATH,
      goodHeaders({ 'x-traceid': 'a'.repeat(59) }),
      'header X-Traceid must NOT have more than 58 characters',
    ],
  ])('answers 400 with code 13000102 for %s', async (_case, path, headers, problem) => {
    const { status, body } = await get(path, headers);
    expect(status).toBe(400);
    expect(body).toEqual({ code: 13000102, msg: `parameter validation failed: ${problem}` });
  });

  it('answers 401 without a token, or with one it does not know', async () => {
    expect((await get(QUOTA_PATH, goodHeaders({ authorization: undefined }))).status).toBe(401);
    const { status, body } = await get(QUOTA_PATH, goodHeaders({ authorization: 'Bearer wrong' }));
    expect(status).toBe(401);
    expect(body.msg).toBe('authentication failed: the token is not valid');
  });

  it('accepts every documented token form', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `Bearer+${TOKEN}`, `AT+${TOKEN}`, TOKEN]) {
      expect((await get(QUOTA_PATH, goodHeaders({ authorization }))).status).toBe(200);
    }
  });

  it('answers 404 for a path the spec does not have and 405 for a method it does not allow', async () => {
    expect((await get('/koodrive/ose/v1/space/usage/nothing')).status).toBe(404);
    const response = await fetch(`${mock.url}${QUOTA_PATH}`, { method: 'DELETE', headers: goodHeaders() });
    expect(response.status).toBe(405);
  });

  it('routes a path by its method every time, whatever was asked of it before', async () => {
    const send = (method: string) => fetch(`${mock.url}${QUOTA_PATH}`, { method, headers: goodHeaders() });
    const statuses = [];
    for (const method of ['GET', 'DELETE', 'GET', 'DELETE']) statuses.push((await send(method)).status);
    expect(statuses).toEqual([200, 405, 200, 405]);
  });

  it('records each request as it arrived, with the status it got', async () => {
    await get(`${QUOTA_PATH}?limit=1`);
    await get(QUOTA_PATH, goodHeaders({ 'x-date': 'yesterday' }));
    expect(mock.requests.map(({ url, status, operationId }) => [url.search, status, operationId])).toEqual([
      ['?limit=1', 200, 'GetSpaceUsageByQuota'],
      ['', 400, undefined],
    ]);
    expect(mock.requests[0]?.headers['x-traceid']).toBe('f'.repeat(58));
  });

  it('lets a test replace a handler until reset, and writes bigint values as exact JSON integers', async () => {
    mock.use('GetSpaceUsageByQuota', () => ({
      body: { code: 0, msg: 'success', data: [{ totalUsed: 9007199254740993n }] },
    }));
    const text = await (await fetch(`${mock.url}${QUOTA_PATH}`, { headers: goodHeaders() })).text();
    expect(text).toBe('{"code":0,"msg":"success","data":[{"totalUsed":9007199254740993}]}');
    mock.reset();
    expect((await get(QUOTA_PATH)).body.total).toBe(250);
  });

  it('sends a Date header from its clock', async () => {
    const { response } = await get(QUOTA_PATH);
    expect(Math.abs(Date.parse(response.headers.get('date') ?? '') - Date.now())).toBeLessThan(5000);
  });
});
