import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok, pageOf } from '../replies.js';

/**
 * Team spaces matching keyWord (space or owner name), paged. teamType 1 keeps the caller's own
 * spaces and 2 the others (spaces they joined); 0 or none keeps all.
 */
export const GetTeamSpaceList: MockHandler = ({ query, headers }, { state, defaultPageSize }) => {
  const caller = headers['x-user-id'];
  const matches = state.teamSpaces.filter(
    (team) =>
      matchesKeyword(query.keyWord, team.ownerName, team.id) &&
      (query.teamType === 1 ? team.ownerId === caller : query.teamType === 2 ? team.ownerId !== caller : true),
  );
  return ok({ total: String(matches.length), teams: pageOf(matches, query, defaultPageSize) });
};
