import { fileDetailsView } from '../../../factories/files.js';
import { fileRoute } from '../../state/file-replies.js';
import { findFile } from '../../state/files.js';
import { ok } from '../replies.js';

/** A file's or folder's details (also in the recycle bin): 13000301 no such space, 13000302 not in it. */
export const getFile = fileRoute(({ body, pathParams }, { state }) => {
  const { containerId } = body as { containerId: string };
  return ok(fileDetailsView(findFile(state, containerId, pathParams.fileId ?? '')));
});
