import { callerOf, findShare, isOwner, refuse, sharingCodes } from '../../state/sharing-model.js';
import { shareByMeDetail } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/** One of the caller's shares, with whom it names; another user's share answers 13000309, as if it did not exist. */
export const getShareByMeDetail = sharingRoute((request, { state, now }) => {
  const share = findShare(state, { shareId: request.pathParams.shareId });
  if (!isOwner(state, share, callerOf(request.headers)))
    refuse(sharingCodes.missing, `share ${share.shareId} does not exist`);
  return ok({ shareLink: shareByMeDetail(state, share, originOf(request), now().getTime()) });
});
