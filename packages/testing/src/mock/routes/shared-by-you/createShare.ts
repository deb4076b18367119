import type { createShareRequestBody } from '@koodrive/types';
import { findFile, findSpace, isRoot } from '../../state/files.js';
import type { MockShare } from '../../state/sharing.js';
import { notify, recordAccess } from '../../state/sharing-events.js';
import {
  aliasesOf,
  callerOf,
  expiryOf,
  nameOf,
  nextId,
  recipientsOf,
  refuse,
  sharingCodes,
  sharingOf,
} from '../../state/sharing-model.js';
import { displayNameOf, linkUrlOf } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/**
 * Shares files of one space. The caller must own an individual space to share from it (13000410);
 * every file must be in the space (13000302) and not in the recycle bin (13000306). A share naming
 * users (scope 3) must name someone (13000102); departments and groups must exist (13000309), user
 * IDs are taken as given (a test's second X-User-Id need not be a user of the organization).
 * Without `extractCode` the share has none and opens without verifyExtractCode (the reference does
 * not say whether KooDrive would make one up). The short code is the share ID plus one, as in the
 * reference's examples.
 */
export const createShare = sharingRoute((request, { state, now }) => {
  const body = request.body as createShareRequestBody;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  if (body.fileIds.length === 0) refuse(sharingCodes.invalid, 'parameter validation failed: fileIds is empty');
  const space = findSpace(state, body.containerId);
  if (space?.type === '1' && !aliasesOf(state, caller).includes(space.ownerId)) {
    refuse(
      sharingCodes.noPermission,
      `no permission on space ${body.containerId}: it is another user's individual space`,
    );
  }
  for (const fileId of body.fileIds) {
    const node = findFile(state, body.containerId, fileId);
    if (isRoot(node)) refuse(sharingCodes.badRequest, "a space's root folder cannot be shared");
    if (node.recycled) refuse(13000306, `${node.name} (${fileId}) is in the recycle bin`);
  }
  const targets = { userIds: body.userIds ?? [], deptIds: body.deptIds ?? [], groupIds: body.groupIds ?? [] };
  for (const deptId of targets.deptIds) {
    if (!state.org?.departments.some((department) => department.id === deptId))
      refuse(sharingCodes.missing, `department ${deptId} does not exist`);
  }
  for (const groupId of targets.groupIds) {
    if (!state.org?.groups.some((group) => group.id === groupId))
      refuse(sharingCodes.missing, `group ${groupId} does not exist`);
  }
  const phoneNumbers = body.phoneNumbers ?? [];
  if (
    body.scope === 3 &&
    targets.userIds.length + targets.deptIds.length + targets.groupIds.length + phoneNumbers.length === 0
  ) {
    refuse(sharingCodes.invalid, 'parameter validation failed: scope 3 names no department, group, user or number');
  }
  const sharing = sharingOf(state);
  const shareId = nextId(sharing, '18086289');
  const share: MockShare = {
    shareId,
    shortUrl: nextId(sharing, '18086289'),
    ownerId: caller,
    scope: body.scope as 1 | 2 | 3,
    containerId: body.containerId,
    fileIds: [...new Set(body.fileIds)],
    ...targets,
    phoneNumbers,
    ...(body.permission ? { permission: body.permission } : {}),
    ...(body.extractCode ? { extractCode: body.extractCode } : {}),
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
    validDays: body.validDays,
    createdAt: at,
    updatedAt: at,
    expiresAt: expiryOf(body.expireTime, body.validDays, at),
    exitedBy: [],
    viewCnt: 0,
    downloadCnt: 0,
    saveCnt: 0,
  };
  sharing.shares.push(share);
  for (const fileId of share.fileIds) {
    recordAccess(state, { userId: caller, fileId, containerId: share.containerId, operateType: 3, at });
  }
  if (share.scope === 3) {
    const context = `${nameOf(state, caller)} shared "${displayNameOf(state, share)}" with you`;
    notify(state, { from: caller, to: recipientsOf(state, share), context, share }, at);
  }
  return ok({
    shareLink: {
      shareId: share.shareId,
      shortUrl: share.shortUrl,
      linkUrl: linkUrlOf(originOf(request), share),
      ...(share.extractCode !== undefined ? { extractCode: share.extractCode } : {}),
      ...(share.comment !== undefined ? { comment: share.comment } : {}),
      expireTime: new Date(share.expiresAt).toISOString(),
    },
  });
});
