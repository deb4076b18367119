import type { batchGetPermissionTemplateRequestBody } from '@koodrive/types';
import { permissionTemplateView } from '../../../factories/governance.js';
import { findTemplate } from '../../state/governance-model.js';
import { templateMissing } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** The templates of the IDs, in their order; an unknown ID refuses the batch (13000309: "each id is checked"). */
export const batchGetPermissionTemplate: MockHandler = ({ body }, { state }) => {
  const templates = [];
  for (const id of (body as batchGetPermissionTemplateRequestBody).ids) {
    const template = findTemplate(state.governance, id);
    if (!template) return templateMissing(id);
    templates.push(permissionTemplateView(template));
  }
  return ok({ data: templates });
};
