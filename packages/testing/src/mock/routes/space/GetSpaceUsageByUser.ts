import type { GetSpaceUsageByUserRequestBody } from '@koodrive/types';
import type { MockHandler } from '../../types.js';
import { ok, pageOf } from '../replies.js';

/** Users' quotas, for the given users (all without userIds), paged by the body's offset and limit. */
export const GetSpaceUsageByUser: MockHandler = ({ body }, { state, defaultPageSize }) => {
  const { userIds, offset, limit } = (body ?? {}) as GetSpaceUsageByUserRequestBody;
  const matches = state.userQuotas.filter((quota) => !userIds || userIds.includes(quota.userId ?? ''));
  return ok({ total: matches.length, data: pageOf(matches, { offset, limit }, defaultPageSize) });
};
