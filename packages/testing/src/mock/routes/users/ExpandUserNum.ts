import { resultCodes } from '../../errors.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Accepts the organization's own OrgID ID. The reference documents no new limit to set (no body),
 * so the mock changes nothing: `state.org.subscription.userMaxCount` is the limit tests set.
 */
export const ExpandUserNum: MockHandler = ({ pathParams }, { state }) =>
  pathParams.orgId === state.org.orgId ? ok() : fail(resultCodes.resourceMissing, 'no organization has this ID');
