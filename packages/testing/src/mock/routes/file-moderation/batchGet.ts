import type { batchGetRequestBody } from '@koodrive/types';
import { batchGetAuditView } from '../../../factories/governance.js';
import { isWhitelisted } from '../../state/governance-model.js';
import { notWhitelisted } from '../../state/governance-replies.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** The moderation records of the files asked for (by SHA-256 and size); files never moderated are left out. */
export const batchGet: MockHandler = ({ body, headers }, { state }) => {
  if (!isWhitelisted(state, headers['x-user-id'] ?? '')) return notWhitelisted();
  const features = (body as batchGetRequestBody).featureList ?? [];
  const found = features.flatMap((feature) => {
    const record = state.governance.moderation.find(
      (candidate) =>
        candidate.sha256 === feature.sha256?.toLowerCase() &&
        (feature.size === undefined || candidate.size === Number(feature.size)),
    );
    return record ? [batchGetAuditView(record)] : [];
  });
  return ok({ data: { auditList: found } });
};
