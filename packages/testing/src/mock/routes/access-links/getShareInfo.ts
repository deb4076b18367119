import { callerOf, checkLinkAccess, findShare } from '../../state/sharing-model.js';
import { commonShareLink } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/** What a share's link shows: owner, times, permissions, state (2 once expired). No kdstoken needed. */
export const getShareInfo = sharingRoute((request, { state, now }) => {
  const share = findShare(state, { shortUrl: String(request.query.shortUrl) });
  checkLinkAccess(state, share, callerOf(request.headers));
  return ok({ link: commonShareLink(state, share, now().getTime()) });
});
