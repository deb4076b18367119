import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

const sum = (values: (number | bigint | undefined)[]) =>
  values.reduce<number>((total, value) => total + Number(value ?? 0), 0);

/** The totals of every quota's usage. */
export const GetSpaceUsageByOverview: MockHandler = (_request, { state }) => {
  const rows = state.spaceQuotaUsage;
  return ok({
    data: {
      totalAllocation: sum(rows.map((row) => row.totalAllocation)),
      totalCapacity: sum(rows.map((row) => row.totalCapacity)),
      totalUsed: sum(rows.map((row) => row.totalUsed)),
    },
  });
};
