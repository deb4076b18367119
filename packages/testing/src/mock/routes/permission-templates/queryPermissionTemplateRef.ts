import { findTemplate, isTemplateUsed } from '../../state/governance-model.js';
import { templateMissing } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';

/** Whether a template is in use: given to a member or a space, or the default template. */
export const queryPermissionTemplateRef: MockHandler = ({ pathParams }, { state }) => {
  const template = findTemplate(state.governance, pathParams.id);
  if (!template) return templateMissing(pathParams.id);
  return { body: { templateRef: isTemplateUsed(state.governance, template.id), code: 0, msg: 'Successful.' } };
};
