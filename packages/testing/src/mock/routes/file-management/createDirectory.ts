import type { createDirectoryRequestBody } from '@koodrive/types';
import { callerOf, fileRoute } from '../../state/file-replies.js';
import { createFolder } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Creates a folder under `parentFolder[0]` (the root when absent or empty). A name already taken
 * fails with 13000405 unless `renameMode` is 2 (a timestamp is appended); the reference gives no
 * default, the mock's is to fail. A parent in the recycle bin: 13000404; a file as parent: 13000304.
 */
export const createDirectory = fileRoute((request, { state, now }) => {
  const body = request.body as createDirectoryRequestBody;
  const given = body.createdTime ? new Date(body.createdTime) : undefined;
  const folder = createFolder(state, {
    containerId: body.containerId,
    parentId: body.parentFolder?.[0] || 'root',
    name: body.fileName,
    ownerId: callerOf(request),
    onConflict: body.renameMode === 2 ? 'rename' : 'fail',
    now: now(),
    ...(body.description ? { description: body.description } : {}),
    ...(body.mimeType ? { mimeType: body.mimeType } : {}),
  });
  if (given && !Number.isNaN(given.getTime())) folder.createdTime = given.toISOString();
  return ok({ id: folder.id, fileName: folder.name, mimeType: folder.mimeType });
});
