import { describe, expectTypeOf, it } from 'vitest';
import type {
  GetSpaceUsageByQuotaQuery,
  GetSpaceUsageByQuotaResponse,
  operations,
  ResultEnvelope,
  SpaceQuotaUsage,
} from '../src/index.js';

describe('named exports', () => {
  it('name the schemas', () => {
    expectTypeOf<SpaceQuotaUsage>().toEqualTypeOf<{
      quota?: string;
      totalAllocation?: number | bigint;
      totalCapacity?: number | bigint;
      totalUsed?: number | bigint;
    }>();
    expectTypeOf<ResultEnvelope['code']>().toEqualTypeOf<number | string>();
  });

  it('name each operation’s query and response', () => {
    expectTypeOf<GetSpaceUsageByQuotaQuery>().toEqualTypeOf<{ limit?: number; offset?: number }>();
    expectTypeOf<GetSpaceUsageByQuotaResponse['data']>().toEqualTypeOf<SpaceQuotaUsage[] | undefined>();
    expectTypeOf<GetSpaceUsageByQuotaResponse['total']>().toEqualTypeOf<number | undefined>();
  });

  it('keep the spec’s required headers required in the raw operation type', () => {
    expectTypeOf<operations['GetSpaceUsageByQuota']['parameters']['header']['X-User-Id']>().toEqualTypeOf<string>();
  });
});
