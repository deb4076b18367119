import type { SpaceInfo } from '@koodrive/types';
import type { MockHandler, MockState } from '../../types.js';
import { ok, spaceMissing } from '../replies.js';

/** The space of an owner and type (and container, when the owner has several). */
export function findSpace(
  state: MockState,
  ownerId: string,
  type: unknown,
  containerId?: unknown,
): SpaceInfo | undefined {
  return state.spaces.find(
    (space) =>
      space.ownerId === ownerId &&
      String(space.type) === String(type) &&
      (containerId === undefined || space.containerId === containerId),
  );
}

export const GetSpace: MockHandler = ({ pathParams, query }, { state }) => {
  const space = findSpace(state, pathParams.ownerId ?? '', query.type, query.containerId);
  return space ? ok({ data: space }) : spaceMissing();
};
