import type { MockHandler } from '../../types.js';

/**
 * Pages through `state.spaceQuotaUsage` by `offset` and `limit`; `total` counts every row.
 * Without a `limit` the mock answers `defaultPageSize` rows (the reference names no default).
 */
export const GetSpaceUsageByQuota: MockHandler = ({ query }, { state, defaultPageSize }) => {
  const rows = state.spaceQuotaUsage;
  const offset = typeof query.offset === 'number' ? query.offset : 0;
  const limit = typeof query.limit === 'number' ? query.limit : defaultPageSize;
  return {
    body: { code: 0, msg: 'success', data: rows.slice(offset, offset + limit), total: rows.length },
  };
};
