import { findUser } from '../../state/org-model.js';
import { userMissing } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** A user's mobile number, at the top level of the answer. */
export const GetUserMobile: MockHandler = ({ pathParams }, { state }) => {
  const user = findUser(state.org, pathParams.userId);
  return user ? ok({ mobile: user.mobile }) : userMissing();
};
