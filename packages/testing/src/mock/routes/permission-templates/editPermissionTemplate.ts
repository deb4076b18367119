import type { editPermissionTemplateRequestBody } from '@koodrive/types';
import { findTemplate } from '../../state/governance-model.js';
import { templateMissing } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Renames a template, and changes its description and flags when given; members who have it get the new flags. */
export const editPermissionTemplate: MockHandler = ({ body }, { state, now }) => {
  const { id, name, description, capabilities } = body as editPermissionTemplateRequestBody;
  const template = findTemplate(state.governance, id);
  if (!template) return templateMissing(id);
  template.name = name;
  if (description !== undefined) template.description = description;
  if (capabilities) template.capabilities = { ...capabilities };
  template.updateTime = now().toISOString();
  return ok();
};
