import { resultCodes } from '../../errors.js';
import { findSpace } from '../../state/files.js';
import { ANONYMOUS_TEMPLATE_ID } from '../../state/governance.js';
import { findTemplate, permissionOf } from '../../state/governance-model.js';
import { invalid } from '../../state/governance-replies.js';
import type { MockUser } from '../../state/org.js';
import { findDepartment } from '../../state/org-model.js';
import type { MockHandler } from '../../types.js';
import { fail, matchesKeyword, ok } from '../replies.js';

/**
 * The members of a group space (`spaceType` 1, `groupId`) or a department space (0, `deptId`: the
 * department's KooDrive or OrgID ID) with the permission that applies to each in `containerId` (on
 * `fileId` when given): their own, else the space's initial permission, else the default template.
 * Filters: `templateId`, `userName` (contains). `count` (100 by default) at a time; the cursor is
 * the mock's own (a position), `nextCursor` left out on the last page.
 */
export const getUserPermissionList: MockHandler = ({ query }, { state }) => {
  const { org, governance } = state;
  const containerId = String(query.containerId);
  if (!findSpace(state, containerId)) return fail(resultCodes.spaceMissing, `space ${containerId} does not exist`);
  let members: { user: MockUser; groupRole?: number; deptRole?: number }[];
  let groupName: string | undefined;
  if (query.spaceType === 1) {
    if (query.groupId === undefined) return invalid('query groupId is required when spaceType is 1');
    const group = org.groups.find((candidate) => candidate.id === String(query.groupId));
    if (!group) return fail(resultCodes.resourceMissing, 'the group does not exist');
    groupName = group.groupName;
    members = group.members.flatMap((member) => {
      const user = org.users.find((candidate) => candidate.id === member.userId);
      return user ? [{ user, groupRole: member.role }] : [];
    });
  } else {
    if (query.deptId === undefined) return invalid('query deptId is required when spaceType is 0');
    const wanted = String(query.deptId);
    const department = findDepartment(org, wanted) ?? org.departments.find((candidate) => candidate.deptId === wanted);
    if (!department) return fail(resultCodes.resourceMissing, 'the department does not exist');
    members = org.users.filter((user) => user.deptId === department.id).map((user) => ({ user, deptRole: user.role }));
  }
  const fileId = query.fileId === undefined ? undefined : String(query.fileId);
  const rows = members
    .filter(({ user }) => matchesKeyword(query.userName, user.name))
    .map(({ user, groupRole, deptRole }) => {
      const permission = permissionOf(state, user.userId, containerId, fileId) ?? {
        templateId: governance.defaultTemplateId,
        capabilities: findTemplate(governance, governance.defaultTemplateId)?.capabilities,
      };
      const anonymous = permission.templateId === ANONYMOUS_TEMPLATE_ID;
      const department = findDepartment(org, user.deptId);
      return {
        userName: user.name,
        mobile: user.mobile,
        deptName: department?.name ?? '',
        deptId: user.deptId,
        templateId: permission.templateId,
        ...(groupName === undefined ? {} : { groupName }),
        ...(anonymous ? { description: 'custom permissions (anonymous template)' } : {}),
        userId: user.userId,
        templateName: anonymous ? 'Custom' : (findTemplate(governance, permission.templateId)?.name ?? ''),
        ...(deptRole === undefined ? {} : { deptRole }),
        ...(groupRole === undefined ? {} : { groupRole }),
        capabilities: permission.capabilities ? [{ ...permission.capabilities }] : [],
      };
    })
    .filter((row) => query.templateId === undefined || row.templateId === String(query.templateId));
  const cursor = query.cursor === undefined ? '' : String(query.cursor);
  if (cursor !== '' && !/^\d+$/.test(cursor)) return invalid('query cursor: not a cursor this service gave');
  const start = cursor === '' ? 0 : Number(cursor);
  const end = start + Number(query.count ?? 100);
  return ok({ userPermissonList: rows.slice(start, end), ...(end < rows.length ? { nextCursor: String(end) } : {}) });
};
