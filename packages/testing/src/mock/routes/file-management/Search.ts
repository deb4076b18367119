import type { SearchRequestBody } from '@koodrive/types';
import { searchFileView } from '../../../factories/files.js';
import { callerOf, fileRoute, pageFrom, sortNodes } from '../../state/file-replies.js';
import {
  descendants,
  fileResultCodes,
  findFile,
  findSpace,
  individualSpaceOf,
  listChildren,
  listRecycleBin,
  MockFileError,
  type MockFileNode,
  type MockSpaceRef,
  rootOf,
} from '../../state/files.js';
import type { MockState } from '../../types.js';
import { ok } from '../replies.js';

/** The spaces a search covers: the caller's individual space, or every department and group space. */
function spacesToSearch(state: MockState, searchType: string, userId: string, containerId?: string): MockSpaceRef[] {
  if (containerId) {
    const space = findSpace(state, containerId);
    if (!space) throw new MockFileError(fileResultCodes.spaceMissing, `space ${containerId} does not exist`);
    return [space];
  }
  if (searchType === 'personal') {
    const own = individualSpaceOf(state, userId);
    const space = own ? findSpace(state, own) : undefined;
    return space ? [space] : [];
  }
  const ids = new Set([
    ...state.spaces.filter((space) => String(space.type) !== '1').map((space) => space.containerId ?? ''),
    ...state.teamSpaces.map((space) => space.containerId ?? ''),
    ...state.groupSpaces.map((space) => space.containerId ?? ''),
  ]);
  return [...ids].flatMap((id) => findSpace(state, id) ?? []);
}

/** The nodes a search looks at in one space, before the filters. */
function candidates(state: MockState, space: MockSpaceRef, body: SearchRequestBody): MockFileNode[] {
  const parent = body.filter?.parentFolder;
  if (body.recycled) {
    // The recycle bin's entries and what went in with them.
    return listRecycleBin(state, space.containerId).flatMap((entry) =>
      entry.isFolder
        ? [entry, ...descendants(state, entry.id).filter((node) => node.recycled && !node.recycled.direct)]
        : [entry],
    );
  }
  if (!parent) return descendants(state, rootOf(state, space.containerId).id);
  const folder = findFile(state, space.containerId, parent);
  return body.recursived ? descendants(state, folder.id) : listChildren(state, folder.id);
}

/**
 * Searches file names (case-insensitive part of the name) in the caller's individual space
 * (`personal`) or in the department and group spaces (`team`; the mock does not restrict them to
 * the caller's teams), or only in `filter.containerId`. Without `filter.parentFolder` the whole
 * space is searched; with it, that folder, and the folders below when `recursived`. `recycled`
 * searches the recycle bin instead. Filters `fileType` and `ownerId` apply; `updateTimeRange`, whose
 * format is not documented, is ignored. Pages by the mock's cursors: `nextPageCursor` is empty on
 * the last page, `total` counts every match.
 */
export const Search = fileRoute((request, { state }) => {
  const body = request.body as SearchRequestBody;
  const filter = body.filter ?? {};
  if (filter.parentFolder && !filter.containerId)
    throw new MockFileError(
      fileResultCodes.parameterValidationFailed,
      'parameter validation failed: filter.containerId is required with filter.parentFolder',
    );
  const userId = callerOf(request);
  const keyWord = filter.keyWord?.toLowerCase();
  const found: { node: MockFileNode; space: MockSpaceRef }[] = [];
  for (const space of spacesToSearch(state, body.searchType, userId, filter.containerId)) {
    for (const node of candidates(state, space, body)) {
      if (keyWord && !node.name.toLowerCase().includes(keyWord)) continue;
      if (filter.fileType && node.fileType !== filter.fileType) continue;
      if (filter.ownerId && node.ownerId !== filter.ownerId) continue;
      found.push({ node, space });
    }
  }
  const spaceOf = new Map(found.map((row) => [row.node.id, row.space]));
  const sorted = sortNodes(
    found.map((row) => row.node),
    body.sortInfo,
  );
  const { pageInfo, imageProcess, ...query } = body;
  const { page, next } = pageFrom(
    sorted,
    pageInfo.pageCursor,
    pageInfo.pageSize,
    { ...query, userId },
    'pageInfo.pageCursor',
  );
  return ok({
    files: page.map((node) => searchFileView(state, node, spaceOf.get(node.id) as MockSpaceRef, userId)),
    total: sorted.length,
    nextPageCursor: next ?? '',
  });
});
