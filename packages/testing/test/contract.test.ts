/**
 * Contract: every example in the spec, every fixture and every factory output is valid against
 * the spec's own schemas. A fixture that drifts from the spec fails here.
 */
import { openapiDocument } from '@koodrive/types/openapi';
import { describe, expect, it } from 'vitest';
import {
  addFile,
  createFolder,
  createSpecAjv,
  departmentView,
  ensureIndividualSpace,
  fileDetailsView,
  findSpace,
  fixtures,
  makeAddGroupUsers,
  makeAuditData,
  makeBasicTaskInfo,
  makeBatchGetAudit,
  makeBatchJobInfo,
  makeCapabilities,
  makeContainerId,
  makeCreateSpaceRspInfo,
  makeDepartmentInfo,
  makeDepartmentSpaceInfo,
  makeDownloadInfoResponse,
  makeFileSortInfo,
  makeGetSpaceAllocatedData,
  makeGroupSpaceInfo,
  makeImportUserVerifyResult,
  makeJobDetailInfo,
  makeJsSdkData,
  makeLogInfo,
  makeManagedUserInfo,
  makeMemberInfo,
  makeMockState,
  makeMultiPartInfo,
  makeOrgUserInfo,
  makeOwnerId,
  makePageInfo,
  makePermissionTemplate,
  makeSearchFile,
  makeServiceStatus,
  makeServiceUsage,
  makeSessionUserDto,
  makeSessionUserInfo,
  makeSpaceInfo,
  makeSpaceInfoV2,
  makeSpaceQuotaUsage,
  makeSpaceQuotaUsageList,
  makeStarFileInfo,
  makeStarFileRequest,
  makeStatsData,
  makeSubResponse,
  makeTeamSpaceInfo,
  makeTransferUnusedSpaceData,
  makeUncompressedFileinfoList,
  makeUserGroup,
  makeUserGroupInfo,
  makeUserImportResultDto,
  makeUserSpaceInfo,
  makeUserSpaceQuota,
  memberView,
  orgUserInfoView,
  schemaExamples,
  searchFileView,
  serviceStatusView,
  sessionUserInfoView,
  starFileInfoView,
  userGroupInfoView,
  userGroupView,
  userView,
} from '../src/index.js';

const ajv = createSpecAjv({ allErrors: true });

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Checks a value against the schema at a JSON pointer into the spec; returns ajv's complaints. */
function problems(schemaPointer: string, value: unknown): string[] {
  const validate = ajv.compile({ $ref: `koodrive#${schemaPointer}` });
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

interface Example {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/** Finds every example in the document: schema `examples`, media type `examples`, parameter `example`. */
function examplesIn(node: unknown, pointer = ''): Example[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: Example[] = [];
  const object = node as Record<string, unknown>;
  if (pointer.startsWith('/components/schemas/') && pointer.split('/').length === 4 && Array.isArray(object.examples)) {
    for (const [index, value] of object.examples.entries()) {
      found.push({ where: `${pointer}/examples/${index}`, schemaPointer: pointer, value });
    }
  }
  if (object.schema && object.examples && !Array.isArray(object.examples)) {
    for (const [name, example] of Object.entries(object.examples as Record<string, { value?: unknown }>)) {
      found.push({ where: `${pointer}/examples/${name}`, schemaPointer: `${pointer}/schema`, value: example.value });
    }
  }
  if (object.schema && 'example' in object) {
    found.push({ where: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: object.example });
  }
  for (const [key, child] of Object.entries(object))
    found.push(...examplesIn(child, `${pointer}/${escapePointer(key)}`));
  return found;
}

const examples = examplesIn(openapiDocument);

describe('the spec’s examples', () => {
  it('include the documented request headers and responses', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.map((example) => example.where)).toContain(
      `/paths/${escapePointer('/koodrive/ose/v1/space/usage/quota')}/get/responses/200/content/application~1json/examples/documented`,
    );
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s is valid', (_where, example) => {
    expect(problems(example.schemaPointer, example.value)).toEqual([]);
  });
});

const paths = openapiDocument.paths as Record<string, Record<string, { operationId?: string }>>;

/** JSON pointers to an operation's request body schema and 200 response schema. */
function schemasOf(operationId: string) {
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId !== operationId) continue;
      const base = `/paths/${escapePointer(path)}/${method}`;
      return {
        requests: `${base}/requestBody/content/application~1json/schema`,
        responses: `${base}/responses/200/content/application~1json/schema`,
      };
    }
  }
  throw new Error(`no operation ${operationId}`);
}

const fixtureCases = Object.entries(fixtures).flatMap(([operationId, kinds]) =>
  Object.entries(kinds as Record<'requests' | 'responses', Record<string, unknown>>).flatMap(([kind, examples]) =>
    Object.entries(examples).map(
      ([name, value]) =>
        [`${operationId} ${kind}.${name}`, schemasOf(operationId)[kind as 'requests' | 'responses'], value] as const,
    ),
  ),
);

const schema = (name: string) => `/components/schemas/${name}`;
const factoryCases: [string, string, unknown][] = [
  ['makeCapabilities', schema('Capabilities'), makeCapabilities()],
  ...[0, 1, 7].flatMap((index): [string, string, unknown][] => [
    [`makeSpaceInfo #${index}`, schema('SpaceInfo'), makeSpaceInfo({}, index)],
    [`makeSpaceInfoV2 #${index}`, schema('SpaceInfoV2'), makeSpaceInfoV2({}, index)],
    [`makeCreateSpaceRspInfo #${index}`, schema('CreateSpaceRspInfo'), makeCreateSpaceRspInfo({}, index)],
    [`makeDepartmentSpaceInfo #${index}`, schema('DepartmentSpaceInfo'), makeDepartmentSpaceInfo({}, index)],
    [`makeTeamSpaceInfo #${index}`, schema('TeamSpaceInfo'), makeTeamSpaceInfo({}, index)],
    [`makeGroupSpaceInfo #${index}`, schema('GroupSpaceInfo'), makeGroupSpaceInfo({}, index)],
    [`makeUserSpaceInfo #${index}`, schema('UserSpaceInfo'), makeUserSpaceInfo({}, index)],
    [`makeUserSpaceQuota #${index}`, schema('UserSpaceQuota'), makeUserSpaceQuota({}, index)],
    [`makeGetSpaceAllocatedData #${index}`, schema('GetSpaceAllocatedData'), makeGetSpaceAllocatedData({}, index)],
    [`makeAddGroupUsers #${index}`, schema('AddGroupUsers'), makeAddGroupUsers({}, index)],
    [`makeSpaceQuotaUsage #${index}`, schema('SpaceQuotaUsage'), makeSpaceQuotaUsage({}, index)],
  ]),
  ['makeTransferUnusedSpaceData', schema('TransferUnusedSpaceData'), makeTransferUnusedSpaceData()],
  ...[0, 1, 7].flatMap((index): [string, string, unknown][] => [
    [`makeDepartmentInfo #${index}`, schema('DepartmentInfo'), makeDepartmentInfo({}, index)],
    [`makeManagedUserInfo #${index}`, schema('ManagedUserInfo'), makeManagedUserInfo({}, index)],
    [`makeUserGroupInfo #${index}`, schema('UserGroupInfo'), makeUserGroupInfo({}, index)],
    [`makeUserGroup #${index}`, schema('UserGroup'), makeUserGroup({}, index)],
    [`makeMemberInfo #${index}`, schema('MemberInfo'), makeMemberInfo({}, index)],
    [`makeSessionUserDto #${index}`, schema('SessionUserDto'), makeSessionUserDto({}, index)],
    [`makeJsSdkData #${index}`, schema('JsSdkData'), makeJsSdkData({}, index)],
  ]),
  ['makeServiceStatus', schema('ServiceStatus'), makeServiceStatus()],
  ['makeServiceUsage', schema('ServiceUsage'), makeServiceUsage()],
  ['makeOrgUserInfo', schema('OrgUserInfo'), makeOrgUserInfo()],
  ['makeSessionUserInfo', schema('SessionUserInfo'), makeSessionUserInfo()],
  ['makeImportUserVerifyResult', schema('ImportUserVerifyResult'), makeImportUserVerifyResult()],
  // Tasks and governance (issue 17): each job type and state, each task state, templates, moderation, logs.
  ...[0, 1, 7].flatMap((index): [string, string, unknown][] => [
    [`makeJobDetailInfo #${index}`, schema('JobDetailInfo'), makeJobDetailInfo({}, index)],
    [`makeBatchJobInfo #${index}`, schema('BatchJobInfo'), makeBatchJobInfo({}, index)],
    [`makeBasicTaskInfo #${index}`, schema('BasicTaskInfo'), makeBasicTaskInfo({}, index)],
    [`makePermissionTemplate #${index}`, schema('PermissionTemplate'), makePermissionTemplate({}, index)],
    [`makeAuditData #${index}`, schema('AuditData'), makeAuditData({}, index)],
    [`makeBatchGetAudit #${index}`, schema('BatchGetAudit'), makeBatchGetAudit({}, index)],
    [`makeLogInfo #${index}`, schema('LogInfo'), makeLogInfo({}, index)],
  ]),
  ...([1, 2, 3, 4, 5, 6, 7] as const).map((taskType): [string, string, unknown] => [
    `makeJobDetailInfo taskType ${taskType}, pending`,
    schema('JobDetailInfo'),
    makeJobDetailInfo({ taskType, status: 0, progress: 0, items: [] }),
  ]),
  ['makeBasicTaskInfo failed', schema('BasicTaskInfo'), makeBasicTaskInfo({ status: 3, resultCode: '18000205' })],
  ['makeUserImportResultDto', schema('UserImportResultDto'), makeUserImportResultDto()],
  // Files (issue 12)
  ...[0, 1, 7].flatMap((index): [string, string, unknown][] => [
    [`makeSearchFile #${index}`, schema('SearchFile'), makeSearchFile({}, index)],
    [`makeStarFileInfo #${index}`, schema('StarFileInfo'), makeStarFileInfo({}, index)],
    [`makeStarFileRequest #${index}`, schema('StarFileRequest'), makeStarFileRequest({}, index)],
    [`makeSubResponse #${index}`, schema('SubResponse'), makeSubResponse({}, index)],
    [`makeStatsData #${index}`, schema('StatsData'), makeStatsData({}, index)],
    [`makeMultiPartInfo #${index}`, schema('MultiPartInfo'), makeMultiPartInfo({}, index)],
    [`makeDownloadInfoResponse #${index}`, schema('DownloadInfoResponse'), makeDownloadInfoResponse({}, index)],
    [
      `makeUncompressedFileinfoList #${index}`,
      schema('UncompressedFileinfoList'),
      makeUncompressedFileinfoList({}, index),
    ],
  ]),
  ['makeFileSortInfo', schema('FileSortInfo'), makeFileSortInfo()],
  ['makePageInfo', schema('PageInfo'), makePageInfo()],
];

describe('fixtures', () => {
  it('include every documented example the spec records', () => {
    const specExamples = examples.filter(
      (example) => example.where.includes('/requestBody/') || example.where.includes('/responses/200/'),
    );
    expect(fixtureCases).toHaveLength(specExamples.length);
    const schemas = (openapiDocument.components as { schemas: Record<string, { examples?: unknown[] }> }).schemas;
    const objectExamples = Object.entries(schemas)
      .filter(([, schema]) => typeof schema.examples?.[0] === 'object')
      .map(([name]) => name);
    expect(Object.keys(schemaExamples).sort()).toEqual(objectExamples.sort());
    expect(objectExamples).toContain('SpaceQuotaUsage');
  });

  it.each(fixtureCases)('%s is valid', (_name, pointer, value) => {
    expect(problems(pointer, value)).toEqual([]);
  });
});

describe('factories', () => {
  it.each(factoryCases)('%s is valid', (_name, pointer, value) => {
    expect(problems(pointer, value)).toEqual([]);
  });

  it('a whole mock state is valid, list by list', () => {
    const state = makeMockState();
    const lists: [string, unknown[]][] = [
      ['SpaceQuotaUsage', state.spaceQuotaUsage],
      ['SpaceInfo', state.spaces],
      ['DepartmentSpaceInfo', state.departments],
      ['TeamSpaceInfo', state.teamSpaces],
      ['GroupSpaceInfo', state.groupSpaces],
      ['UserSpaceInfo', state.userSpaces],
      ['UserSpaceQuota', state.userQuotas],
      ['GetSpaceAllocatedData', state.allocation],
    ];
    for (const [name, rows] of lists) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(problems(schema(name), row)).toEqual([]);
    }
  });

  it('a whole organization is valid, as each operation shows it', () => {
    const { org } = makeMockState();
    const views: [string, unknown[]][] = [
      ['DepartmentInfo', org.departments.map((department) => departmentView(org, department))],
      ['ManagedUserInfo', org.users.map((user) => userView(org, user))],
      ['UserGroupInfo', org.groups.map((group) => userGroupInfoView(org, group))],
      ['UserGroup', org.groups.map((group) => userGroupView(org, group))],
      ['MemberInfo', org.groups.flatMap((group) => group.members.map((member) => memberView(org, member)))],
      ['OrgUserInfo', org.users.map((user) => orgUserInfoView(org, user))],
      ['SessionUserInfo', org.users.map((user) => sessionUserInfoView(org, user))],
      ['ServiceStatus', [serviceStatusView(org, 10_000)]],
    ];
    for (const [name, rows] of views) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(problems(schema(name), row)).toEqual([]);
    }
  });

  it('an organization agrees with the space state it was built over', () => {
    const state = makeMockState();
    const { org } = state;
    const departmentIds = new Set(org.departments.map((department) => department.id));
    // Every Space Management department is a department of the organization, under the root.
    for (const department of state.departments) {
      expect(departmentIds.has(department.id ?? '')).toBe(true);
      expect(departmentIds.has(department.parentId ?? '')).toBe(true);
    }
    // Every individual space belongs to a user, every user sits in a department of the organization.
    const userIds = new Set(org.users.map((user) => user.userId));
    for (const space of state.spaces.filter((row) => row.type === '1'))
      expect(userIds.has(space.ownerId ?? '')).toBe(true);
    for (const user of org.users) expect(departmentIds.has(user.deptId)).toBe(true);
    // Every group space is a group (sourceType 0) whose owner is a member.
    for (const space of state.groupSpaces) {
      const group = org.groups.find((candidate) => candidate.id === space.id);
      expect(group?.sourceType).toBe(0);
      expect(group?.members.map((member) => member.userId)).toContain(group?.ownerId);
    }
    expect(org.departments.filter((department) => department.parentId === undefined)).toHaveLength(1);
  });

  it('a file tree is valid as Search, listStarFile and getFile show it', async () => {
    const state = makeMockState();
    const containerId = ensureIndividualSpace(state, '1505084218764547200').containerId as string;
    const space = findSpace(state, containerId);
    const folder = createFolder(state, { containerId, parentId: 'root', name: 'docs' });
    const file = await addFile(state, { containerId, parentId: folder.id, name: 'a.txt', content: 'a' });
    const teamSpace = state.spaces.find((row) => row.type === '0');
    const teamFile = await addFile(state, {
      containerId: teamSpace?.containerId as string,
      parentId: 'root',
      name: 'b.pdf',
      content: 'b',
    });
    const teamRef = findSpace(state, teamSpace?.containerId as string);
    expect(searchFileView(state, teamFile, teamRef as NonNullable<typeof teamRef>, '1')).toMatchObject({
      containerType: '0',
      teamId: teamSpace?.ownerId,
    });
    for (const node of [folder, file]) {
      expect(
        problems(schema('SearchFile'), searchFileView(state, node, space as NonNullable<typeof space>, '1')),
      ).toEqual([]);
      expect(problems(schema('StarFileInfo'), starFileInfoView(node))).toEqual([]);
      expect(problems(schemasOf('getFile').responses, { code: 0, msg: 'success', ...fileDetailsView(node) })).toEqual(
        [],
      );
    }
  });

  it('the checks can fail: a row with a string total is refused', () => {
    expect(problems(schema('SpaceQuotaUsage'), { quota: '1', totalUsed: 'lots' })).not.toEqual([]);
    expect(problems(schema('Capabilities'), { copyPermission: true })).not.toEqual([]);
  });

  it('make realistic quota rows: used never exceeds capacity, capacity = allocations × quota in KB', () => {
    for (const row of makeSpaceQuotaUsageList(60)) {
      expect(Number(row.totalUsed)).toBeLessThanOrEqual(Number(row.totalCapacity));
      expect(Number(row.totalCapacity)).toBe(Number(row.totalAllocation) * Number(row.quota) * 1024 * 1024);
    }
  });

  it('make organization IDs shaped like the reference’s examples, the same for the same index', () => {
    for (const index of [0, 3, 99]) {
      const department = makeDepartmentInfo({}, index);
      expect(department.id).toMatch(/^\d{19}$/);
      expect(department.deptId).toMatch(/^[0-9a-f]{32}$/);
      expect(makeManagedUserInfo({}, index).userId).toMatch(/^\d{19}$/);
      const session = makeSessionUserDto({}, index);
      expect(session.accessToken).toMatch(/^Bearer [0-9a-f]{48}$/);
      expect(session.sessionId).toMatch(/^[0-9a-f]{48}$/);
      expect(makeDepartmentInfo({}, index)).toEqual(department);
    }
    expect(makeDepartmentInfo({}, 1).deptId).not.toBe(makeDepartmentInfo({}, 2).deptId);
    expect(makeMockState().org).toEqual(makeMockState().org);
  });

  it('make IDs shaped like KooDrive’s: 19-digit owners, 46-character containers', () => {
    for (const index of [0, 1, 42, 123456]) {
      expect(makeOwnerId(index)).toMatch(/^\d{19}$/);
      expect(makeContainerId(index)).toMatch(/^IAAD[A-Za-z0-9]{42}$/);
    }
  });
});
