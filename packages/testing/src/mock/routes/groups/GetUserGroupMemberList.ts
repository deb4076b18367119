import { memberView } from '../../../factories/org.js';
import { groupMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { matchesKeyword, ok, pageOf } from '../replies.js';

/** A group's members whose names match `keyWord`, paged by `offset`/`limit`, with the `total` of matches. */
export const GetUserGroupMemberList: MockHandler = ({ pathParams, query }, { state, defaultPageSize }) => {
  const { org } = state;
  const group = org.groups.find((candidate) => candidate.id === pathParams.groupId);
  if (!group) return groupMissing();
  const members = group.members.map((member) => memberView(org, member));
  const matches = members.filter((member) => matchesKeyword(query.keyWord, member.userName));
  return ok({ total: matches.length, userGroupMemberInfos: pageOf(matches, query, defaultPageSize) });
};
