import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Allocation per space type, as an array (the table's shape; the example shows one object). */
export const GetSpaceAllocation: MockHandler = (_request, { state }) => ok({ data: state.allocation });
