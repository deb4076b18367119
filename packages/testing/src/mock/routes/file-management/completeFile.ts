import { fileRoute, uploadOf } from '../../state/file-replies.js';
import { fileResultCodes, findNode, MockFileError, nameInFolder } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Upload step 3: assembles the parts (they must cover the file, each chained to the SHA-256 state
 * of the one before) and checks the SHA-256 against `sha256`, else createFile's: 13000402 when
 * parts are missing or the digest differs (the upload stays open: re-upload parts, complete
 * again). Then the file is visible and its content a flash-upload hit. Completing a file that is
 * already complete (a flash upload) succeeds; a file with no upload: 13000401.
 */
export const completeFile = fileRoute(async ({ body }, { state, now, storage }) => {
  const { fileId, sha256 } = body as { fileId: string; sha256?: string };
  if (sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(sha256))
    throw new MockFileError(
      fileResultCodes.parameterValidationFailed,
      'parameter validation failed: sha256 must be the 64 hexadecimal digits of the SHA-256 of the whole file',
    );
  if (findNode(state, fileId)) return ok();
  const upload = uploadOf(state, fileId);
  const content = await storage.complete(upload, sha256);
  const node = state.files.nodes.get(fileId);
  state.files.uploads.delete(upload.uploadId);
  if (!node) return ok();
  // Another file may have taken the name while this one was uploading.
  node.name = nameInFolder(state, node.parentId ?? '', node.name, 'rename', now(), node.id);
  node.size = content.size;
  node.sha256 = content.sha256;
  node.editedTime = now().toISOString();
  node.status = 'ready';
  return ok();
});
