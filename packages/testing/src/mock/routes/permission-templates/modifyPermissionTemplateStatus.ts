import type { modifyPermissionTemplateStatusRequestBody } from '@koodrive/types';
import { findTemplate } from '../../state/governance-model.js';
import { templateMissing } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';

/**
 * Enables (1) or disables (0) a template. A disabled template can no longer be given to members
 * (PermissionBatchUpdate, addMemberInitialPermission refuse it); those who have it keep it.
 */
export const modifyPermissionTemplateStatus: MockHandler = ({ body }, { state, now }) => {
  const { id, status } = body as modifyPermissionTemplateStatusRequestBody;
  const template = findTemplate(state.governance, id);
  if (!template) return templateMissing(id);
  template.status = status;
  template.updateTime = now().toISOString();
  return { body: { code: 0, msg: 'Successful.' } };
};
