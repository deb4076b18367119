import { fileRoute } from '../../state/file-replies.js';
import { emptyRecycleBin } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Empties a space's recycle bin for good. The service does it in the background; the mock at
 * once, so a listing right after shows an empty bin. Takes the space as `container` (the table's
 * name) or `containerId` (the example's).
 */
export const clearRecycleFile = fileRoute(({ body }, { state }) => {
  const { container, containerId } = body as { container?: string; containerId?: string };
  emptyRecycleBin(state, container ?? containerId ?? '');
  return ok();
});
