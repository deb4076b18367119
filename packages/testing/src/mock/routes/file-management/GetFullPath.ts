import { fileRoute } from '../../state/file-replies.js';
import { findFile, fullPath } from '../../state/files.js';
import { ok } from '../replies.js';

/** A file's path from its space's root, as IDs and as names (the root's name is `root<containerId>`). */
export const GetFullPath = fileRoute(({ query }, { state }) =>
  ok(fullPath(state, findFile(state, String(query.containerId), String(query.fileId)))),
);
