import { callerOf, findShare, isRecipient, refuse, sharingCodes } from '../../state/sharing-model.js';
import { shareWithMeLink } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/** A share that names the caller; any other answers 13000309, as if it did not exist. */
export const getShareWithMeDetail = sharingRoute((request, { state, now }) => {
  const share = findShare(state, { shareId: request.pathParams.shareId });
  if (!isRecipient(state, share, callerOf(request.headers))) {
    refuse(sharingCodes.missing, `share ${share.shareId} does not exist`);
  }
  const {
    shareId,
    shortUrl,
    linkUrl,
    shareTime,
    ownerId,
    ownerName,
    displayName,
    permission,
    expireTime,
    status,
    comment,
  } = shareWithMeLink(state, share, originOf(request), now().getTime());
  return ok({
    shareLink: {
      shareId,
      shortUrl,
      linkUrl,
      shareTime,
      ownerId,
      ownerName,
      displayName,
      permission,
      expireTime,
      status,
      comment,
    },
  });
});
