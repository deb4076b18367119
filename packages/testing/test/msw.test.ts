import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSpaceQuotaUsageList } from '../src/index.js';
import { createKooDriveHandlers, kooDriveHttp } from '../src/msw/handlers.js';
import { goodHeaders, QUOTA_PATH } from './helpers.js';

const BASE = 'https://intl.myhuaweicloud-koodrive.com';
const { handlers, mock } = createKooDriveHandlers({ state: { spaceQuotaUsage: makeSpaceQuotaUsageList(30) } });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('MSW handlers', () => {
  it('serve the same mock in-process, with its checks', async () => {
    const ok = await fetch(`${BASE}${QUOTA_PATH}?limit=5&offset=25`, { headers: goodHeaders() });
    expect(await ok.json()).toEqual({
      code: 0,
      msg: 'success',
      data: makeSpaceQuotaUsageList(30).slice(25),
      total: 30,
    });
    const bad = await fetch(`${BASE}${QUOTA_PATH}?limit=x`, { headers: goodHeaders() });
    expect(bad.status).toBe(400);
    expect(mock.requests).toHaveLength(2);
  });

  it('can be overridden with typed openapi-msw handlers', async () => {
    server.use(
      kooDriveHttp().get('/koodrive/ose/v1/space/usage/quota', ({ response }) =>
        response(200).json({ code: 0, msg: 'overridden', data: [], total: 0 }),
      ),
    );
    const body = await (await fetch(`${BASE}${QUOTA_PATH}`, { headers: goodHeaders() })).json();
    expect(body.msg).toBe('overridden');
    server.resetHandlers();
  });
});
