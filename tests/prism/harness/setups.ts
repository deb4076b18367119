/**
 * Inputs for the mock's stateful routes that neither the reference's examples nor the mock's IDs
 * can satisfy alone: a flow that needs a sign-in code or a live session, a department that can be
 * deleted, a person of the OrgID directory. Each takes the documented input and the mock's data
 * (which it may add to) and returns the input to send. A stateful route added to the mock that
 * refuses every generic input makes its operation fail here with "no successful call": give it an
 * entry.
 */
import { addFile, type MockState } from '@koodrive/testing';
import type { CallInput } from './call-inputs.ts';
import { USER_ID, USER_TOKEN } from './credentials.ts';

/** Prepares an operation's call against the mock's data. */
export type Setup = (input: CallInput, state: MockState) => CallInput | Promise<CallInput>;

type Department = MockState['org']['departments'][number];

const withBody = (input: CallInput, body: Record<string, unknown>): CallInput => ({
  ...input,
  source: 'set up for the mock’s data',
  body: { ...(input.body as Record<string, unknown>), ...body },
});

const withParams = (input: CallInput, params: Partial<CallInput['params']>): CallInput => ({
  ...input,
  source: 'set up for the mock’s data',
  params: {
    path: { ...input.params.path, ...params.path },
    query: { ...input.params.query, ...params.query },
    header: { ...input.params.header, ...params.header },
  },
});

/** A department with no sub-department and no user, added to the mock's data under the root. */
function emptyDepartment(state: MockState, id: string): Department {
  const department: Department = {
    id,
    parentId: state.org.rootDepartmentId,
    name: `Prism department ${id}`,
    deptId: id.padStart(32, 'a').slice(-32),
  };
  state.org.departments.push(department);
  return department;
}

/**
 * Prism's proxy parses JSON bodies and writes them again, so an integer beyond 2^53 in a request
 * body reaches the mock rounded. What a body names by an int64 number (a department, a user, a
 * permission template) is a twin of one of the mock's, with an ID below 2^53.
 */
const ID_BELOW_2_53 = '4503599627370497';

/** A zip archive with no entry: its end-of-central-directory record alone. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/** A copy of `list[0]` with the ID `id` (below 2^53), added to the list. */
function smallIdTwin<Item extends { id: string }>(list: Item[], id: string): Item {
  const original = list[0];
  if (!original) throw new Error('the mock’s data has no record to copy');
  const twin = { ...structuredClone(original), id };
  list.push(twin);
  return twin;
}

/** The container of the caller's (USER_ID's) individual space. */
function ownSpace(state: MockState): string {
  const own = state.userSpaces.find((space) => space.userId === USER_ID);
  if (!own?.containerId) throw new Error(`the mock’s data gives ${USER_ID} no individual space`);
  return own.containerId;
}

/** A folder of the caller's own space other than its root (the one createDirectory made). */
function ownFolder(state: MockState): string {
  const containerId = ownSpace(state);
  const folder = [...state.files.nodes.values()].find(
    (node) => node.containerId === containerId && node.isFolder && node.parentId !== undefined,
  );
  if (!folder) throw new Error('the caller’s space has no folder: did createDirectory succeed?');
  return folder.id;
}

/** The ID of the newest batch job. */
function lastJob(state: MockState): string {
  const job = state.tasks.jobs.at(-1);
  if (!job) throw new Error('the mock’s data has no batch job: did CreateJob succeed?');
  return job.taskId;
}

/** The first space of a type (`'0'` department, `'1'` individual, `'2'` group) in the mock's data. */
function spaceOfType(state: MockState, type: string) {
  const space = state.spaces.find((candidate) => String(candidate.type) === type);
  if (!space?.ownerId || !space.containerId) throw new Error(`the mock’s data has no space of type ${type}`);
  return { ownerId: space.ownerId, containerId: space.containerId };
}

export const setups: Record<string, Setup> = {
  // An archive to list: the smallest zip there is, with no entry.
  listFile: async (input, state) => {
    const archive = await addFile(state, {
      containerId: ownSpace(state),
      parentId: 'root',
      name: 'prism-empty.zip',
      content: EMPTY_ZIP,
    });
    return withBody(input, { containerId: archive.containerId, fileId: archive.id });
  },
  // A file inside the folder createShare shared, downloaded by the share's owner.
  downloadShareFile: async (input, state) => {
    const share = state.sharing.shares.at(-1);
    if (!share) throw new Error('the mock’s data has no share: did createShare succeed?');
    const file = await addFile(state, {
      containerId: share.containerId,
      parentId: share.fileIds[0] ?? 'root',
      name: 'prism-download.txt',
      content: 'shared content',
    });
    return withBody(input, { shareId: share.shareId, fileId: file.id });
  },
  // A share another user made for the caller: createShare's, as if its owner were someone else.
  getShareWithMeDetail: (input, state) => {
    const share = state.sharing.shares.at(-1);
    const owner = state.org.users.find((user) => user.userId !== USER_ID);
    if (!share || !owner) throw new Error('the mock’s data has no share or no other user');
    // Scope 3: shared with the people it names, here the caller.
    const received = {
      ...structuredClone(share),
      shareId: `${share.shareId}9`,
      ownerId: owner.userId,
      scope: 3 as const,
      userIds: [USER_ID],
      exitedBy: [],
    };
    state.sharing.shares.push(received);
    return withParams(input, { path: { shareId: received.shareId } });
  },
  // A folder of the caller's own space (createDirectory made one): shared, copied by a job.
  createShare: (input, state) =>
    withBody(input, { containerId: ownSpace(state), fileIds: [ownFolder(state)], scope: 1 }),
  CreateJob: (input, state) =>
    withBody(input, {
      taskType: 1,
      taskInfo: { fileInfo: [{ fileId: ownFolder(state) }], srcContainerId: ownSpace(state), newFilePath: 'root' },
      dstContainerId: ownSpace(state),
    }),
  // The job CreateJob started.
  CancelJob: (input, state) => withBody(input, { jobId: lastJob(state) }),
  GetJobDetail: (input, state) => withParams(input, { path: { job_id: lastJob(state) } }),
  // Without a taskId, the caller's latest import task, which must have ended.
  getTaskResult: (input, state) => {
    state.tasks.basicTasks.push({
      taskId: 'prism-import-task',
      taskName: 'user import',
      taskType: 1,
      tenantId: state.org.tenantId,
      userId: USER_ID,
      status: 2,
      createdAt: Date.now(),
    });
    return { ...input, source: 'set up for the mock’s data' };
  },
  // A group space, by the group's ID.
  DeleteGroupSpace: (input, state) => {
    const group = state.groupSpaces[0];
    if (!group?.id) throw new Error('the mock’s data has no group space');
    return withParams(input, { path: { groupId: group.id } });
  },
  // A folder in the caller's own space, for the file operations that follow.
  createDirectory: (input, state) => withBody(input, { containerId: ownSpace(state), parentFolder: ['root'] }),
  // One part as long as the file createFile started (its length comes from the schema: 1 byte).
  uploadUrl: (input) => withBody(input, { multiParts: [{ partNumber: 1, partSize: 1, partOffset: 0 }] }),
  // The caller's own individual space (file lists act in it).
  getPersonalFiles: (input, state) => withBody(input, { containerId: ownSpace(state), parentFileId: 'root' }),
  // A department's team space, named by the department and the space.
  getDepartmentFiles: (input, state) => {
    const { ownerId, containerId } = spaceOfType(state, '0');
    return withBody(withParams(input, { path: { groupId: ownerId } }), { containerId, parentFileId: 'root' });
  },
  // The first page of a search takes an empty cursor.
  Search: (input) => {
    const body = input.body as { pageInfo?: Record<string, unknown> };
    return withBody(input, { pageInfo: { ...body.pageInfo, pageCursor: '' } });
  },
  // Permissions of a department's team space.
  getUserPermissionList: (input, state) => {
    const { ownerId, containerId } = spaceOfType(state, '0');
    return withParams(input, { query: { spaceType: 0, deptId: ownerId, containerId } });
  },
  InitialMemberPermission: (input, state) => withParams(input, { path: { spaceId: spaceOfType(state, '0').ownerId } }),
  addMemberInitialPermission: (input, state) => {
    const department = emptyDepartment(state, ID_BELOW_2_53);
    const template = state.governance.templates[0];
    if (!template) throw new Error('the mock’s data has no permission template');
    return withBody(input, { spaceId: Number(department.id), templateId: template.id });
  },
  PermissionBatchUpdate: (input, state) => {
    const user = smallIdTwin(state.org.users, ID_BELOW_2_53);
    user.userId = ID_BELOW_2_53;
    const template = smallIdTwin(state.governance.templates, ID_BELOW_2_53);
    return withBody(input, {
      type: 0,
      container: spaceOfType(state, '0').containerId,
      amendModRoles: [{ userId: Number(user.userId), template: Number(template.id) }],
    });
  },
  batchGetPermissionTemplate: (input, state) =>
    withBody(input, { ids: [Number(smallIdTwin(state.governance.templates, ID_BELOW_2_53).id)] }),
  editPermissionTemplate: (input, state) =>
    withBody(input, { id: Number(smallIdTwin(state.governance.templates, ID_BELOW_2_53).id) }),
  // A new file goes into the user's root folder (`root`, as the spec says), beside createDirectory's folder.
  createFile: (input) => withBody(input, { parentFolder: ['root'], fileName: 'prism-file.bin' }),
  // The documented expiry has passed.
  updateShare: (input) => withBody(input, { expireTime: new Date(Date.now() + 86_400_000).toISOString() }),
  // The example's parent department is not one of the mock's.
  CreateDepartment: (input, state) => withBody(input, { parentId: state.org.rootDepartmentId }),
  UpdateDepartment: (input, state) => {
    const department = emptyDepartment(state, '1505084218764500001');
    return withBody(withParams(input, { path: { department_id: department.id } }), {
      parentId: state.org.rootDepartmentId,
    });
  },
  // Only a department without sub-departments and users may be deleted.
  DeleteDepartment: (input, state) =>
    withParams(input, { path: { department_id: emptyDepartment(state, '1505084218764500002').id } }),
  // CreateUser adds someone from the OrgID directory.
  CreateUser: (input, state) => {
    const person = state.org.directory[0];
    if (!person) throw new Error('the mock’s data has nobody in its OrgID directory');
    return withBody(input, { userId: person.userId });
  },
  batchImportUserPreVerify: (input, state) =>
    withBody(input, { curDeptId: Number(emptyDepartment(state, ID_BELOW_2_53).id) }),
  // The mock's first page is cursor 0 (the reference does not say what the first page takes).
  GetUserGroupList: (input) => withParams(input, { query: { pageCursor: '0' } }),
  // createSession exchanges a code the sign-in page issued.
  createSession: (input, state) => {
    const code = 'prism-sign-in-code';
    state.org.signInCodes.push({ code, user: state.org.administratorId, issuedAt: Date.now(), used: false });
    return withBody(input, { code });
  },
  // refreshSession renews the live session whose token the client sends.
  refreshSession: (input, state) => {
    const sessionId = 'prism-session';
    const now = Date.now();
    state.org.sessions.push({
      sessionId,
      user: state.org.administratorId,
      token: USER_TOKEN,
      lastUsedAt: now,
      createdAt: now,
      replacedTokens: [],
    });
    return withParams(input, { header: { 'x-session-id': sessionId } });
  },
};
