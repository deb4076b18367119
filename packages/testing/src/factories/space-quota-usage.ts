import type { SpaceQuotaUsage } from '@koodrive/types';
import { makeList } from './space.js';

const KB_PER_GB = 1024 * 1024;

/**
 * A realistic usage row: `quota` in GB, the totals in KB (the units the carrier edition gives),
 * with capacity = allocations × quota and used ≤ capacity. Row `index` is about a quota of
 * `index + 1` GB, so rows of one list are distinct; the same `index` always gives the same row.
 */
export function makeSpaceQuotaUsage(overrides: Partial<SpaceQuotaUsage> = {}, index = 0): SpaceQuotaUsage {
  const quotaGb = index + 1;
  const allocations = 1 + ((index * 7) % 40);
  const capacityKb = allocations * quotaGb * KB_PER_GB;
  return {
    quota: String(quotaGb),
    totalAllocation: allocations,
    totalCapacity: capacityKb,
    totalUsed: Math.floor((capacityKb * ((index * 37) % 100)) / 100),
    ...overrides,
  };
}

/** `count` distinct rows, e.g. to page through: `makeSpaceQuotaUsageList(250)`. */
export function makeSpaceQuotaUsageList(count: number): SpaceQuotaUsage[] {
  return makeList(makeSpaceQuotaUsage, count);
}
