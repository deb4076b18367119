/**
 * The governance groups through the client against the mock: permission templates and member
 * permissions as state that batch jobs respect, file moderation records, and the audit log the
 * mock writes for what the test did; each operation with the credential it needs (an app-level
 * token for Refined Authorization, Permissions Templates and File Moderation).
 */
import { createHash } from 'node:crypto';
import { allCapabilities, capabilitiesOf, type MockUser } from '@koodrive/testing';
import { operationIndex } from '@koodrive/types';
import { describe, expect, it } from 'vitest';
import {
  addMemberInitialPermission,
  auditList,
  batchAudit,
  batchDeletePermissionTemplate,
  batchGet,
  batchGetPermissionTemplate,
  CancelJob,
  CreateJob,
  createPermissionTemplate,
  createTask,
  editPermissionTemplate,
  GetJobDetail,
  GetJobList,
  getHandoverDstUserInfo,
  getTaskDetail,
  getTaskLIst,
  getTaskResult,
  getUserPermissionList,
  InitialMemberPermission,
  listAuditLogs,
  listPermissionTemplate,
  modifyPermissionTemplateStatus,
  PermissionBatchUpdate,
  queryPermissionTemplateRef,
} from '../src/generated/operations/index.js';
import { createKooDriveClient, KooDriveValidationError } from '../src/index.js';
import { copyFiles, type JobProgress } from '../src/jobs/index.js';
import { TOKEN, USER_ID } from './helpers.js';
import { APP_TOKEN, file, folder, useTaskWorld } from './tasks-fixture.js';

const world = useTaskWorld();
const following = { interval: 1, onProgress: (_: JobProgress) => world.advance(150) };
const everything = allCapabilities();

/** The first group space of the mock, its group, and an ordinary user made a member of it. */
function groupSpace() {
  const { state } = world;
  const space = state.groupSpaces[0];
  const group = state.org.groups.find((candidate) => candidate.id === space?.id);
  if (!space?.containerId || !group) throw new Error('the mock state has no group space');
  const member = state.org.users.find(
    (user) => user.id !== state.org.administratorId && !group.members.some((existing) => existing.userId === user.id),
  ) as MockUser;
  group.members.push({ userId: member.id, role: 2, top: 0, createdTime: '', updatedTime: '' });
  return { containerId: space.containerId, groupId: group.id, member };
}

async function templateNamed(name: string): Promise<string> {
  const page = await listPermissionTemplate(world.kd, { params: { query: { offset: 0, limit: 100 } } });
  const found = page.data?.data?.find((template) => template.name === name);
  if (!found?.id) throw new Error(`no template ${name}`);
  return found.id;
}

describe('permission templates and member permissions', () => {
  it('manage templates: create, list, get, edit, disable, refuse to give a disabled one, delete', async () => {
    const { kd } = world;
    const created = await createPermissionTemplate(kd, {
      body: {
        name: 'Reviewers',
        description: 'read only',
        type: 1,
        company: world.state.org.orgId,
        capabilities: capabilitiesOf('viewPermission'),
      },
    });
    expect(created.error).toBeUndefined();
    const id = await templateNamed('Reviewers');

    const custom = await listPermissionTemplate(kd, { params: { query: { offset: 0, limit: 10, templateType: 1 } } });
    expect(custom.data).toMatchObject({ total: 1, data: [{ id, name: 'Reviewers', status: 1, templateType: 1 }] });
    const presetsFirst = await listPermissionTemplate(kd, {
      params: { query: { offset: 0, limit: 100, preBefore: true } },
    });
    expect(presetsFirst.data?.data?.map((template) => template.templateType)).toEqual([0, 0, 0, 0, 0, 1]);
    const presetsLast = await listPermissionTemplate(kd, {
      params: { query: { offset: 0, limit: 2, preBefore: false } },
    });
    expect(presetsLast.data).toMatchObject({ total: 6, data: [{ templateType: 1 }, { templateType: 0 }] });

    await editPermissionTemplate(kd, {
      body: { id, name: 'Readers', capabilities: capabilitiesOf('viewPermission', 'downloadPermission') },
    });
    const got = await batchGetPermissionTemplate(kd, { body: { ids: [id] } });
    expect(got.data?.data).toMatchObject([
      { id, name: 'Readers', capabilities: { downloadPermission: true, copyPermission: false } },
    ]);
    expect((await batchGetPermissionTemplate(kd, { body: { ids: [id, '1590626500000000999'] } })).error).toMatchObject({
      code: 13000309,
    });

    await modifyPermissionTemplateStatus(kd, { body: { id, status: 0 } });
    const { containerId, member } = groupSpace();
    const refused = await PermissionBatchUpdate(kd, {
      body: { type: 1, container: containerId, amendModRoles: [{ userId: member.userId, template: id }] },
    });
    expect(refused.error).toMatchObject({ code: 13000101, msg: expect.stringContaining('disabled') });

    expect((await queryPermissionTemplateRef(kd, { params: { path: { id } } })).data?.templateRef).toBe(false);
    expect((await batchDeletePermissionTemplate(kd, { body: { ids: [id] } })).error).toBeUndefined();
    expect((await queryPermissionTemplateRef(kd, { params: { path: { id } } })).error).toMatchObject({
      code: 13000309,
    });
  });

  it('gives members permissions that batch jobs then respect, and reports them per member', async () => {
    const { state, kd } = world;
    const { containerId, groupId, member } = groupSpace();
    const shared = folder(state, containerId, 'shared');
    const report = await file(state, containerId, shared.id, 'report.txt', 'numbers');
    const preview = await templateNamed('Preview');

    await PermissionBatchUpdate(kd, {
      body: { type: 1, container: containerId, amendModRoles: [{ userId: member.userId, template: preview }] },
    });
    const listed = await getUserPermissionList(kd, { params: { query: { spaceType: 1, groupId, containerId } } });
    const row = listed.data?.userPermissonList?.find((entry) => entry.userId === member.userId);
    expect(row).toMatchObject({ templateId: preview, templateName: 'Preview', groupRole: 2 });
    expect(row?.capabilities?.[0]).toMatchObject({ viewPermission: true, copyPermission: false });
    expect((await queryPermissionTemplateRef(kd, { params: { path: { id: preview } } })).data?.templateRef).toBe(true);
    expect((await batchDeletePermissionTemplate(kd, { body: { ids: [preview] } })).error).toMatchObject({
      code: 13000101,
    });

    // The member may not copy out of the group space with "Preview"…
    const memberClient = world.clientFor(member.userId);
    const own = world.state.spaces.find((space) => space.ownerId === member.userId && String(space.type) === '1');
    const destination = {
      space: containerId,
      files: [report.id],
      destination: 'root',
      destinationSpace: own?.containerId as string,
    };
    const refused = await copyFiles(memberClient, destination, following);
    expect(refused).toMatchObject({ result: 'all-failed', items: [{ code: 13000410 }] });

    // …and may with an anonymous template that grants copying.
    await PermissionBatchUpdate(kd, {
      body: {
        type: 1,
        container: containerId,
        amendModRoles: [{ userId: member.userId, template: '-1', capabilities: everything }],
      },
    });
    expect(await copyFiles(memberClient, destination, following)).toMatchObject({ result: 'all-succeeded' });
    const custom = await getUserPermissionList(kd, {
      params: { query: { spaceType: 1, groupId, containerId, templateId: '-1' } },
    });
    expect(custom.data?.userPermissonList).toMatchObject([{ userId: member.userId, templateName: 'Custom' }]);
  });

  it('sets and reads the initial permission of a group space’s members', async () => {
    const { kd } = world;
    const { containerId, groupId, member } = groupSpace();
    const initial = await InitialMemberPermission(kd, { params: { path: { spaceId: groupId } } });
    expect(initial.data?.data).toMatchObject({ templateName: 'Edit', containerId, spaceType: 1 });
    expect(initial.data?.data?.spaceId).toBe(BigInt(groupId));

    const upload = await templateNamed('Upload');
    await addMemberInitialPermission(kd, { body: { spaceId: groupId, templateId: upload } });
    const changed = await InitialMemberPermission(kd, { params: { path: { spaceId: groupId } } });
    expect(changed.data?.data).toMatchObject({
      templateId: upload,
      templateName: 'Upload',
      capabilities: { uploadPermission: true, deletePermission: false },
    });
    const listed = await getUserPermissionList(kd, {
      params: { query: { spaceType: 1, groupId, containerId, userName: member.name } },
    });
    expect(listed.data?.userPermissonList).toMatchObject([{ templateName: 'Upload' }]);

    const anonymous = await addMemberInitialPermission(kd, { body: { spaceId: groupId, templateId: '-1' } });
    expect(anonymous.error).toMatchObject({ code: 13000102 });
    const nowhere = await InitialMemberPermission(kd, { params: { path: { spaceId: '1400000000000009999' } } });
    expect(nowhere.error).toMatchObject({ code: 13000309 });
  });
});

describe('file moderation', () => {
  it('keeps the records batchAudit adds, finds them by fingerprint, and lists the flagged ones', async () => {
    const { state, space, kd } = world;
    const flagged = await file(state, space, 'root', 'flagged.bin', 'something sensitive');
    const clean = await file(state, space, 'root', 'clean.txt', 'nothing to see');
    const list = [
      {
        sha256: flagged.sha256 as string,
        size: flagged.size,
        auditResult: 3 as const,
        auditDetail: '{"label":"x"}',
        fileId: flagged.id,
      },
      { sha256: clean.sha256 as string, size: clean.size, auditResult: '1' as const, fileId: clean.id },
    ];
    expect((await batchAudit(kd, { body: { list } })).error).toBeUndefined();

    const unknown = createHash('sha256').update('never moderated').digest('hex');
    const found = await batchGet(kd, {
      body: {
        featureList: [
          { sha256: flagged.sha256 as string, size: String(flagged.size) },
          { sha256: clean.sha256 as string, size: clean.size },
          { sha256: unknown, size: 15 },
        ],
      },
    });
    expect(found.data?.data?.auditList).toMatchObject([
      { sha256: flagged.sha256, auditResult: 3, auditLevel: 20, auditDetail: '{"label":"x"}' },
      { sha256: clean.sha256, auditResult: 1 },
    ]);

    const listed = await auditList(kd, { params: { query: { hasUrl: true } } });
    expect(listed.data?.auditList).toHaveLength(1);
    const link = listed.data?.auditList?.[0]?.downloadUrl as string;
    expect(await (await fetch(link)).text()).toBe('something sensitive');
    expect((await auditList(kd)).data?.auditList?.[0]?.downloadUrl).toBeUndefined();
  });

  it('pages the list with its cursor and keeps it to whitelisted users', async () => {
    const { state, kd } = world;
    const list = ['a', 'b', 'c'].map((letter, index) => ({
      sha256: letter.repeat(64),
      size: index + 1,
      auditResult: 2 as const,
    }));
    await batchAudit(kd, { body: { list } });
    const first = await auditList(kd, { params: { query: { pageSize: '2' } } });
    expect(first.data?.auditList).toHaveLength(2);
    const second = await auditList(kd, {
      params: { query: { pageSize: '2', cursor: first.data?.nextCursor as string } },
    });
    expect(second.data).toMatchObject({ auditList: [{ sha256: 'c'.repeat(64) }] });
    expect(second.data?.nextCursor).toBeUndefined();

    state.governance.whitelist = ['1505084218764547999'];
    expect((await auditList(kd)).error).toMatchObject({ code: 13000101, msg: expect.stringContaining('whitelisted') });
  });
});

describe('the audit log', () => {
  it('records what the test did: each change, each ended job, failures with their message', async () => {
    const { state, space, kd } = world;
    const a = await file(state, space, 'root', 'a.txt', 'alpha');
    await copyFiles(kd, { space, files: [a.id, 'missing'], destination: 'root' }, following);
    await createPermissionTemplate(kd, {
      body: { name: 'Audited', type: 1, company: state.org.orgId, capabilities: capabilitiesOf('viewPermission') },
    });
    await modifyPermissionTemplateStatus(kd, { body: { id: '1590626500000009999', status: 1 } });

    const all = await listAuditLogs(kd, { body: { sortInfo: { sortType: 1, sortDirection: 1 } } });
    expect(all.data?.logInfoList?.map((log) => [log.operation, log.operateResult])).toEqual([
      ['CreateJob', 0],
      ['BatchCopy', 0],
      ['createPermissionTemplate', 0],
      ['modifyPermissionTemplateStatus', 1],
    ]);
    expect(all.data?.logInfoList?.[0]).toMatchObject({
      operatorId: USER_ID,
      operatorName: 'Tenant Administrator',
      tenantId: state.org.tenantId,
    });
    expect(all.data?.logInfoList?.[1]?.message).toContain('missing');
    expect(all.data?.logInfoList?.[3]?.message).toContain('does not exist');

    const onlyJobs = await listAuditLogs(kd, { body: { operations: ['BatchCopy'] } });
    expect(onlyJobs.data).toMatchObject({
      total: 1,
      logInfoList: [{ operation: 'BatchCopy', resource: all.data?.logInfoList?.[0]?.resource }],
    });
    const failures = await listAuditLogs(kd, { body: { operateResult: '1', excludedOperations: ['CreateJob'] } });
    expect(failures.data?.total).toBe(1);
    const paged = await listAuditLogs(kd, { body: { pageInfo: { pageSize: 3, pageNum: 2 } } });
    expect(paged.data).toMatchObject({ total: 4, logInfoList: [{ operation: 'CreateJob' }] });
    const later = await listAuditLogs(kd, { body: { operTimeFrom: '2030-01-01T00:00:00.000Z' } });
    expect(later.data?.total).toBe(0);
  });
});

describe('the 24 operations of issue 17', () => {
  const OPERATIONS = Object.entries(operationIndex)
    .filter(([, facts]) =>
      [
        'Batch Task Operations',
        'Basic Task Operations',
        'Refined Authorization',
        'Permissions Templates',
        'File Moderation',
        'Audit Log Management',
      ].includes(facts.tag),
    )
    .map(([id]) => id)
    .sort();

  it('answer through the client, each with the credential its operation takes', async () => {
    expect(OPERATIONS).toHaveLength(24);
    const { state, space, kd } = world;
    const { containerId, groupId, member } = groupSpace();
    const a = await file(state, space, 'root', 'a.txt', 'alpha');
    const preview = await templateNamed('Preview');
    const job = await CreateJob(kd, {
      body: {
        taskType: 2,
        actionType: 201,
        dstContainerId: space,
        taskInfo: { srcContainerId: space, fileInfo: [{ fileId: a.id } as never] },
      },
    });
    const jobId = job.data?.data as string;
    const calls = [
      GetJobList(kd, { params: { query: { offset: 0, limit: 10 } } }),
      GetJobDetail(kd, { params: { path: { job_id: jobId } } }),
      CancelJob(kd, { body: { jobId } }),
      getHandoverDstUserInfo(kd, { params: { path: { src_user_id: member.userId } } }),
      createTask(kd, { body: { taskType: 1, orgId: state.org.orgId, orgUserId: 'u' } }),
      getTaskLIst(kd),
      getUserPermissionList(kd, { params: { query: { spaceType: 1, groupId, containerId } } }),
      PermissionBatchUpdate(kd, {
        body: { type: 1, container: containerId, amendModRoles: [{ userId: member.userId, template: preview }] },
      }),
      InitialMemberPermission(kd, { params: { path: { spaceId: groupId } } }),
      createPermissionTemplate(kd, {
        body: { name: 'All', type: 1, company: state.org.orgId, capabilities: everything },
      }),
      editPermissionTemplate(kd, { body: { id: preview, name: 'Preview' } }),
      modifyPermissionTemplateStatus(kd, { body: { id: preview, status: 1 } }),
      batchGetPermissionTemplate(kd, { body: { ids: [preview] } }),
      listPermissionTemplate(kd, { params: { query: { offset: 0, limit: 5 } } }),
      addMemberInitialPermission(kd, { body: { spaceId: groupId, templateId: preview } }),
      queryPermissionTemplateRef(kd, { params: { path: { id: preview } } }),
      batchDeletePermissionTemplate(kd, { body: { ids: [preview] } }), // in use: refused, still an answer
      auditList(kd),
      batchAudit(kd, { body: { list: [{ sha256: a.sha256 as string, size: a.size, auditResult: 2 }] } }),
      batchGet(kd, { body: { featureList: [{ sha256: a.sha256 as string, size: a.size }] } }),
      listAuditLogs(kd, { body: {} }),
    ];
    const results = await Promise.all(calls);
    expect(results.map((result) => result.error?.message).filter(Boolean)).toEqual([
      expect.stringContaining(`permission template ${preview} is in use`),
    ]);
    const task = await getTaskLIst(kd);
    const taskId = task.data?.taskList?.[0]?.taskId as string;
    world.advance(1000);
    expect((await getTaskDetail(kd, { params: { path: { task_id: taskId } } })).data?.status).toBe(2);
    expect((await getTaskResult(kd, { params: { query: { taskId } } })).data?.data).toMatchObject({ successCount: 1 });

    const seen = new Map(world.mock.requests.map((request) => [request.operationId, request.headers.authorization]));
    expect([...seen.keys()].filter((id) => id && OPERATIONS.includes(id)).sort()).toEqual(OPERATIONS);
    for (const id of OPERATIONS) {
      const appToken = (operationIndex as unknown as Record<string, { security: readonly (readonly string[])[] }>)[
        id
      ]?.security.some((scheme) => scheme.includes('kooDriveAppToken'));
      expect([id, seen.get(id)]).toEqual([id, `Bearer ${appToken ? APP_TOKEN : TOKEN}`]);
    }
  });

  it('are refused before sending when the client has no app-level token for them', async () => {
    const userOnly = createKooDriveClient({
      baseUrl: world.mock.url,
      userId: USER_ID,
      auth: { type: 'token', token: TOKEN },
    });
    await expect(listPermissionTemplate(userOnly, { params: { query: { offset: 0, limit: 5 } } })).rejects.toThrow(
      KooDriveValidationError,
    );
    await expect(auditList(userOnly)).rejects.toThrow('app-level token');
    expect(world.mock.requests).toHaveLength(0);
  });
});
