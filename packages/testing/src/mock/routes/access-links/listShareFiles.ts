import type { listShareFilesRequestBody } from '@koodrive/types';
import { listChildren, type MockFileNode } from '../../state/files.js';
import {
  callerOf,
  contains,
  cursorPage,
  liveNode,
  nodeOfShare,
  openShare,
  refuse,
  sharingCodes,
  sortRows,
} from '../../state/sharing-model.js';
import { commonShareLink, shareFile } from '../../state/sharing-views.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

const SORT_KEYS: Record<number, (node: MockFileNode) => string | number> = {
  1: (node) => node.name,
  2: (node) => node.size,
  4: (node) => node.editedTime,
};

/**
 * The files of a share opened through its link: its top level, or the children of one of its
 * folders (`parentFolder`), without what is in the recycle bin; sorted (by time of change, newest
 * first, by default), filtered by name (contains, any case), cursor-paged. A share with an access
 * code wants its kdstoken. `refreshCount` changes nothing here (views are counted by visitShare).
 */
export const listShareFiles = sharingRoute((request, { state, now, defaultPageSize }) => {
  const body = request.body as listShareFilesRequestBody;
  const at = now().getTime();
  const share = openShare(state, { shortUrl: body.shortUrl }, callerOf(request.headers), body.kdstoken, at);
  let nodes: MockFileNode[];
  if (body.parentFolder) {
    const folder = nodeOfShare(state, share, body.parentFolder);
    if (!folder.isFolder)
      refuse(sharingCodes.invalid, `parameter validation failed: parentFolder ${folder.id} is a file`);
    nodes = listChildren(state, folder.id);
  } else {
    nodes = share.fileIds.map((id) => liveNode(state, id)).filter((node) => node !== undefined);
  }
  const rows = nodes.filter((node) => contains(body.fileName, node.name));
  sortRows(rows, SORT_KEYS[body.sortType ?? 4] ?? (SORT_KEYS[4] as never), body.sortDirection);
  const { page, nextCursor } = cursorPage(rows, body, defaultPageSize);
  return ok({
    link: commonShareLink(state, share, at),
    files: page.map(shareFile),
    ...(nextCursor ? { nextCursor } : {}),
  });
});
