import { resultCodes } from '../../errors.js';
import { ANONYMOUS_TEMPLATE_ID } from '../../state/governance.js';
import { findTemplate, grantedBy } from '../../state/governance-model.js';
import { ownedSpace } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/** A 19-digit ID as the exact JSON integer the reference types it (Long), when it is one. */
const asLong = (id: string) => (/^\d+$/.test(id) ? BigInt(id) : id);

/**
 * What a new member of a group or department space starts with: the space's initial permission
 * (addMemberInitialPermission), else the default template. `userId` is the caller (X-User-Id);
 * `spaceType` 1 group, 0 department. An ID of neither: HTTP 400, 13000309.
 */
export const InitialMemberPermission: MockHandler = ({ pathParams, headers }, { state }) => {
  const { governance } = state;
  const spaceId = pathParams.spaceId as string;
  const owned = ownedSpace(state, spaceId);
  if (!owned) return fail(resultCodes.resourceMissing, `no group or department has the ID ${spaceId}`);
  const assignment = governance.initialPermissions.find((entry) => entry.spaceId === spaceId) ?? {
    templateId: governance.defaultTemplateId,
  };
  const anonymous = assignment.templateId === ANONYMOUS_TEMPLATE_ID;
  const capabilities = grantedBy(governance, assignment);
  return ok({
    data: {
      userId: asLong(headers['x-user-id'] ?? ''),
      spaceId: asLong(spaceId),
      ...(owned.space?.containerId ? { containerId: owned.space.containerId } : {}),
      spaceType: owned.spaceType,
      templateId: assignment.templateId,
      templateName: anonymous ? 'Custom' : (findTemplate(governance, assignment.templateId)?.name ?? ''),
      ...(capabilities ? { capabilities: { ...capabilities } } : {}),
    },
  });
};
