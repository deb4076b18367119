import type { RelatedToMeRecord } from '@koodrive/types';
import type { MockShare } from '../../state/sharing.js';
import {
  aliasesOf,
  callerOf,
  contains,
  cursorPage,
  isRecipient,
  nameOf,
  sharingOf,
  sortRows,
} from '../../state/sharing-model.js';
import { displayNameOf, shareFileInfo } from '../../state/sharing-views.js';
import type { MockState } from '../../types.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

function record(state: MockState, share: MockShare, at: number): RelatedToMeRecord & { time: number } {
  return {
    operator: nameOf(state, share.ownerId),
    operateType: 1,
    operateTime: new Date(at).toISOString(),
    id: share.shareId,
    displayName: displayNameOf(state, share),
    // The fields of these file objects are not documented (the spec types them as empty objects):
    // the mock gives them the share lists' ShareFileInfo fields.
    files: share.fileIds
      .map((id) => shareFileInfo(state, id))
      .filter((file) => file !== undefined) as unknown as RelatedToMeRecord['files'],
    expireTime: new Date(share.expiresAt).toISOString(),
    time: at,
  };
}

/**
 * Records that concern the caller, one per share (operateType 1, share; the record's ID is the
 * share's): the shares that name the caller (`relatedType` 1 keeps only these), and with
 * `relatedType` 0 or none also the shares of others whose link the caller opened (the mock's
 * reading of "all"; their time is the last visit). Cancelled shares and shares the caller left
 * are not listed. Sorted by time (newest first by default), cursor-paged, with `total`.
 */
export const ListRelatedToMe = sharingRoute((request, { state, defaultPageSize }) => {
  const { query } = request;
  const caller = callerOf(request.headers);
  const aliases = aliasesOf(state, caller);
  const sharing = sharingOf(state);
  const rows = new Map<string, ReturnType<typeof record>>();
  for (const share of sharing.shares) {
    if (share.cancelledAt === undefined && isRecipient(state, share, caller))
      rows.set(share.shareId, record(state, share, share.createdAt));
  }
  if (String(query.relatedType ?? '0') === '0') {
    for (const visit of sharing.visits) {
      if (!aliases.includes(visit.userId)) continue;
      const share = sharing.shares.find((candidate) => candidate.shareId === visit.shareId);
      if (!share || share.cancelledAt !== undefined || share.exitedBy.some((id) => aliases.includes(id))) continue;
      const known = rows.get(share.shareId);
      if (!known || known.time < visit.at) rows.set(share.shareId, record(state, share, visit.at));
    }
  }
  const listed = sortRows(
    [...rows.values()].filter((row) => contains(query.displayName, row.displayName ?? '')),
    (row) => row.time,
    query.sortDirection,
  );
  const { page, nextCursor } = cursorPage(listed, query, defaultPageSize);
  return ok({
    relatedToMeInfos: page.map(({ time: _time, ...row }) => row),
    total: listed.length,
    ...(nextCursor ? { nextCursor } : {}),
  });
});
