import { userView } from '../../../factories/org.js';
import { findUser } from '../../state/org-model.js';
import { userMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** A user, found by either of their IDs (`id` or `userId`). */
export const GetUser: MockHandler = ({ pathParams }, { state }) => {
  const user = findUser(state.org, pathParams.userId);
  return user ? ok({ data: userView(state.org, user) }) : userMissing();
};
