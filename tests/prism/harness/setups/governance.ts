/** Setups of Refined Authorization and Permissions Templates: team spaces, and IDs sent as int64 numbers. */
import {
  emptyDepartment,
  ID_BELOW_2_53,
  type Setup,
  smallIdTwin,
  spaceOfType,
  withBody,
  withParams,
} from './helpers.ts';

export const governanceSetups: Record<string, Setup> = {
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
    const user = smallIdTwin(state.org.users);
    user.userId = ID_BELOW_2_53;
    const template = smallIdTwin(state.governance.templates);
    return withBody(input, {
      type: 0,
      container: spaceOfType(state, '0').containerId,
      amendModRoles: [{ userId: Number(user.userId), template: Number(template.id) }],
    });
  },
  batchGetPermissionTemplate: (input, state) =>
    withBody(input, { ids: [Number(smallIdTwin(state.governance.templates).id)] }),
  editPermissionTemplate: (input, state) => withBody(input, { id: Number(smallIdTwin(state.governance.templates).id) }),
};
