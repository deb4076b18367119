import type { TransferUnallocatedSpaceRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Moves unallocated capacity of `originType` to the target types. Refuses with 13000311
 * (insufficient space) when the origin has less unallocated capacity than asked, changing nothing.
 */
export const TransferUnallocatedSpace: MockHandler = ({ body }, { state }) => {
  const { originType, target } = body as TransferUnallocatedSpaceRequestBody;
  const origin = state.allocation.find((allocation) => allocation.type === originType);
  const asked = target.reduce((sum, item) => sum + (item.expandCapacity ?? 0), 0);
  if (!origin || origin.totalCapacity - origin.allocateCapacity < asked) {
    return fail(resultCodes.insufficientSpace, 'insufficient space');
  }
  for (const { type } of target) {
    const destination = state.allocation.find((allocation) => allocation.type === type);
    if (!destination) return fail(resultCodes.parameterValidationFailed, `no allocation of type ${type}`);
  }
  for (const { type, expandCapacity = 0 } of target) {
    origin.totalCapacity -= expandCapacity;
    const destination = state.allocation.find((allocation) => allocation.type === type);
    if (destination) destination.totalCapacity += expandCapacity;
  }
  return ok();
};
