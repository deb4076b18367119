/**
 * Inputs for the mock's stateful routes that neither the reference's examples nor the mock's IDs
 * can satisfy alone: a flow that needs a sign-in code or a live session, a department that can be
 * deleted, a person of the OrgID directory. Each takes the documented input and the mock's data
 * (which it may add to) and returns the input to send. A stateful route added to the mock that
 * refuses every generic input makes its operation fail here with "no successful call": give it an
 * entry.
 */
import type { MockState } from '@koodrive/testing';
import type { CallInput } from './call-inputs.ts';
import { USER_ID, USER_TOKEN } from './credentials.ts';

/** Prepares an operation's call against the mock's data. */
export type Setup = (input: CallInput, state: MockState) => CallInput;

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

/** A copy of `list[0]` with the ID `id` (below 2^53), added to the list. */
function smallIdTwin<Item extends { id: string }>(list: Item[], id: string): Item {
  const original = list[0];
  if (!original) throw new Error('the mock’s data has no record to copy');
  const twin = { ...structuredClone(original), id };
  list.push(twin);
  return twin;
}

/** The first space of a type (`'0'` department, `'1'` individual, `'2'` group) in the mock's data. */
function spaceOfType(state: MockState, type: string) {
  const space = state.spaces.find((candidate) => String(candidate.type) === type);
  if (!space?.ownerId || !space.containerId) throw new Error(`the mock’s data has no space of type ${type}`);
  return { ownerId: space.ownerId, containerId: space.containerId };
}

export const setups: Record<string, Setup> = {
  // The caller's own individual space (file lists act in it).
  getPersonalFiles: (input, state) => {
    const own = state.userSpaces.find((space) => space.userId === USER_ID);
    if (!own?.containerId) throw new Error(`the mock’s data gives ${USER_ID} no individual space`);
    return withBody(input, { containerId: own.containerId, parentFileId: 'root' });
  },
  // A department's team space, named by the department and the space.
  getDepartmentFiles: (input, state) => {
    const { ownerId, containerId } = spaceOfType(state, '0');
    return withBody(withParams(input, { path: { groupId: ownerId } }), { containerId, parentFileId: 'root' });
  },
  // The first page of a search takes no cursor.
  Search: (input) => {
    const body = input.body as { pageInfo?: Record<string, unknown> };
    const { pageCursor: _cursor, ...pageInfo } = body.pageInfo ?? {};
    return withBody(input, { pageInfo });
  },
  // The mock needs a file in each item (the spec does not require it); the IDs come from its data.
  CreateJob: (input) => {
    const body = input.body as { taskInfo?: Record<string, unknown> };
    return withBody(input, { taskInfo: { ...body.taskInfo, fileInfo: [{ fileId: 'sample' }] } });
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
  // A new file goes into the user's root folder (`root`, as the spec says).
  createFile: (input) => withBody(input, { parentFolder: ['root'] }),
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
