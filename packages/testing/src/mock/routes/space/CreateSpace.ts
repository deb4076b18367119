import type { CreateSpaceRequestBody } from '@koodrive/types';
import { makeContainerId } from '../../../factories/ids.js';
import { makeSpaceInfo, toCreateSpaceRspInfo } from '../../../factories/space.js';
import { resultCodes } from '../../errors.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';
import { findSpace } from './GetSpace.js';

/** Adds a space for the owner, unless one of that type exists; answers with the new space. */
export const CreateSpace: MockHandler = ({ pathParams, body }, { state }) => {
  const { capacity, type } = body as CreateSpaceRequestBody;
  const ownerId = pathParams.ownerId ?? '';
  if (findSpace(state, ownerId, type))
    return fail(resultCodes.badRequest, 'the owner already has a space of this type');
  const index = state.spaces.length + 1;
  const space = makeSpaceInfo(
    {
      ownerId,
      type: String(type),
      capacity: Number(capacity),
      spaceUsed: 0,
      containerId: makeContainerId(7000 + index),
    },
    index,
  );
  state.spaces.push(space);
  // The answer is the stored space itself, as GetSpace and GetSpaceByContainerID will show it.
  return ok({ data: toCreateSpaceRspInfo(space) });
};
