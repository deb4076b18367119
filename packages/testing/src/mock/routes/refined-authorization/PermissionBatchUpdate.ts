import type { PermissionBatchUpdateRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { findFile, findSpace, MockFileError } from '../../state/files.js';
import type { MockMemberPermission } from '../../state/governance.js';
import { checkAssignment, isReply } from '../../state/governance-replies.js';
import { findUser } from '../../state/org-model.js';
import { userMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Sets the permissions of members of a team (`type` 0) or group (1) space, `container`, or of one
 * file of it (`fileId`): each member gets the template, or the anonymous template (-1) with its
 * flags. All or nothing: an unknown user (13000309), template (13000309), a disabled template
 * (13000101), a file not in the space (13000302) refuse the whole batch. Batch jobs then respect
 * the new flags.
 */
export const PermissionBatchUpdate: MockHandler = ({ body }, { state, now }) => {
  const { amendModRoles, type, container, fileId } = body as PermissionBatchUpdateRequestBody;
  if (!findSpace(state, container)) return fail(resultCodes.spaceMissing, `space ${container} does not exist`);
  if (fileId !== undefined) {
    try {
      findFile(state, container, fileId);
    } catch (error) {
      if (error instanceof MockFileError) return fail(error.code, error.message);
      throw error;
    }
  }
  const entries: MockMemberPermission[] = [];
  for (const [index, role] of amendModRoles.entries()) {
    const user = findUser(state.org, String(role.userId));
    if (!user) return userMissing();
    const checked = checkAssignment(state, String(role.template), role.capabilities, `body amendModRoles[${index}]`);
    if (isReply(checked)) return checked;
    entries.push({
      container,
      type,
      userId: user.userId,
      templateId: String(role.template),
      ...(role.capabilities ? { capabilities: { ...role.capabilities } } : {}),
      ...(fileId === undefined ? {} : { fileId }),
      updateTime: now().toISOString(),
    });
  }
  const { governance } = state;
  for (const entry of entries) {
    governance.memberPermissions = governance.memberPermissions.filter(
      (old) => !(old.container === entry.container && old.userId === entry.userId && old.fileId === entry.fileId),
    );
    governance.memberPermissions.push(entry);
  }
  return ok();
};
