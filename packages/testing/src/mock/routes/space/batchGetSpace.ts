import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Every space of the owner and type (one, when a containerId is given). */
export const batchGetSpace: MockHandler = ({ query }, { state }) =>
  ok({
    data: state.spaces.filter(
      (space) =>
        space.ownerId === query.ownerId &&
        String(space.type) === String(query.type) &&
        (query.containerId === undefined || space.containerId === query.containerId),
    ),
  });
