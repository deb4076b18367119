import type { batchAuditRequestBody } from '@koodrive/types';
import { isWhitelisted } from '../../state/governance-model.js';
import { invalid, notWhitelisted } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Adds moderation records, or changes those of the same file (same SHA-256 and size). Each needs
 * `sha256`, `size` and `auditResult` (the page hides which fields are mandatory; a record without
 * them could never be found). Records added here are manual verdicts (auditLevel 20, the mock's
 * reading). Whitelisted users only (`state.governance.whitelist`).
 */
export const batchAudit: MockHandler = ({ body, headers }, { state, now }) => {
  if (!isWhitelisted(state, headers['x-user-id'] ?? '')) return notWhitelisted();
  const list = (body as batchAuditRequestBody).list ?? [];
  for (const [index, audit] of list.entries()) {
    if (!audit.sha256 || audit.size === undefined || audit.auditResult === undefined) {
      return invalid(`body list[${index}] needs sha256, size and auditResult`);
    }
  }
  const { moderation } = state.governance;
  for (const audit of list) {
    const sha256 = (audit.sha256 as string).toLowerCase();
    const size = Number(audit.size);
    const record = {
      sha256,
      size,
      auditResult: Number(audit.auditResult) as 1 | 2 | 3,
      ...(audit.auditDetail === undefined ? {} : { auditDetail: audit.auditDetail }),
      auditLevel: 20 as const,
      ...(audit.fileId === undefined ? {} : { fileId: audit.fileId }),
      updatedAt: now().getTime(),
    };
    const at = moderation.findIndex((old) => old.sha256 === sha256 && old.size === size);
    if (at >= 0) moderation.splice(at, 1);
    moderation.push(record);
  }
  return ok();
};
