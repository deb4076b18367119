import { resultCodes } from '../../errors.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

export const DeleteGroupSpace: MockHandler = ({ pathParams }, { state }) => {
  const group = state.groupSpaces.find((candidate) => candidate.id === pathParams.groupId);
  if (!group) return fail(resultCodes.resourceMissing, 'the group does not exist');
  state.groupSpaces.splice(state.groupSpaces.indexOf(group), 1);
  state.spaces = state.spaces.filter((space) => !(space.ownerId === group.id && String(space.type) === '2'));
  return ok();
};
