import type { exitShareRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { notify } from '../../state/sharing-events.js';
import { aliasesOf, callerOf, isRecipient, liveShare, nameOf } from '../../state/sharing-model.js';
import { displayNameOf } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/**
 * Takes the caller out of shares that name them, each with its own outcome (13000309 for a share
 * that does not name them). The share's owner gets a message. Outcomes carry both `msg` (the
 * Chinese table) and `message` (the examples).
 */
export const exitShare = sharingRoute((request, { state, now }) => {
  const { shareIds } = request.body as exitShareRequestBody;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const subResponseList = shareIds.map((shareId) => {
    const share = liveShare(state, { shareId });
    if (!share || !isRecipient(state, share, caller)) {
      const msg = `share ${shareId} does not name you`;
      return { shareId, code: resultCodes.resourceMissing, msg, message: msg };
    }
    share.exitedBy.push(caller);
    const context = `${nameOf(state, caller)} left your share "${displayNameOf(state, share)}"`;
    notify(state, { from: caller, to: [aliasesOf(state, share.ownerId)], context, share }, at);
    return { shareId, code: 0, msg: 'success', message: 'success' };
  });
  return ok({ subResponseList });
});
