import type { StatsData } from '@koodrive/types';
import { fileRoute } from '../../state/file-replies.js';
import {
  descendants,
  fileResultCodes,
  findFile,
  listChildren,
  MockFileError,
  type MockFileNode,
} from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Counts the folders and files under a folder and adds up the files' sizes: through every level
 * (`recursive`, the default) or the direct children only. `type` 1 counts files only, 2 folders
 * only; `extensions` keeps files of those extensions; an `include…` set to false leaves its field
 * out. Under a folder in the recycle bin, what was deleted with it is counted. A file: 13000304.
 */
export const StatsDir = fileRoute(({ query }, { state }) => {
  const folder = findFile(state, String(query.containerId), String(query.fileId));
  if (!folder.isFolder)
    throw new MockFileError(
      fileResultCodes.targetDirectoryAbnormal,
      `${folder.name} (${folder.id}) is a file, not a folder`,
    );
  const below: MockFileNode[] =
    query.recursive === false
      ? listChildren(state, folder.id, { recycled: folder.recycled !== undefined })
      : descendants(state, folder.id);
  const extensions =
    typeof query.extensions === 'string' && query.extensions.trim() !== ''
      ? new Set(query.extensions.split(',').map((extension) => extension.trim().replace(/^\./, '').toLowerCase()))
      : undefined;
  const folders = query.type === 1 ? [] : below.filter((node) => node.isFolder);
  const files =
    query.type === 2
      ? []
      : below.filter(
          (node) =>
            !node.isFolder &&
            (!extensions || extensions.has(node.name.slice(node.name.lastIndexOf('.') + 1).toLowerCase())),
        );
  const data: StatsData = {};
  if (query.includeTotalSize !== false) data.totalSize = files.reduce((sum, node) => sum + node.size, 0);
  if (query.includeDirCount !== false) data.subDirCount = folders.length;
  if (query.includeFileCount !== false) data.subFileCount = files.length;
  return ok({ data });
});
