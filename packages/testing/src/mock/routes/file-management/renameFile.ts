import { fileRoute } from '../../state/file-replies.js';
import { checkFileName, fileResultCodes, findFile, isRoot, MockFileError, nameInFolder } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Renames a file or folder: the name's rules (no `\` either, here), 13000405 when a sibling has
 * the name, 13000306 in the recycle bin, 13000101 a space's root.
 */
export const renameFile = fileRoute(({ body, pathParams }, { state, now }) => {
  const { containerId, name } = body as { containerId: string; name: string };
  checkFileName(name, { forbidBackslash: true });
  const node = findFile(state, containerId, pathParams.fileId ?? '');
  if (isRoot(node)) throw new MockFileError(fileResultCodes.badRequest, "a space's root folder cannot be renamed");
  if (node.recycled) throw new MockFileError(fileResultCodes.fileRecycled, `${node.name} is in the recycle bin`);
  if (node.name !== name) {
    node.name = nameInFolder(state, node.parentId ?? '', name, 'fail', now(), node.id);
    node.editedTime = now().toISOString();
  }
  return ok();
});
