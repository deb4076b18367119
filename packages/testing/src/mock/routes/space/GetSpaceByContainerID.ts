import type { MockHandler } from '../../types.js';
import { ok, spaceMissing } from '../replies.js';

export const GetSpaceByContainerID: MockHandler = ({ pathParams }, { state }) => {
  const space = state.spaces.find((candidate) => candidate.containerId === pathParams.containerId);
  return space ? ok({ data: space }) : spaceMissing();
};
