import type { createPermissionTemplateRequestBody } from '@koodrive/types';
import type { MockPermissionTemplate } from '../../state/governance.js';
import { nextGovernanceId } from '../../state/governance-model.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Adds a template, enabled (status 1), of the given `type` (0 preset, 1 custom). The reference's
 * copies are cut before the response table, so the mock answers `code` and `msg` only: find the
 * new template with listPermissionTemplate.
 */
export const createPermissionTemplate: MockHandler = ({ body }, { state, now }) => {
  const { name, description, type, company, capabilities } = body as createPermissionTemplateRequestBody;
  const time = now().toISOString();
  const template: MockPermissionTemplate = {
    id: nextGovernanceId(state.governance, '15906265'),
    name,
    ...(description === undefined ? {} : { description }),
    templateType: type,
    status: 1,
    company,
    createTime: time,
    updateTime: time,
    capabilities: { ...capabilities },
  };
  state.governance.templates.push(template);
  return ok();
};
