import type { downloadShareFileRequestBody } from '@koodrive/types';
import { notify, recordAccess } from '../../state/sharing-events.js';
import {
  aliasesOf,
  callerOf,
  isOwner,
  nameOf,
  nodeOfShare,
  openShare,
  refuse,
  sharingCodes,
} from '../../state/sharing-model.js';
import { displayNameOf } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/**
 * A presigned link to one file of a share, through the mock's storage endpoint (as getDownLoadUrl
 * gives for one's own files). The file must be in the share (13000302) and not a folder
 * (13000406). Counts a download, records a view for the caller, and tells the owner when someone
 * else downloads. `permission.download` is not enforced: the reference says permissions are to be
 * supported in the future.
 */
export const downloadShareFile = sharingRoute(async (request, { state, now, storage }) => {
  const body = request.body as downloadShareFileRequestBody;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const share = openShare(state, { shareId: body.shareId }, caller, body.kdstoken, at);
  const node = nodeOfShare(state, share, body.fileId);
  if (node.isFolder)
    refuse(sharingCodes.notAllowedOnFolder, `${node.name} is a folder: download its files, or create a download task`);
  const downloadUrl = await storage.downloadUrl(originOf(request), node);
  share.downloadCnt += 1;
  recordAccess(state, {
    userId: caller,
    fileId: node.id,
    containerId: node.containerId,
    operateType: 1,
    at,
    ...(isOwner(state, share, caller) ? {} : { shareId: share.shareId }),
  });
  if (!isOwner(state, share, caller)) {
    const context = `${nameOf(state, caller)} downloaded "${node.name}" from your share "${displayNameOf(state, share)}"`;
    notify(state, { from: caller, to: [aliasesOf(state, share.ownerId)], context, share }, at);
  }
  return ok({ downloadUrl });
});
