import type { MockHandler } from '../types.js';
import { GetSpaceUsageByQuota } from './space/GetSpaceUsageByQuota.js';

/** The mock's default behaviour for each operation, by operationId. */
export const defaultRoutes: Record<string, MockHandler> = { GetSpaceUsageByQuota };
