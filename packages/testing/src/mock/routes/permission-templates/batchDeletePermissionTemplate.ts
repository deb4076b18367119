import type { batchDeletePermissionTemplateRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { findTemplate, isTemplateUsed } from '../../state/governance-model.js';
import { templateMissing } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { fail } from '../replies.js';

/**
 * Deletes templates, all or none: an unknown ID (13000309) or a template in use (assigned to a
 * member or a space, or the default: 13000101, the mock's rule, which queryPermissionTemplateRef
 * lets a caller check first) refuses the batch.
 */
export const batchDeletePermissionTemplate: MockHandler = ({ body }, { state }) => {
  const { governance } = state;
  const ids = (body as batchDeletePermissionTemplateRequestBody).ids.map(String);
  for (const id of ids) {
    if (!findTemplate(governance, id)) return templateMissing(id);
    if (isTemplateUsed(governance, id)) return fail(resultCodes.badRequest, `permission template ${id} is in use`);
  }
  governance.templates = governance.templates.filter((template) => !ids.includes(template.id));
  return { body: { code: 0, msg: 'Successful.' } };
};
