import type { SetPackageDownloadExpiresRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/** Sets how long package-download archives are kept (GetQuotaUsed reports it); a `tenantId` must be the organization's. */
export const SetPackageDownloadExpires: MockHandler = ({ body }, { state }) => {
  const { tenantId, packageDownloadExpires } = body as SetPackageDownloadExpiresRequestBody;
  if (tenantId !== undefined && tenantId !== state.org.tenantId) {
    return fail(resultCodes.resourceMissing, 'no tenant has this ID');
  }
  state.org.subscription.packageDownloadExpires = packageDownloadExpires;
  return ok();
};
