import type { MockHandler } from '../../types.js';
import { ok, spaceMissing } from '../replies.js';
import { findSpace } from './GetSpace.js';

export const DeleteSpace: MockHandler = ({ pathParams, query }, { state }) => {
  const space = findSpace(state, pathParams.ownerId ?? '', query.type, query.containerId);
  if (!space) return spaceMissing();
  state.spaces.splice(state.spaces.indexOf(space), 1);
  return ok();
};
