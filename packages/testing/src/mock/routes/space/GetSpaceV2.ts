import { toSpaceInfoV2 } from '../../../factories/space.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** Every space the user owns, of one type when asked. */
export const GetSpaceV2: MockHandler = ({ pathParams, query }, { state }) =>
  ok({
    data: state.spaces
      .filter(
        (space) =>
          space.ownerId === pathParams.owner_id && (query.type === undefined || String(space.type) === query.type),
      )
      .map(toSpaceInfoV2),
  });
