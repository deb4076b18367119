import type { batchStarFileRequestBody, SubResponse } from '@koodrive/types';
import { callerOf, fileRoute } from '../../state/file-replies.js';
import { favouritesOf, fileResultCodes, findFile, isRoot, MockFileError } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Stars or un-stars files for the caller (X-User-Id), each on its own: a file that is not in its
 * space (13000302), a space that does not exist (13000301), a file in the recycle bin (13000306, when
 * starring) or a space's root (13000101) fails alone. `status` 0 all succeeded, 1 some, 2 none. A
 * file listed twice fails the whole request (13000102), as the reference forbids duplicates.
 */
export const batchStarFile = fileRoute((request, { state, now }) => {
  const { starred, subRequestList } = request.body as batchStarFileRequestBody;
  const seen = new Set<string>();
  for (const { fileId } of subRequestList) {
    if (seen.has(fileId))
      throw new MockFileError(
        fileResultCodes.parameterValidationFailed,
        `parameter validation failed: subRequestList names file ${fileId} twice`,
      );
    seen.add(fileId);
  }
  const stars = favouritesOf(state, callerOf(request));
  const results: SubResponse[] = subRequestList.map(({ containerId, fileId }) => {
    try {
      const node = findFile(state, containerId, fileId);
      if (isRoot(node)) throw new MockFileError(fileResultCodes.badRequest, "a space's root folder cannot be starred");
      if (starred) {
        if (node.recycled) throw new MockFileError(fileResultCodes.fileRecycled, `${node.name} is in the recycle bin`);
        if (!stars.has(node.id)) stars.set(node.id, { containerId, starredAt: now().getTime() });
      } else {
        stars.delete(node.id);
      }
      return { fileId, code: '0', message: 'success' };
    } catch (error) {
      if (!(error instanceof MockFileError)) throw error;
      return { fileId, code: String(error.code), message: error.message };
    }
  });
  const failed = results.filter((result) => result.code !== '0').length;
  return ok({ status: failed === 0 ? 0 : failed === results.length ? 2 : 1, subResponseList: results });
});
