import type { updateShareRequestBody } from '@koodrive/types';
import { notify } from '../../state/sharing-events.js';
import {
  callerOf,
  expiryOf,
  findShare,
  isOwner,
  nameOf,
  recipientsOf,
  refuse,
  sharingCodes,
} from '../../state/sharing-model.js';
import { displayNameOf, updatedShareLink } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/**
 * Changes one of the caller's shares. `validDays` 0 keeps the expiry; another value counts from
 * now; `expireTime` wins over it. Lists given replace the ones the share had; users they add get a
 * share message. An empty `extractCode` removes the code. A new code ends the kdstokens issued for
 * the old one.
 */
export const updateShare = sharingRoute((request, { state, now }) => {
  const body = request.body as updateShareRequestBody;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const share = findShare(state, { shareId: request.pathParams.shareId });
  if (!isOwner(state, share, caller)) refuse(sharingCodes.missing, `share ${share.shareId} does not exist`);
  for (const deptId of body.deptIds ?? []) {
    if (!state.org?.departments.some((department) => department.id === deptId))
      refuse(sharingCodes.missing, `department ${deptId} does not exist`);
  }
  for (const groupId of body.groupIds ?? []) {
    if (!state.org?.groups.some((group) => group.id === groupId))
      refuse(sharingCodes.missing, `group ${groupId} does not exist`);
  }
  if (body.expireTime || body.validDays !== 0) {
    share.expiresAt = expiryOf(body.expireTime, body.validDays || share.validDays, at);
    if (body.validDays !== 0) share.validDays = body.validDays;
  }
  const before = recipientsOf(state, share);
  if (body.userIds) share.userIds = body.userIds;
  if (body.deptIds) share.deptIds = body.deptIds;
  if (body.groupIds) share.groupIds = body.groupIds;
  if (body.permission) share.permission = body.permission;
  if (body.comment !== undefined) share.comment = body.comment;
  if (body.extractCode !== undefined) {
    if (body.extractCode === '') delete share.extractCode;
    else share.extractCode = body.extractCode;
  }
  share.updatedAt = at;
  if (share.scope === 3) {
    const added = recipientsOf(state, share).filter((ids) => !before.some((old) => old.some((id) => ids.includes(id))));
    const context = `${nameOf(state, caller)} shared "${displayNameOf(state, share)}" with you`;
    notify(state, { from: caller, to: added, context, share }, at);
  }
  return ok({ shareLink: updatedShareLink(state, share, originOf(request), at) });
});
