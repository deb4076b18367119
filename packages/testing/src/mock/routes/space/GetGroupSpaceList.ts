import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok, pageOf } from '../replies.js';

const GROUPS_MAX = 1000;

/** Group spaces matching keyWord, paged, with the enterprise's group figures. */
export const GetGroupSpaceList: MockHandler = ({ query }, { state, defaultPageSize }) => {
  const matches = state.groupSpaces.filter((group) => matchesKeyword(query.keyWord, group.ownerName, group.id));
  const assigned = state.groupSpaces.reduce((sum, group) => sum + Number(group.capacity ?? 0), 0);
  const groupAllocation = state.allocation.find((allocation) => allocation.type === 2);
  return ok({
    total: matches.length,
    groupsTotal: state.groupSpaces.length,
    groupsMax: GROUPS_MAX,
    assignedCapacity: String(assigned),
    maxCapacity: String(groupAllocation?.totalCapacity ?? assigned),
    groups: pageOf(matches, query, defaultPageSize),
  });
};
