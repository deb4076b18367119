import { callerOf, contains, cursorPage, isOwner, sharingOf, sortRows } from '../../state/sharing-model.js';
import { displayNameOf, shareByMeLink } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/** The caller's shares that were not cancelled, by share time (newest first by default), filtered by display name. */
export const listShareByMe = sharingRoute((request, { state, now, defaultPageSize }) => {
  const { query } = request;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const mine = sharingOf(state).shares.filter(
    (share) =>
      share.cancelledAt === undefined &&
      isOwner(state, share, caller) &&
      contains(query.displayName, displayNameOf(state, share)),
  );
  sortRows(mine, (share) => share.createdAt, query.sortDirection);
  const { page, nextCursor } = cursorPage(mine, query, defaultPageSize);
  const origin = originOf(request);
  return ok({
    shareLinks: page.map((share) => shareByMeLink(state, share, origin, at)),
    ...(nextCursor ? { nextCursor } : {}),
  });
});
