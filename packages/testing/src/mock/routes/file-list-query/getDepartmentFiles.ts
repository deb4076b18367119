import { type FolderListingBody, fileRoute, folderListing } from '../../state/file-replies.js';
import { MockFileError, requireSpace } from '../../state/files.js';
import { ok } from '../replies.js';

/** The reference's "space does not match the team". */
const SPACE_NOT_OF_TEAM = 13000415;

/**
 * Lists a folder of a department's or group's space, or of its recycle bin (`type` 1): the space
 * must be the team's (`groupId`, a department for `team_type` 0, a group for 2; 13000415
 * otherwise), then as getPersonalFiles. Like getPersonalFiles, answers `code` and `msg` only: the
 * reference documents no field for the files beyond `category`.
 */
export const getDepartmentFiles = fileRoute(({ body, pathParams, query }, { state }) => {
  const listing = body as FolderListingBody & { hidden?: boolean };
  const space = requireSpace(state, listing.containerId);
  const teamType = Number(query.team_type ?? 0) === 2 ? '2' : '0';
  if (space.ownerId !== pathParams.groupId || space.type !== teamType)
    throw new MockFileError(
      SPACE_NOT_OF_TEAM,
      `space ${listing.containerId} is not the ${teamType === '2' ? 'group' : 'department'} space of ${pathParams.groupId}`,
    );
  folderListing(state, listing, pathParams.type === '1');
  return ok();
});
