import type { UpdateSpaceRequestBody } from '@koodrive/types';
import type { MockHandler } from '../../types.js';
import { ok, spaceMissing } from '../replies.js';
import { findSpace } from './GetSpace.js';

/** Changes the status and size of the owner's space of that type. */
export const UpdateSpace: MockHandler = ({ pathParams, body }, { state }) => {
  const { status, capacity, type, containerId } = body as UpdateSpaceRequestBody;
  const space = findSpace(state, pathParams.ownerId ?? '', type, containerId);
  if (!space) return spaceMissing();
  if (status !== undefined) space.status = String(status);
  if (capacity !== undefined) space.capacity = capacity;
  return ok();
};
