import type { RecentlyAccess } from '@koodrive/types';
import { findSpace } from '../../state/files.js';
import type { MockAccess } from '../../state/sharing.js';
import { aliasesOf, callerOf, findShare, nameOf, sharingOf } from '../../state/sharing-model.js';
import type { MockState } from '../../types.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/** At most this many files are listed (not paged, and the reference gives no bound: the mock's choice). */
const MAX_RECENT = 100;

function shareOf(state: MockState, access: MockAccess) {
  if (!access.shareId) return undefined;
  try {
    return findShare(state, { shareId: access.shareId });
  } catch {
    return sharingOf(state).shares.find((share) => share.shareId === access.shareId);
  }
}

function row(state: MockState, access: MockAccess): RecentlyAccess {
  const node = state.files.nodes.get(access.fileId);
  const share = shareOf(state, access);
  const status = !findSpace(state, access.containerId)
    ? 2
    : !node || node.recycled || node.status !== 'ready'
      ? 1
      : undefined;
  return {
    operateTime: new Date(access.at).toISOString(),
    operateType: access.operateType,
    file: {
      id: access.fileId,
      containerId: access.containerId,
      ...(node ? { name: node.name, fileType: node.fileType } : {}),
      // A file reached through someone else's share: who shared it, and when (collaborateType 3, share).
      ...(share
        ? {
            collaboratorId: share.ownerId,
            collaborator: nameOf(state, share.ownerId),
            collaborateTime: new Date(share.createdAt).toISOString(),
            collaborateType: '3',
          }
        : {}),
    },
    ...(status !== undefined ? { status } : {}),
  };
}

/**
 * The files the caller did something with lately, newest first, one row per file (its latest
 * access): what the sharing routes recorded (share 3, a view through a download 1, a save from a
 * share 4; see state/sharing-events.ts). `status` 1 when the file was deleted or is in the recycle
 * bin, 2 when its space is gone; absent otherwise (the reference names no value for a file that is fine).
 */
export const ListRecentlyAccess = sharingRoute((request, { state }) => {
  const aliases = aliasesOf(state, callerOf(request.headers));
  const latest = new Map<string, MockAccess>();
  for (const access of sharingOf(state).access) {
    if (!aliases.includes(access.userId)) continue;
    const known = latest.get(access.fileId);
    if (!known || known.at <= access.at) latest.set(access.fileId, access);
  }
  const rows = [...latest.values()].sort((a, b) => b.at - a.at).slice(0, MAX_RECENT);
  return ok({ list: rows.map((access) => row(state, access)) });
});
