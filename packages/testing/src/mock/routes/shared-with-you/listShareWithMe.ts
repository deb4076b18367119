import { callerOf, contains, cursorPage, isRecipient, sharingOf, sortRows } from '../../state/sharing-model.js';
import { displayNameOf, shareWithMeLink } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/**
 * The shares that name the caller (scope 3: as a user, or through a department or group) and that
 * the caller has not left, by share time (newest first by default). Expired shares stay listed with
 * status 2; cancelled ones are gone. Links the caller merely opened are not "shared with" them here
 * (ListRelatedToMe lists those).
 */
export const listShareWithMe = sharingRoute((request, { state, now, defaultPageSize }) => {
  const { query } = request;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const rows = sharingOf(state).shares.filter(
    (share) =>
      share.cancelledAt === undefined &&
      isRecipient(state, share, caller) &&
      contains(query.displayName, displayNameOf(state, share)),
  );
  sortRows(rows, (share) => share.createdAt, query.sortDirection);
  const { page, nextCursor } = cursorPage(rows, query, defaultPageSize);
  const origin = originOf(request);
  return ok({
    shareLinks: page.map((share) => shareWithMeLink(state, share, origin, at)),
    ...(nextCursor ? { nextCursor } : {}),
  });
});
