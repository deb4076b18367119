import type { UncompressedFileinfoList } from '@koodrive/types';
import { fileRoute } from '../../state/file-replies.js';
import { contentOf, fileResultCodes, findFile, MockFileError } from '../../state/files.js';
import { readAllContent } from '../../storage/content.js';
import { listZipEntries, type ZipEntry } from '../../storage/zip-listing.js';
import { ok } from '../replies.js';

/** The largest archive the mock lists (it reads it whole). */
const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

/**
 * The entries of a .zip stored in a space, listed at once (`data.uncompressedFileList`, an array:
 * the spec accepts one entry or several): each entry's path (a directory's without its final
 * `/`), `type` "1" a file or "2" a directory, `updateAt` in ms, `fileSize` in bytes, `code` "0".
 * Refusals (13000101): not a .zip (the mock reads zip only), password-protected without `pwd` (the
 * mock does not check a password it is given), over 256 MiB. A folder: 13000406.
 */
export const listFile = fileRoute(async ({ body }, { state }) => {
  const { containerId, fileId, pwd } = body as { containerId: string; fileId: string; pwd?: string };
  const node = findFile(state, containerId, fileId);
  if (node.isFolder)
    throw new MockFileError(fileResultCodes.notAllowedOnFolder, `${node.name} is a folder, not an archive`);
  if (node.recycled) throw new MockFileError(fileResultCodes.fileRecycled, `${node.name} is in the recycle bin`);
  const content = contentOf(state, node);
  if (!content) throw new MockFileError(fileResultCodes.badRequest, `${node.name} has no stored content`);
  if (content.size > MAX_ARCHIVE_BYTES)
    throw new MockFileError(
      fileResultCodes.badRequest,
      `${node.name} is over the ${MAX_ARCHIVE_BYTES} bytes the mock lists`,
    );
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(await readAllContent(content));
  } catch {
    throw new MockFileError(
      fileResultCodes.badRequest,
      `${node.name} is not a .zip archive (the mock lists zip archives only)`,
    );
  }
  if (entries.some((entry) => entry.encrypted) && !pwd)
    throw new MockFileError(fileResultCodes.badRequest, `${node.name} is password-protected: send its password as pwd`);
  const uncompressedFileList: UncompressedFileinfoList[] = entries.map((entry) => ({
    code: '0',
    name: entry.isDirectory ? entry.name.slice(0, -1) : entry.name,
    type: entry.isDirectory ? '2' : '1',
    updateAt: String(entry.modifiedAt),
    fileSize: String(entry.size),
  }));
  return ok({ data: { uncompressedFileList } });
});
