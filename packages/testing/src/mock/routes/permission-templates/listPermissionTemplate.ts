import { permissionTemplateView } from '../../../factories/governance.js';
import type { MockHandler } from '../../types.js';
import { ok, pageOf } from '../replies.js';

/**
 * The templates that match `id`, `templateType` and `status`, by creation time (`orderByTime` 0
 * newest first, the default, or 1 oldest first), presets first (`preBefore` true) or last (false),
 * `offset`/`limit` at a time, with `total` (the matching templates, presets included).
 */
export const listPermissionTemplate: MockHandler = ({ query }, { state, defaultPageSize }) => {
  const matching = state.governance.templates.filter(
    (template) =>
      (query.id === undefined || template.id === String(query.id)) &&
      (query.templateType === undefined || template.templateType === query.templateType) &&
      (query.status === undefined || template.status === query.status),
  );
  const direction = query.orderByTime === 1 ? 1 : -1;
  const presetRank = (templateType: number) =>
    query.preBefore === undefined ? 0 : (templateType === 0) === query.preBefore ? -1 : 1;
  const sorted = [...matching].sort(
    (a, b) =>
      presetRank(a.templateType) - presetRank(b.templateType) || direction * a.createTime.localeCompare(b.createTime),
  );
  return ok({ data: pageOf(sorted, query, defaultPageSize).map(permissionTemplateView), total: matching.length });
};
