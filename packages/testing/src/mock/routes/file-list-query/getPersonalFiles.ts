import { callerOf, type FolderListingBody, fileRoute, folderListing } from '../../state/file-replies.js';
import { MockFileError, requireSpace } from '../../state/files.js';
import { ok } from '../replies.js';

/**
 * Lists a folder of an individual space, or of its recycle bin (`type` 1): the space must be an
 * individual space (13000410 otherwise), the folder must exist (13000302) and be a folder
 * (13000304), `pageInfo.pageCursor` must be empty or one the mock issued (13000102).
 *
 * The reference documents no response field beyond `category` (and not its value), so the mock
 * answers `code` and `msg` only: the page is computed (folderListing) but has no documented field
 * to go in. Search and listStarFile list files with documented fields.
 */
export const getPersonalFiles = fileRoute((request, { state }) => {
  const body = request.body as FolderListingBody;
  const space = requireSpace(state, body.containerId);
  if (space.type !== '1')
    throw new MockFileError(
      13000410,
      `space ${body.containerId} is not an individual space (caller ${callerOf(request)})`,
    );
  folderListing(state, body, request.pathParams.type === '1');
  return ok();
});
