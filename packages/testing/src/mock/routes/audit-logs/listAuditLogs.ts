import type { listAuditLogsRequestBody } from '@koodrive/types';
import { logInfoView } from '../../../factories/governance.js';
import type { MockAuditLog } from '../../state/governance.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

const within = (time: string, from?: string, to?: string) => {
  const at = Date.parse(time);
  return (!from || at >= Date.parse(from)) && (!to || at <= Date.parse(to));
};

/**
 * The audit log the mock wrote for what was done (every request that changes something, every
 * batch job that ended; see state/governance.ts), filtered by time, operator, operations (kept and
 * left out), result and IP; sorted by time, newest first unless `sortDirection` 1; a page of
 * `pageInfo.pageSize` (10 by default) numbered from 1 (`pageNum`, the mock's reading), with `total`.
 */
export const listAuditLogs: MockHandler = ({ body }, { state }) => {
  const filter = (body ?? {}) as listAuditLogsRequestBody;
  const keep = (log: MockAuditLog) =>
    within(log.operateTime, filter.operTimeFrom, filter.operTimeTo) &&
    (!filter.operatorName || log.operatorName === filter.operatorName) &&
    (!filter.operations?.length || filter.operations.includes(log.operation)) &&
    !filter.excludedOperations?.includes(log.operation) &&
    (!filter.operateResult || String(log.operateResult) === filter.operateResult) &&
    (!filter.operatorIP || log.operatorIP === filter.operatorIP);
  const direction = filter.sortInfo?.sortDirection === 1 ? 1 : -1;
  const logs = state.governance.auditLogs
    .filter(keep)
    .sort(
      (a, b) =>
        direction * (Date.parse(a.operateTime) - Date.parse(b.operateTime)) ||
        direction * a.logId.localeCompare(b.logId),
    );
  const pageSize = filter.pageInfo?.pageSize ?? 10;
  const pageNum = Math.max(1, filter.pageInfo?.pageNum ?? 1);
  const start = (pageNum - 1) * pageSize;
  return ok({ total: logs.length, logInfoList: logs.slice(start, start + pageSize).map(logInfoView) });
};
