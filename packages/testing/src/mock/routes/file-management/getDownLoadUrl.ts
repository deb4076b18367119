import type { DownloadInfoResponse, getDownLoadUrlRequestBody } from '@koodrive/types';
import { fileRoute } from '../../state/file-replies.js';
import { contentOf, fileResultCodes, findFile, MockFileError, requireSpace } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Download links for up to 100 files of one space, each presigned on the mock's storage endpoint
 * (GET, Range requests, expiring as the part URLs do). Per file: 13000302 not in the space,
 * 13000406 a folder, 13000306 in the recycle bin. `batchCode` 1 all succeeded, 0 some, 2 none.
 */
export const getDownLoadUrl = fileRoute(async ({ body, origin }, { state, storage }) => {
  const { containerId, fileIds } = body as getDownLoadUrlRequestBody;
  requireSpace(state, containerId);
  const downloads: DownloadInfoResponse[] = await Promise.all(
    fileIds.map(async (fileId) => {
      try {
        const node = findFile(state, containerId, fileId);
        if (node.isFolder)
          throw new MockFileError(fileResultCodes.notAllowedOnFolder, `${node.name} is a folder: download its files`);
        if (node.recycled) throw new MockFileError(fileResultCodes.fileRecycled, `${node.name} is in the recycle bin`);
        if (!contentOf(state, node)) throw new MockFileError(13000407, `${node.name} has no stored content`);
        const url = await storage.downloadUrl(origin ?? 'http://localhost', node);
        return { fileId, fileName: node.name, url, code: '0', msg: 'success' };
      } catch (error) {
        if (!(error instanceof MockFileError)) throw error;
        return { fileId, code: String(error.code), msg: error.message };
      }
    }),
  );
  const failed = downloads.filter((download) => download.code !== '0').length;
  return ok({ batchCode: failed === 0 ? 1 : failed === downloads.length ? 2 : 0, downloads });
});
