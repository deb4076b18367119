/**
 * The organization's 25 operations (Department, User and Group Management, Service Subscription,
 * Enterprise Settings), each called by name through the client against the mock KooDrive over
 * loopback, with token and with app authentication: the department tree and its team spaces,
 * users and their individual spaces, groups and members, and usage computed from the mock's state.
 */
import {
  makeMockState,
  makeOwnerId,
  ORG_ID,
  ROOT_DEPARTMENT_ID,
  type RunningMockKooDrive,
  startMockKooDrive,
} from '@koodrive/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BatchAddGroupMembers,
  batchDeleteGroupMembers,
  batchImportUserPreVerify,
  CountUser,
  CreateDepartment,
  CreateUser,
  CreateUserGroup,
  DeleteDepartment,
  DeleteUser,
  DeleteUserGroup,
  ExpandUserNum,
  GetDepartment,
  GetDepartmentList,
  GetDepartmentSpaceList,
  GetQuotaUsed,
  GetService,
  GetSpace,
  GetSpaceAllocation,
  GetUser,
  GetUserGroup,
  GetUserGroupList,
  GetUserGroupMemberList,
  GetUserList,
  GetUserMobile,
  SetPackageDownloadExpires,
  UpdateDepartment,
  UpdateUser,
  UpdateUserGroup,
} from '../src/generated/operations/index.js';
import { createKooDriveClient, type KooDriveAuth, unwrap } from '../src/index.js';
import { TOKEN, USER_ID } from './helpers.js';

const APP = { appId: 'org-app', appSecret: 'org-secret' };
const auths: [string, KooDriveAuth][] = [
  ['token', { user: TOKEN }],
  ['app', { app: APP }],
];

const ORGANIZATION_OPERATIONS = [
  'GetDepartmentList',
  'GetDepartment',
  'CreateDepartment',
  'UpdateDepartment',
  'DeleteDepartment',
  'GetUser',
  'GetUserList',
  'CountUser',
  'CreateUser',
  'UpdateUser',
  'DeleteUser',
  'GetUserMobile',
  'batchImportUserPreVerify',
  'ExpandUserNum',
  'CreateUserGroup',
  'GetUserGroupList',
  'GetUserGroup',
  'UpdateUserGroup',
  'DeleteUserGroup',
  'GetUserGroupMemberList',
  'BatchAddGroupMembers',
  'batchDeleteGroupMembers',
  'GetService',
  'GetQuotaUsed',
  'SetPackageDownloadExpires',
];

// makeMockState's organization: 12 departments under the root, 30 users in the first three (10
// each) beside the administrator in the root, 5 group spaces, 3 user groups.
const department = (index: number) => makeOwnerId(index, '12891736');
const user = (index: number) => ({ id: makeOwnerId(index, '16000000'), userId: makeOwnerId(index, '15050842') });

/** The operations each kind of authentication called successfully, to check that none was left out. */
const called: Record<string, Set<string>> = { token: new Set(), app: new Set() };

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe.each(auths)('the organization with %s authentication', (kind, auth) => {
  let mock: RunningMockKooDrive;
  let kd: ReturnType<typeof createKooDriveClient>;

  beforeEach(async () => {
    mock = await startMockKooDrive({ tokens: [TOKEN], apps: { [APP.appId]: APP.appSecret }, state: makeMockState() });
    kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth });
  });
  afterEach(async () => {
    for (const request of mock.requests) {
      const authorization = request.headers.authorization ?? '';
      expect(kind === 'app' ? authorization.startsWith('HMAC-SHA256 ') : authorization === `Bearer ${TOKEN}`).toBe(
        true,
      );
      if (request.operationId && request.status === 200) called[kind]?.add(request.operationId);
    }
    await mock.close();
  });

  /** The failure of a call that should fail: its HTTP status, code and message. */
  const failure = async (call: Promise<{ error?: unknown }>) => (await call).error as Record<string, unknown>;
  const quotaUsed = async () => (await unwrap(GetQuotaUsed(kd))).data ?? {};
  const space = (ownerId: string, type: '0' | '1' | '2') =>
    GetSpace(kd, { params: { path: { ownerId }, query: { type } } });

  describe('departments', () => {
    it('are listed from the root down, one level per call, and filtered by name', async () => {
      const top = await unwrap(GetDepartmentList(kd));
      expect(top.list).toEqual([expect.objectContaining({ id: ROOT_DEPARTMENT_ID, name: 'KooDrive', orgId: ORG_ID })]);
      expect(top.list?.[0]?.parentId).toBeUndefined();
      const children = await unwrap(GetDepartmentList(kd, { params: { query: { departmentId: ROOT_DEPARTMENT_ID } } }));
      expect(children.list).toHaveLength(12);
      expect(children.list?.every((child) => child.parentId === ROOT_DEPARTMENT_ID)).toBe(true);
      const named = await unwrap(
        GetDepartmentList(kd, { params: { query: { departmentId: ROOT_DEPARTMENT_ID, keyWord: 'department 1' } } }),
      );
      expect(named.list?.map((child) => child.name)).toEqual([
        'Department 1',
        'Department 10',
        'Department 11',
        'Department 12',
      ]);
      expect(await unwrap(GetDepartmentList(kd, { params: { query: { departmentId: department(4) } } }))).toMatchObject(
        {
          list: [],
        },
      );
    });

    it('GetDepartment answers one department at the top level; an unknown one is 13000309', async () => {
      const one = await unwrap(GetDepartment(kd, { params: { path: { department_id: department(2) } } }));
      expect(one).toMatchObject({
        code: 0,
        id: department(2),
        name: 'Department 3',
        parentId: ROOT_DEPARTMENT_ID,
        orgId: ORG_ID,
      });
      expect(one.deptId).toMatch(/^[0-9a-f]{32}$/);
      expect(
        await failure(GetDepartment(kd, { params: { path: { department_id: '1289170000000000000' } } })),
      ).toMatchObject({ status: 400, code: 13000309 });
    });

    it('CreateDepartment gives the department a team space from the department pool; DeleteDepartment takes both away', async () => {
      const created = await unwrap(CreateDepartment(kd, { body: { name: 'Research', parentId: department(0) } }));
      const id = created.data?.id ?? '';
      expect(id).toMatch(/^\d{19}$/);
      expect(await unwrap(GetDepartment(kd, { params: { path: { department_id: id } } }))).toMatchObject({
        name: 'Research',
        parentId: department(0),
      });
      const below = await unwrap(GetDepartmentList(kd, { params: { query: { departmentId: department(0) } } }));
      expect(below.list?.map((child) => child.id)).toEqual([id]);
      // Space Management sees the new department and its team space.
      expect((await unwrap(space(id, '0'))).data).toMatchObject({ ownerId: id, capacity: '20', spaceUsed: '0' });
      const listed = await unwrap(
        GetDepartmentSpaceList(kd, { params: { query: { offset: '0', limit: '10', keyWord: 'Research' } } }),
      );
      expect(listed.departments?.map((row) => row.id)).toEqual([id]);
      expect((await quotaUsed()).deptSpaceQuotaUsed).toBe(1020);
      const allocation = await unwrap(GetSpaceAllocation(kd));
      expect(allocation.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 0, allocateCapacity: 1020 })]),
      );

      expect(
        await failure(CreateDepartment(kd, { body: { name: 'Research', parentId: department(0) } })),
      ).toMatchObject({
        status: 400,
        code: 13000101,
      });

      await unwrap(DeleteDepartment(kd, { params: { path: { department_id: id } } }));
      expect(await failure(GetDepartment(kd, { params: { path: { department_id: id } } }))).toMatchObject({
        code: 13000309,
      });
      expect(await failure(space(id, '0'))).toMatchObject({ code: 13000301 });
      expect((await quotaUsed()).deptSpaceQuotaUsed).toBe(1000);
    });

    it('CreateDepartment is refused when the department pool cannot hold the team space', async () => {
      const pool = mock.state.allocation.find((allocation) => allocation.type === 0);
      if (pool) pool.allocateCapacity = pool.totalCapacity - 5;
      const error = await failure(CreateDepartment(kd, { body: { name: 'No room', parentId: ROOT_DEPARTMENT_ID } }));
      expect(error).toMatchObject({ status: 400, code: 13000311 });
      expect(mock.state.org.departments.some((row) => row.name === 'No room')).toBe(false);
    });

    it('UpdateDepartment renames and moves a department (its space row follows); moves into itself are refused', async () => {
      await unwrap(
        UpdateDepartment(kd, {
          params: { path: { department_id: department(1) } },
          body: { name: 'Sales EMEA', parentId: department(0) },
        }),
      );
      expect(await unwrap(GetDepartment(kd, { params: { path: { department_id: department(1) } } }))).toMatchObject({
        name: 'Sales EMEA',
        parentId: department(0),
      });
      const rows = await unwrap(
        GetDepartmentSpaceList(kd, { params: { query: { offset: '0', limit: '10', keyWord: 'Sales EMEA' } } }),
      );
      expect(rows.departments).toEqual([expect.objectContaining({ id: department(1), parentId: department(0) })]);
      // Users of the moved department now count towards its new parent.
      expect((await unwrap(CountUser(kd, { params: { query: { deptId: department(0) } } }))).total).toBe(20);
      const intoChild = UpdateDepartment(kd, {
        params: { path: { department_id: department(0) } },
        body: { name: 'Department 1', parentId: department(1) },
      });
      expect(await failure(intoChild)).toMatchObject({
        status: 400,
        code: 13000101,
        msg: expect.stringMatching(/under itself/),
      });
      const root = UpdateDepartment(kd, {
        params: { path: { department_id: ROOT_DEPARTMENT_ID } },
        body: { name: 'Renamed', parentId: department(0) },
      });
      expect(await failure(root)).toMatchObject({ code: 13000101 });
    });

    it('DeleteDepartment refuses a department that still has users or sub-departments, and the root', async () => {
      const withUsers = await failure(DeleteDepartment(kd, { params: { path: { department_id: department(0) } } }));
      expect(withUsers).toMatchObject({ code: 13000101, msg: expect.stringMatching(/users/) });
      await unwrap(CreateDepartment(kd, { body: { name: 'Child', parentId: department(5) } }));
      const withChild = await failure(DeleteDepartment(kd, { params: { path: { department_id: department(5) } } }));
      expect(withChild).toMatchObject({ code: 13000101, msg: expect.stringMatching(/sub-departments/) });
      const root = await failure(DeleteDepartment(kd, { params: { path: { department_id: ROOT_DEPARTMENT_ID } } }));
      expect(root).toMatchObject({ code: 13000101 });
      expect((await unwrap(space(department(5), '0'))).data?.ownerId).toBe(department(5));
    });
  });

  describe('users', () => {
    it('GetUserList pages the users (kd.paginate walks them all); CountUser agrees', async () => {
      const first = await unwrap(GetUserList(kd, { params: { query: { offset: '0', limit: '10' } } }));
      expect(first.total).toBe(31);
      expect(first.list).toHaveLength(10);
      const everyone = await collect(kd.paginate(GetUserList, { params: { query: { offset: '0', limit: '10' } } }));
      expect(everyone).toHaveLength(31);
      expect(new Set(everyone.map((row) => row.id)).size).toBe(31);
      expect((await unwrap(CountUser(kd))).total).toBe(31);
      const named = await unwrap(
        GetUserList(kd, { params: { query: { offset: '0', limit: '100', keyWord: 'User 2' } } }),
      );
      expect(named.list?.map((row) => row.name).sort()).toEqual([
        'User 2',
        ...Array.from({ length: 10 }, (_, i) => `User 2${i}`),
      ]);
    });

    it('GetUserList by department counts sub-departments unless isDirect; users carry their department’s name', async () => {
      const sub =
        (await unwrap(CreateDepartment(kd, { body: { name: 'Team A', parentId: department(0) } }))).data?.id ?? '';
      await unwrap(UpdateUser(kd, { params: { path: { userId: user(0).id } }, body: { deptId: BigInt(sub) } }));
      const all = await unwrap(
        GetUserList(kd, { params: { query: { deptId: department(0), offset: '0', limit: '100' } } }),
      );
      expect(all.total).toBe(10);
      const direct = await unwrap(
        GetUserList(kd, { params: { query: { deptId: department(0), isDirect: true, offset: '0', limit: '100' } } }),
      );
      expect(direct.total).toBe(9);
      expect(direct.list?.every((row) => row.deptName === 'Department 1')).toBe(true);
      expect((await unwrap(CountUser(kd, { params: { query: { deptId: sub } } }))).total).toBe(1);
      expect((await unwrap(CountUser(kd, { params: { query: { deptId: '' } } }))).total).toBe(31);
    });

    it('GetUser finds a user by either of their IDs; GetUserMobile gives their number', async () => {
      const byId = await unwrap(GetUser(kd, { params: { path: { userId: user(4).id } } }));
      const byUserId = await unwrap(GetUser(kd, { params: { path: { userId: user(4).userId } } }));
      expect(byId.data).toEqual(byUserId.data);
      expect(byId.data).toMatchObject({ name: 'User 5', deptId: department(1), deptName: 'Department 2', status: 0 });
      const mobile = await unwrap(GetUserMobile(kd, { params: { path: { userId: user(4).id } } }));
      expect(mobile.mobile).toBe(byId.data?.mobile);
      expect(await failure(GetUser(kd, { params: { path: { userId: '1000000000000000000' } } }))).toMatchObject({
        code: 13000309,
      });
    });

    it('CreateUser adds someone from OrgID with an individual space; DeleteUser removes them, their space and memberships', async () => {
      const [person] = mock.state.org.directory;
      const orgIdUser = person?.userId ?? '';
      const created = await unwrap(
        CreateUser(kd, { body: { userId: orgIdUser, modifyUserInfoReq: { deptId: department(2), role: '5' } } }),
      );
      const id = created.data?.id ?? '';
      expect((await unwrap(GetUser(kd, { params: { path: { userId: id } } }))).data).toMatchObject({
        id,
        userId: orgIdUser,
        name: person?.name,
        deptId: department(2),
        deptName: 'Department 3',
        role: 5,
        status: 0,
      });
      expect((await unwrap(space(orgIdUser, '1'))).data).toMatchObject({ capacity: '10', spaceUsed: '0' });
      expect(await quotaUsed()).toMatchObject({ userCount: 32, personalSpaceQuotaUsed: 310 });
      expect(await failure(CreateUser(kd, { body: { userId: orgIdUser, modifyUserInfoReq: {} } }))).toMatchObject({
        code: 13000101,
      });
      expect(
        await failure(CreateUser(kd, { body: { userId: '1008699999999999999', modifyUserInfoReq: {} } })),
      ).toMatchObject({ code: 13000309 });

      const group = mock.state.org.groups.find((candidate) => candidate.sourceType === 1)?.id ?? '';
      await unwrap(
        BatchAddGroupMembers(kd, {
          params: { path: { groupId: group } },
          body: { amendModRoles: [{ userId: BigInt(orgIdUser) }] },
        }),
      );

      await unwrap(DeleteUser(kd, { params: { path: { userId: id } } }));
      expect(await failure(GetUser(kd, { params: { path: { userId: id } } }))).toMatchObject({ code: 13000309 });
      expect(await failure(space(orgIdUser, '1'))).toMatchObject({ code: 13000301 });
      expect(await quotaUsed()).toMatchObject({ userCount: 31, personalSpaceQuotaUsed: 300 });
      const members = await unwrap(
        GetUserGroupMemberList(kd, { params: { path: { groupId: group }, query: { offset: 0, limit: 100 } } }),
      );
      expect(members.userGroupMemberInfos?.map((member) => member.userId)).not.toContain(orgIdUser);
    });

    it('DeleteUser removes the individual space of an existing user; the administrator cannot be deleted', async () => {
      expect((await unwrap(space(user(7).userId, '1'))).data?.ownerId).toBe(user(7).userId);
      await unwrap(DeleteUser(kd, { params: { path: { userId: user(7).userId } } }));
      expect(await failure(space(user(7).userId, '1'))).toMatchObject({ code: 13000301 });
      expect((await unwrap(CountUser(kd))).total).toBe(30);
      expect(await failure(DeleteUser(kd, { params: { path: { userId: USER_ID } } }))).toMatchObject({
        code: 13000101,
      });
    });

    it('DeleteUser passes the groups the user owned to the administrator', async () => {
      const groupId = makeOwnerId(0, '14000000');
      const before = await unwrap(GetUserGroup(kd, { params: { path: { groupId }, query: { sourceType: 0 } } }));
      expect(before.userGroup?.ownerId).toBe(user(0).userId);
      await unwrap(DeleteUser(kd, { params: { path: { userId: user(0).id } } }));
      const after = await unwrap(GetUserGroup(kd, { params: { path: { groupId }, query: { sourceType: 0 } } }));
      expect(after.userGroup?.ownerId).toBe(USER_ID);
      const mine = await unwrap(
        GetUserGroupList(kd, { params: { query: { pageSize: 10, pageCursor: '0', sourceType: 0 } } }),
      );
      expect(mine.userGroupList?.map((group) => group.id)).toEqual([groupId]);
    });

    it('CreateUser is refused once the organization reaches its maximum number of users', async () => {
      mock.state.org.subscription.userMaxCount = 31;
      const userId = mock.state.org.directory[0]?.userId ?? '';
      const error = await failure(CreateUser(kd, { body: { userId, modifyUserInfoReq: {} } }));
      expect(error).toMatchObject({ code: 13000101, msg: expect.stringMatching(/maximum number of users/) });
    });

    it('UpdateUser sends its int64 department ID exactly, and moves, promotes and disables the user', async () => {
      await unwrap(
        UpdateUser(kd, {
          params: { path: { userId: user(0).id } },
          body: { deptId: BigInt(department(1)), role: 0, status: 1 },
        }),
      );
      expect(mock.requests.at(-1)?.bodyText).toBe(`{"deptId":${department(1)},"role":0,"status":1}`);
      expect((await unwrap(GetUser(kd, { params: { path: { userId: user(0).id } } }))).data).toMatchObject({
        deptId: department(1),
        deptName: 'Department 2',
        role: 0,
        status: 1,
      });
      const unknown = UpdateUser(kd, { params: { path: { userId: user(0).id } }, body: { deptId: 1n } });
      expect(await failure(unknown)).toMatchObject({ code: 13000309 });
    });

    it('batchImportUserPreVerify gives a verdict per user and changes nothing', async () => {
      const { data } = await unwrap(
        batchImportUserPreVerify(kd, {
          body: {
            curDeptId: BigInt(department(0)),
            users: [
              { targetDeptName: 'Department 1', personalCapacity: 10, isAllocateCapacity: true },
              { targetDeptName: 'Nowhere', personalCapacity: 10, isAllocateCapacity: true },
              { personalCapacity: 5, isAllocateCapacity: false },
              { personalCapacity: 5000, isAllocateCapacity: true },
              { personalCapacity: 0, isAllocateCapacity: false },
            ],
          },
        }),
      );
      expect(data?.map((verdict) => verdict.isSuccess)).toEqual([0, 1, 1, 1, 0]);
      expect(data?.[1]?.reason).toMatch(/Nowhere/);
      expect(data?.[3]?.reason).toMatch(/pool/);
      expect((await unwrap(CountUser(kd))).total).toBe(31);
      expect((await quotaUsed()).personalSpaceQuotaUsed).toBe(300);
    });

    it('ExpandUserNum accepts the organization’s own OrgID ID only', async () => {
      expect((await unwrap(ExpandUserNum(kd, { params: { path: { orgId: ORG_ID } } }))).code).toBe(0);
      expect(await failure(ExpandUserNum(kd, { params: { path: { orgId: '9190086000009999999' } } }))).toMatchObject({
        code: 13000309,
      });
    });
  });

  describe('groups', () => {
    it('GetUserGroupList pages the caller’s groups of a kind by cursor; kd.paginate walks them', async () => {
      const first = await unwrap(
        GetUserGroupList(kd, { params: { query: { pageSize: 2, pageCursor: '0', sourceType: 1 } } }),
      );
      expect(first.userGroupList?.map((group) => group.groupName)).toEqual(['User group 1', 'User group 2']);
      expect(first).toMatchObject({ total: 3, nextCursor: '2' });
      const second = await unwrap(
        GetUserGroupList(kd, { params: { query: { pageSize: 2, pageCursor: first.nextCursor ?? '', sourceType: 1 } } }),
      );
      expect(second.userGroupList?.map((group) => group.groupName)).toEqual(['User group 3']);
      expect(second.nextCursor).toBeUndefined();
      const all = await collect(
        kd.paginate(GetUserGroupList, { params: { query: { pageSize: 1, pageCursor: '0', sourceType: 1 } } }),
      );
      expect(all.map((group) => group.ownerId)).toEqual([USER_ID, USER_ID, USER_ID]);
      // Another caller (X-User-Id) sees the groups they belong to: one user group, and their group space's group.
      const member = createKooDriveClient({ baseUrl: mock.url, userId: user(0).userId, auth });
      const theirs = await unwrap(
        GetUserGroupList(member, { params: { query: { pageSize: 10, pageCursor: '0', sourceType: 1 } } }),
      );
      expect(theirs.userGroupList?.map((group) => group.groupName)).toEqual(['User group 1']);
      const spaces = await unwrap(
        GetUserGroupList(member, { params: { query: { pageSize: 10, pageCursor: '0', sourceType: 0 } } }),
      );
      expect(spaces.userGroupList?.map((group) => group.id)).toEqual([makeOwnerId(0, '14000000')]);
    });

    it('a group’s life: create, read, add and list members, change roles, remove members, delete', async () => {
      const id = (await unwrap(CreateUserGroup(kd, { body: { groupName: 'Auditors', sourceType: 1 } }))).id ?? '';
      const read = await unwrap(GetUserGroup(kd, { params: { path: { groupId: id }, query: { sourceType: 1 } } }));
      expect(read.userGroup).toMatchObject({ id, groupName: 'Auditors', ownerId: USER_ID, sourceType: 1 });
      expect(
        await failure(GetUserGroup(kd, { params: { path: { groupId: id }, query: { sourceType: 0 } } })),
      ).toMatchObject({ code: 13000309 });

      const add = (userIds: bigint[]) =>
        unwrap(
          BatchAddGroupMembers(kd, {
            params: { path: { groupId: id } },
            body: { amendModRoles: userIds.map((userId) => ({ userId, template: -1 })) },
          }),
        );
      const added = await add([BigInt(user(1).userId), BigInt(user(2).userId), 1234n]);
      expect(added).toMatchObject({ status: 1, failedList: ['1234'] });
      expect(await add([BigInt(user(1).userId)])).toMatchObject({ status: 2, failedList: [user(1).userId] });

      const members = (query: { keyWord?: string } = {}) =>
        unwrap(
          GetUserGroupMemberList(kd, { params: { path: { groupId: id }, query: { offset: 0, limit: 10, ...query } } }),
        );
      expect((await members()).total).toBe(3);
      expect((await members({ keyWord: 'User 3' })).userGroupMemberInfos?.map((member) => member.userId)).toEqual([
        user(2).userId,
      ]);

      await unwrap(
        UpdateUserGroup(kd, {
          params: { path: { groupId: id } },
          body: { groupName: 'Internal auditors', sourceType: 1, userId: user(1).userId, role: '1', top: '1' },
        }),
      );
      const promoted = (await members()).userGroupMemberInfos?.find((member) => member.userId === user(1).userId);
      expect(promoted).toMatchObject({ role: 1, top: 1, userName: 'User 2' });
      await unwrap(
        UpdateUserGroup(kd, {
          params: { path: { groupId: id } },
          body: { groupName: 'Internal auditors', sourceType: 1, userId: user(2).userId, role: '0' },
        }),
      );
      const after = await unwrap(GetUserGroup(kd, { params: { path: { groupId: id }, query: { sourceType: 1 } } }));
      expect(after.userGroup).toMatchObject({ groupName: 'Internal auditors', ownerId: user(2).userId });

      const removed = await unwrap(
        batchDeleteGroupMembers(kd, {
          params: { path: { groupId: id } },
          body: { amendModRoles: [{ userId: BigInt(user(1).userId) }, { userId: BigInt(user(2).userId) }] },
        }),
      );
      // The owner stays: a group cannot lose its owner.
      expect(removed).toMatchObject({ status: 1, failedList: [user(2).userId] });
      expect((await members()).total).toBe(2);

      await unwrap(DeleteUserGroup(kd, { params: { path: { groupId: id } } }));
      expect(
        await failure(GetUserGroup(kd, { params: { path: { groupId: id }, query: { sourceType: 1 } } })),
      ).toMatchObject({ code: 13000309 });
    });

    it('deleting a group that has a group space removes the space', async () => {
      const groupId = makeOwnerId(0, '14000000');
      expect((await unwrap(space(groupId, '2'))).data?.ownerId).toBe(groupId);
      await unwrap(DeleteUserGroup(kd, { params: { path: { groupId } } }));
      expect(await failure(space(groupId, '2'))).toMatchObject({ code: 13000301 });
    });
  });

  describe('subscription and settings', () => {
    it('GetService shows the subscription; GetQuotaUsed is computed from the space pools, the spaces and the users', async () => {
      const service = (await unwrap(GetService(kd))).data;
      expect(service).toMatchObject({
        status: 0,
        userCount: 200,
        departmentSpaceSize: 20,
        personalSpaceSize: 10,
        spaceCapacity: 10_000,
        organizationId: ORG_ID,
        tenantId: mock.state.org.tenantId,
      });
      const usage = await quotaUsed();
      const used = mock.state.spaces.reduce((sum, row) => sum + Number(row.spaceUsed ?? 0), 0);
      expect(usage).toMatchObject({
        spaceCapacity: 10_000,
        spaceQuotaUsed: 1400,
        deptSpaceQuota: 5000,
        deptSpaceQuotaUsed: 1000,
        personalSpaceQuota: 3000,
        personalSpaceQuotaUsed: 300,
        groupSpaceQuota: 2000,
        groupSpaceQuotaUsed: 100,
        userCount: 31,
        userMaxCount: 200,
        packageDownloadExpires: 7,
        spaceUsed: used,
      });
      expect(usage.deptSpaceUsed ?? 0).toBeGreaterThan(0);
      expect((usage.deptSpaceUsed ?? 0) + (usage.personalSpaceUsed ?? 0) + (usage.groupSpaceUsed ?? 0)).toBe(used);
    });

    it('SetPackageDownloadExpires changes what GetQuotaUsed reports; the mock refuses 31 and another tenant', async () => {
      await unwrap(SetPackageDownloadExpires(kd, { body: { packageDownloadExpires: 14 } }));
      expect((await quotaUsed()).packageDownloadExpires).toBe(14);
      expect(await failure(SetPackageDownloadExpires(kd, { body: { packageDownloadExpires: 31 } }))).toMatchObject({
        status: 400,
        code: 13000102,
      });
      const other = SetPackageDownloadExpires(kd, {
        body: { tenantId: '40086000009999999', packageDownloadExpires: 3 },
      });
      expect(await failure(other)).toMatchObject({ code: 13000309 });
      expect((await quotaUsed()).packageDownloadExpires).toBe(14);
    });
  });
});

describe('coverage', () => {
  it.each(auths.map(([kind]) => kind))(
    'every organization operation succeeded at least once with %s authentication',
    (kind) => {
      const missing = ORGANIZATION_OPERATIONS.filter((operationId) => !called[kind]?.has(operationId));
      expect(missing).toEqual([]);
    },
  );
});
