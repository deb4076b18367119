import type { createFileRequestBody, MultiPartInfo } from '@koodrive/types';
import { makeUploadId } from '../../../factories/file-ids.js';
import { callerOf, fileRoute } from '../../state/file-replies.js';
import {
  checkFileName,
  childNamed,
  createFileNode,
  fileResultCodes,
  fileTypeOf,
  findNode,
  individualSpaceOf,
  MockFileError,
  type MockFileNode,
  type MockUpload,
  mimeTypeOf,
  nameInFolder,
  newFileId,
  rootOf,
} from '../../state/files.js';
import { MAX_FILE_SIZE, planParts } from '../../storage/part-rules.js';
import type { MockContext, MockRequest } from '../../types.js';
import { ok } from '../replies.js';

const invalid = (problem: string) =>
  new MockFileError(fileResultCodes.parameterValidationFailed, `parameter validation failed: ${problem}`);

/** The folder `parentFolder[0]` names: `root`/`sbox` of the caller's individual space, or a folder by ID. */
function parentOf(request: MockRequest, context: MockContext, parentId: string | undefined): MockFileNode {
  const { state } = context;
  if (!parentId) throw invalid('parentFolder must name the parent folder (root for the root)');
  let parent: MockFileNode | undefined;
  if (parentId === 'root' || parentId === 'sbox') {
    const own = individualSpaceOf(state, callerOf(request));
    if (!own)
      throw new MockFileError(
        fileResultCodes.spaceMissing,
        `the caller (X-User-Id ${callerOf(request)}) has no individual space for parentFolder ${parentId}; name a folder by ID`,
      );
    parent = rootOf(state, own, parentId);
  } else {
    parent = findNode(state, parentId);
  }
  if (!parent) throw new MockFileError(fileResultCodes.fileNotInSpace, `parent folder ${parentId} does not exist`);
  if (!parent.isFolder)
    throw new MockFileError(fileResultCodes.targetDirectoryAbnormal, `${parentId} is a file, not a folder`);
  if (parent.recycled)
    throw new MockFileError(fileResultCodes.parentDirectoryRecycled, `folder ${parentId} is in the recycle bin`);
  return parent;
}

/** The file's length as a number, refused beyond the 200 GB a multipart upload takes. */
function lengthOf(length: number | bigint): number {
  if (typeof length === 'bigint' || length > MAX_FILE_SIZE)
    throw invalid(`length ${length} is over the ${MAX_FILE_SIZE} bytes (200 GB) of a multipart upload`);
  return length;
}

/**
 * Upload step 1: the file's metadata. With the `sha256` of content the mock already stores (and
 * the same `length`), a flash upload: the file exists at once (`rapidUpload: true`, no parts).
 * Otherwise an upload starts: `uploadId` and `multiParts`, the mock's plan of parts with their
 * presigned URLs (no hashCtx: these URLs take the parts in order; uploadUrl gives URLs for parts
 * sent in parallel). The file stays invisible until completeFile.
 *
 * A taken name: `autoRename` 2 appends a timestamp, 3 (and, the mock's choice, absent) fails with
 * 13000405, 4 answers `exist: true` with the existing file when its SHA-256 is the one sent,
 * else renames. `uploadMode` `put` and `uploadType` 0 and 2 are refused: the newest reference
 * documents multipart only and marks the others as not supported yet.
 */
export const createFile = fileRoute(async (request, context) => {
  const { state, now, storage } = context;
  const body = request.body as createFileRequestBody;
  checkFileName(body.fileName);
  if (body.uploadMode === 'put')
    throw invalid('uploadMode put is not supported (the newest reference documents multipart only)');
  if (body.uploadType !== undefined && body.uploadType !== 1)
    throw invalid(`uploadType ${body.uploadType} is not supported yet (1: multipart)`);
  const sha256 = body.sha256?.toLowerCase();
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256))
    throw invalid('sha256 must be the 64 hexadecimal digits of the SHA-256 of the whole file');
  const length = lengthOf(body.length);
  const parent = parentOf(request, context, body.parentFolder[0]);
  const { containerId } = parent;
  const answer = { containerId, parentFolder: [parent.id] };

  let name = body.fileName;
  const taken = childNamed(state, parent.id, name);
  if (taken && body.autoRename === 4 && !taken.isFolder && sha256 && taken.sha256 === sha256)
    return ok({ fileId: taken.id, fileName: taken.name, rapidUpload: false, exist: true, ...answer });
  name = nameInFolder(
    state,
    parent.id,
    name,
    body.autoRename === 2 || body.autoRename === 4 ? 'rename' : 'fail',
    now(),
  );

  const stored = sha256 ? state.files.contents.get(sha256) : undefined;
  const meta = {
    ...(body.fileType ? { fileType: body.fileType } : {}),
    ...(body.mimeType ? { mimeType: body.mimeType } : {}),
    ...(body.description ? { description: body.description } : {}),
  };
  if (stored && stored.size === length) {
    const node = createFileNode(state, {
      containerId,
      parentId: parent.id,
      name,
      content: stored,
      ownerId: callerOf(request),
      now: now(),
      ...meta,
    });
    return ok({ fileId: node.id, fileName: node.name, rapidUpload: true, exist: false, ...answer });
  }

  const time = now().toISOString();
  const node: MockFileNode = {
    id: newFileId(state),
    containerId,
    parentId: parent.id,
    name,
    isFolder: false,
    fileType: body.fileType || fileTypeOf(name),
    mimeType: body.mimeType || mimeTypeOf(name),
    size: length,
    properties: {},
    createdTime: time,
    editedTime: time,
    ownerId: callerOf(request),
    status: 'uploading',
    ...(body.description ? { description: body.description } : {}),
  };
  state.files.nodes.set(node.id, node);
  const upload: MockUpload = {
    uploadId: makeUploadId(state.files.sequence++),
    fileId: node.id,
    containerId,
    length,
    ...(sha256 ? { sha256 } : {}),
    parts: new Map(),
    signedSizes: new Map(),
  };
  state.files.uploads.set(upload.uploadId, upload);
  const origin = request.origin ?? 'http://localhost';
  const multiParts: MultiPartInfo[] = await Promise.all(
    planParts(length, storage.partSize).map(async (part) => ({
      partNumber: part.partNumber,
      partSize: part.partSize,
      partOffset: part.partOffset ?? 0,
      uploadUrl: await storage.partUrl(origin, upload, part),
      partId: `${upload.uploadId}-${part.partNumber}`,
    })),
  );
  return ok({
    fileId: node.id,
    fileName: name,
    uploadId: upload.uploadId,
    rapidUpload: false,
    exist: false,
    multiParts,
    ...answer,
  });
});
