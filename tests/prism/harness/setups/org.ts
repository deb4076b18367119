/** Setups of the organization's operations: departments, users, groups, sessions. */
import { USER_TOKEN } from '../credentials.ts';
import { emptyDepartment, ID_BELOW_2_53, type Setup, withBody, withParams } from './helpers.ts';

export const orgSetups: Record<string, Setup> = {
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
  // A group space, by the group's ID.
  DeleteGroupSpace: (input, state) => {
    const group = state.groupSpaces[0];
    if (!group?.id) throw new Error('the mock’s data has no group space');
    return withParams(input, { path: { groupId: group.id } });
  },
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
