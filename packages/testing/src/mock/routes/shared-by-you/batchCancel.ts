import type { batchCancelRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { notify } from '../../state/sharing-events.js';
import { callerOf, isOwner, liveShare, nameOf, recipientsOf, sharingOf } from '../../state/sharing-model.js';
import { displayNameOf } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/**
 * Cancels the caller's shares, each with its own outcome: 13000309 for a share that does not exist
 * or is not the caller's. A cancelled share no longer opens, its kdstokens end, and the users it
 * named get a message. `shareIds` is optional in the main edition: without it nothing is cancelled.
 */
export const batchCancel = sharingRoute((request, { state, now }) => {
  const { shareIds = [] } = request.body as batchCancelRequestBody;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const sharing = sharingOf(state);
  const subResponseList = shareIds.map((shareId) => {
    const share = liveShare(state, { shareId });
    if (!share || !isOwner(state, share, caller)) {
      return { shareId, code: resultCodes.resourceMissing, msg: `share ${shareId} does not exist` };
    }
    share.cancelledAt = at;
    sharing.tokens = sharing.tokens.filter((token) => token.shareId !== shareId);
    if (share.scope === 3) {
      const context = `${nameOf(state, caller)} stopped sharing "${displayNameOf(state, share)}"`;
      notify(state, { from: caller, to: recipientsOf(state, share), context, share }, at);
    }
    return { shareId, code: 0, msg: 'success' };
  });
  return ok({ subResponseList });
});
