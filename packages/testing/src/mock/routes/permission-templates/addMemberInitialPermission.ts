import type { addMemberInitialPermissionRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { checkAssignment, isReply, ownedSpace } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Sets what new members of a group or department space start with (creates the association, or
 * changes it): a template, or the anonymous one (-1) with its flags. Members without a permission
 * of their own then have it. Refused: an ID of no group or department, an unknown or disabled template.
 */
export const addMemberInitialPermission: MockHandler = ({ body }, { state, now }) => {
  const { spaceId, templateId, capabilities } = body as addMemberInitialPermissionRequestBody;
  const id = String(spaceId);
  if (!ownedSpace(state, id)) return fail(resultCodes.resourceMissing, `no group or department has the ID ${id}`);
  const checked = checkAssignment(state, templateId, capabilities, 'body');
  if (isReply(checked)) return checked;
  const { governance } = state;
  governance.initialPermissions = governance.initialPermissions.filter((entry) => entry.spaceId !== id);
  governance.initialPermissions.push({
    spaceId: id,
    templateId,
    ...(capabilities ? { capabilities: { ...capabilities } } : {}),
    updateTime: now().toISOString(),
  });
  return ok();
};
