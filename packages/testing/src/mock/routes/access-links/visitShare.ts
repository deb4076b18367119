import { recordVisit } from '../../state/sharing-events.js';
import { callerOf, checkLinkAccess, findShare, isExpired, isOwner } from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/**
 * Opens a share through its short code: 13000309 for a code no live share has, 13000101 for a
 * caller the share is not open to. An expired share still answers (its link page shows that it
 * expired: getShareInfo's status 2); a live one counts a view, and the visit is recorded for
 * ListRelatedToMe.
 */
export const visitShare = sharingRoute((request, { state, now }) => {
  const caller = callerOf(request.headers);
  const share = findShare(state, { shortUrl: String(request.query.shortUrl) });
  checkLinkAccess(state, share, caller);
  const at = now().getTime();
  if (!isExpired(share, at) && !isOwner(state, share, caller)) {
    share.viewCnt += 1;
    recordVisit(state, share, caller, at);
  }
  return ok();
});
