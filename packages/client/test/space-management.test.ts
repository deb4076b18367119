/**
 * Every Space Management operation, called through the client against the mock KooDrive over
 * loopback, with token and with app authentication: what goes on the wire and what comes back.
 */
import { makeMockState, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKooDriveClient, type KooDriveAuth, KooDriveValidationError, unwrap } from '../src/index.js';
import { TOKEN, USER_ID } from './helpers.js';

const APP = { appId: 'space-app', appSecret: 'space-secret' };
const SPACE = '/koodrive/ose/v1/space';

const APP_TOKEN = 'app-level-token-7d2f';

// GetSpaceV2 and GetUserSpaceList ask for an app-level token (or, as their examples show, an app
// signature and a user token): each client also holds one, and each call sends what its operation accepts.
const auths: [string, KooDriveAuth][] = [
  ['token', { user: TOKEN, appToken: APP_TOKEN }],
  ['app', { app: APP, appToken: APP_TOKEN }],
];

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe.each(auths)('Space Management with %s authentication', (kind, auth) => {
  let mock: RunningMockKooDrive;
  let kd: ReturnType<typeof createKooDriveClient>;
  beforeEach(async () => {
    mock = await startMockKooDrive({
      tokens: [TOKEN],
      appTokens: [APP_TOKEN],
      apps: { [APP.appId]: APP.appSecret },
      state: makeMockState(),
    });
    kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth });
  });
  afterEach(() => mock.close());

  /** The last request the mock received: method, path, query and JSON body. */
  const lastRequest = () => {
    const request = mock.requests.at(-1);
    if (!request) throw new Error('the mock received nothing');
    const authorization = request.headers.authorization ?? '';
    expect(
      authorization === `Bearer ${APP_TOKEN}` ||
        authorization.startsWith(kind === 'app' ? 'HMAC-SHA256 ' : `Bearer ${TOKEN}`),
    ).toBe(true);
    return {
      method: request.method,
      path: request.url.pathname,
      query: Object.fromEntries(request.url.searchParams),
      body: request.bodyText ? JSON.parse(request.bodyText) : undefined,
      status: request.status,
    };
  };

  it('GetDepartmentSpaceList: pages departments, filtered by keyword', async () => {
    const page = await unwrap(
      kd.GET(`${SPACE}/departmentList`, { params: { query: { offset: '0', limit: '3', keyWord: 'Department 1' } } }),
    );
    expect(lastRequest()).toMatchObject({
      method: 'GET',
      path: `${SPACE}/departmentList`,
      query: { offset: '0', limit: '3', keyWord: 'Department 1' },
    });
    expect(page.total).toBe(4);
    expect(page.departments?.map((department) => department.name)).toEqual([
      'Department 1',
      'Department 10',
      'Department 11',
    ]);
  });

  it('a space’s life: CreateSpace, GetSpace, UpdateSpace, GetSpaceByContainerID, batchGetSpace, GetSpaceV2, DeleteSpace', async () => {
    const ownerId = '1505084218764547299';
    const created = await unwrap(
      kd.POST(`${SPACE}/{ownerId}`, {
        params: { path: { ownerId } },
        body: { capacity: '50', type: 1, capabilities: undefined },
      }),
    );
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      path: `${SPACE}/${ownerId}`,
      body: { capacity: '50', type: 1 },
    });
    const containerId = created.data?.containerId ?? '';
    expect(created.data).toMatchObject({ ownerId, type: 1, capacity: 50 });
    expect(containerId).toMatch(/^IAAD[A-Za-z0-9]{42}$/);

    const space = await unwrap(kd.GET(`${SPACE}/{ownerId}`, { params: { path: { ownerId }, query: { type: '1' } } }));
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `${SPACE}/${ownerId}`, query: { type: '1' } });
    expect(space.data).toMatchObject({ ownerId, containerId, capacity: 50, status: '0' });

    await unwrap(
      kd.PUT(`${SPACE}/{ownerId}`, { params: { path: { ownerId } }, body: { status: '1', capacity: '80', type: 1 } }),
    );
    expect(lastRequest()).toMatchObject({ method: 'PUT', body: { status: '1', capacity: '80', type: 1 } });

    const byContainer = await unwrap(kd.GET(`${SPACE}/container/{containerId}`, { params: { path: { containerId } } }));
    expect(lastRequest().path).toBe(`${SPACE}/container/${containerId}`);
    expect(byContainer.data).toMatchObject({ ownerId, status: '1', capacity: '80' });

    const batch = await unwrap(kd.GET(`${SPACE}/batchGetSpace`, { params: { query: { ownerId, type: '1' } } }));
    expect(lastRequest()).toMatchObject({ path: `${SPACE}/batchGetSpace`, query: { ownerId, type: '1' } });
    expect(batch.data?.map((item) => item.containerId)).toEqual([containerId]);

    const v2 = await unwrap(kd.GET('/koodrive/ose/v2/space/{owner_id}', { params: { path: { owner_id: ownerId } } }));
    expect(lastRequest().path).toBe(`/koodrive/ose/v2/space/${ownerId}`);
    expect(v2.data).toHaveLength(1);
    expect(v2.data?.[0]).not.toHaveProperty('createTime');

    await unwrap(kd.DELETE(`${SPACE}/{ownerId}`, { params: { path: { ownerId }, query: { type: 1 } } }));
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `${SPACE}/${ownerId}`, query: { type: '1' } });
    const { error } = await kd.GET(`${SPACE}/{ownerId}`, { params: { path: { ownerId }, query: { type: '1' } } });
    expect(error).toMatchObject({ status: 400, code: 13000301, operationId: 'GetSpace' });
  });

  it('a group’s life: CreateGroupSpace, GetGroupSpaceList, DeleteGroupSpace', async () => {
    const members = [{ userId: '1505084218764547201', template: -1 }];
    const created = await unwrap(
      kd.POST(`${SPACE}/group`, { body: { name: 'Launch team', capacity: 30, addGroupUsers: members } }),
    );
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      path: `${SPACE}/group`,
      body: { name: 'Launch team', capacity: 30, addGroupUsers: members },
    });
    expect(created.failedList).toEqual([]);

    const list = await unwrap(
      kd.GET(`${SPACE}/groupList`, { params: { query: { offset: 0, limit: 10, keyWord: 'Launch' } } }),
    );
    expect(lastRequest()).toMatchObject({
      path: `${SPACE}/groupList`,
      query: { offset: '0', limit: '10', keyWord: 'Launch' },
    });
    expect(list).toMatchObject({ total: 1, groupsTotal: 6, groupsMax: 1000 });
    const groupId = list.groups?.[0]?.id ?? '';

    await unwrap(kd.DELETE(`${SPACE}/group/{groupId}`, { params: { path: { groupId } } }));
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `${SPACE}/group/${groupId}` });
    const after = await unwrap(
      kd.GET(`${SPACE}/groupList`, { params: { query: { offset: 0, limit: 10, keyWord: 'Launch' } } }),
    );
    expect(after.total).toBe(0);
  });

  it('GetTeamSpaceList and GetUserSpaceList: page with their own parameters', async () => {
    const teams = await unwrap(
      kd.GET(`${SPACE}/teamList`, { params: { query: { offset: 2, limit: 3, teamType: 0 } } }),
    );
    expect(lastRequest()).toMatchObject({
      path: `${SPACE}/teamList`,
      query: { offset: '2', limit: '3', teamType: '0' },
    });
    expect(teams).toMatchObject({ total: '8' });
    expect(teams.teams).toHaveLength(3);

    const users = await unwrap(
      kd.GET(`${SPACE}/userList`, {
        params: { query: { offset: '0', limit: '100', deptId: '1289173600000000001', isDirect: true } },
      }),
    );
    expect(lastRequest()).toMatchObject({
      path: `${SPACE}/userList`,
      query: { deptId: '1289173600000000001', isDirect: 'true' },
    });
    expect(users.total).toBe('10');
    expect(users.users?.every((user) => user.deptId === '1289173600000000001')).toBe(true);
  });

  it('GetSpaceAllocation and TransferUnallocatedSpace: capacity moves between types, never beyond what is free', async () => {
    const before = await unwrap(kd.GET(`${SPACE}/allocation/get`));
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `${SPACE}/allocation/get` });
    expect(before.data).toEqual([
      { type: 0, allocateCapacity: 1000, totalCapacity: 5000 },
      { type: 1, allocateCapacity: 300, totalCapacity: 3000 },
      { type: 2, allocateCapacity: 100, totalCapacity: 2000 },
    ]);
    await unwrap(
      kd.POST(`${SPACE}/allocation/transfer`, { body: { originType: 0, target: [{ type: 1, expandCapacity: 500 }] } }),
    );
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      body: { originType: 0, target: [{ type: 1, expandCapacity: 500 }] },
    });
    const after = await unwrap(kd.GET(`${SPACE}/allocation/get`));
    expect(after.data).toEqual([
      { type: 0, allocateCapacity: 1000, totalCapacity: 4500 },
      { type: 1, allocateCapacity: 300, totalCapacity: 3500 },
      { type: 2, allocateCapacity: 100, totalCapacity: 2000 },
    ]);
    const { error } = await kd.POST(`${SPACE}/allocation/transfer`, {
      body: { originType: 2, target: [{ type: 1, expandCapacity: 5000 }] },
    });
    expect(error).toMatchObject({ code: 13000311, operationId: 'TransferUnallocatedSpace' });
  });

  it('GetSpaceUsageByOverview, GetSpaceUsageByQuota and GetSpaceUsageByUser agree', async () => {
    const overview = await unwrap(kd.GET(`${SPACE}/usage/overview`));
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `${SPACE}/usage/overview` });
    const quotas = await collect(kd.paginate(`${SPACE}/usage/quota`, undefined, { pageSize: 10 }));
    expect(quotas).toHaveLength(25);
    expect(overview.data?.totalUsed).toBe(quotas.reduce((sum, row) => sum + Number(row.totalUsed), 0));

    const userIds = mock.state.userQuotas.slice(0, 2).map((quota) => quota.userId ?? '');
    const byUser = await unwrap(kd.POST(`${SPACE}/usage/user`, { body: { userIds, limit: 10, offset: 0 } }));
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      path: `${SPACE}/usage/user`,
      body: { userIds, limit: 10, offset: 0 },
    });
    expect(byUser.total).toBe(2);
    expect(byUser.data?.map((quota) => quota.userId)).toEqual(userIds);
  });

  it('paginate walks every offset/limit operation of the group, in the query or in the body', async () => {
    expect(await collect(kd.paginate(`${SPACE}/departmentList`, undefined, { pageSize: 5 }))).toHaveLength(12);
    expect(await collect(kd.paginate(`${SPACE}/teamList`, undefined, { pageSize: 3 }))).toHaveLength(8);
    expect(await collect(kd.paginate(`${SPACE}/groupList`, undefined, { pageSize: 2 }))).toHaveLength(5);
    expect(await collect(kd.paginate(`${SPACE}/userList`, undefined, { pageSize: 7 }))).toHaveLength(30);
    mock.reset();
    const quotas = await collect(
      kd.paginate(`${SPACE}/usage/user`, { body: { userIds: undefined } }, { pageSize: 12 }),
    );
    expect(quotas).toHaveLength(30);
    expect(mock.requests.map((request) => [request.method, JSON.parse(request.bodyText)])).toEqual([
      ['POST', { offset: 0, limit: 12 }],
      ['POST', { offset: 12, limit: 12 }],
      ['POST', { offset: 24, limit: 12 }],
    ]);
  });

  it('encodes IDs in paths, and takes them only as strings', async () => {
    const { error } = await kd.GET(`${SPACE}/{ownerId}`, {
      params: { path: { ownerId: 'a b/c?d' }, query: { type: '1' } },
    });
    expect(mock.requests.at(-1)?.url.pathname).toBe(`${SPACE}/a%20b%2Fc%3Fd`);
    expect(error?.code).toBe(13000301);
    const sent = mock.requests.length;
    const numeric = kd.GET(`${SPACE}/{ownerId}`, {
      params: { path: { ownerId: Number('1505084218764547200') as never }, query: { type: '1' } },
    });
    await expect(numeric).rejects.toThrow(KooDriveValidationError);
    await expect(numeric).rejects.toThrow('path ownerId: must be a string (KooDrive IDs exceed 2^53), got number');
    expect(mock.requests).toHaveLength(sent);
  });
});
