import { auditDataView } from '../../../factories/governance.js';
import type { MockFileNode } from '../../state/files.js';
import { isWhitelisted } from '../../state/governance-model.js';
import { invalid, notWhitelisted } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * The tenant's low- and high-sensitivity records (auditResult 2 and 3), oldest first, `pageSize`
 * (a digit string, 100 by default and at most) at a time; the cursor is the mock's own (a
 * position). With `hasUrl`, each record whose content the mock stores links to it through the
 * mock's storage. Whitelisted users only.
 */
export const auditList: MockHandler = async ({ query, headers, origin }, { state, storage }) => {
  if (!isWhitelisted(state, headers['x-user-id'] ?? '')) return notWhitelisted();
  const pageSize = query.pageSize === undefined ? 100 : Number(query.pageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    return invalid('query pageSize must be a whole number from 1 to 100');
  }
  const cursor = query.cursor === undefined ? '' : String(query.cursor);
  if (cursor !== '' && !/^\d+$/.test(cursor)) return invalid('query cursor: not a cursor this service gave');
  const flagged = state.governance.moderation
    .filter((record) => record.auditResult !== 1)
    .sort((a, b) => a.updatedAt - b.updatedAt);
  const start = cursor === '' ? 0 : Number(cursor);
  const end = start + pageSize;
  const page = [];
  for (const record of flagged.slice(start, end)) {
    let file: MockFileNode | undefined;
    if (query.hasUrl === true) {
      for (const node of state.files.nodes.values()) {
        if (node.sha256 === record.sha256 && node.status === 'ready') file = node;
      }
    }
    page.push(auditDataView(record, file && origin ? await storage.downloadUrl(origin, file) : undefined));
  }
  return ok({ auditList: page, ...(end < flagged.length ? { nextCursor: String(end) } : {}) });
};
