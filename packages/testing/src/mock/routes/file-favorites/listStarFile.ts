import { starFileInfoView } from '../../../factories/files.js';
import { callerOf, fileRoute, pageFrom } from '../../state/file-replies.js';
import { favouritesOf, type MockFileNode } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * The caller's starred files, by the time they were starred (newest first unless
 * `sortDirection` is 1), optionally of one `fileType`, `pageSize` (at most 100) a page. The cursor
 * is one the mock issued for the same query (13000102 otherwise); `nextCursor` is absent on the
 * last page. Starred files deleted for good since are dropped and counted in `autoDeleted`.
 */
export const listStarFile = fileRoute((request, { state }) => {
  const { query } = request;
  const stars = favouritesOf(state, callerOf(request));
  let autoDeleted = 0;
  const rows: { node: MockFileNode; starredAt: number }[] = [];
  for (const [fileId, star] of stars) {
    const node = state.files.nodes.get(fileId);
    if (!node) {
      stars.delete(fileId);
      autoDeleted++;
    } else if (node.status === 'ready' && (query.fileType === undefined || node.fileType === query.fileType)) {
      rows.push({ node, starredAt: star.starredAt });
    }
  }
  const direction = query.sortDirection === 1 ? 1 : -1;
  rows.sort((a, b) => (a.starredAt - b.starredAt) * direction || (a.node.id < b.node.id ? -1 : 1));
  const { page, next } = pageFrom(
    rows,
    query.pageCursor,
    Number(query.pageSize ?? 100),
    { sortDirection: direction, fileType: query.fileType },
    'pageCursor',
  );
  return ok({
    starFiles: page.map((row) => starFileInfoView(row.node)),
    autoDeleted,
    ...(next ? { nextCursor: next } : {}),
  });
});
