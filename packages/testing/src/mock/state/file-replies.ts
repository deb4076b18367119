/**
 * What the file routes share: turning a MockFileError into KooDrive's answer, the cursors the
 * mock issues for cursor-paged lists, and file-list sorting.
 */
import type { FileSortInfo } from '@koodrive/types';
import { fail } from '../routes/replies.js';
import type { MockContext, MockHandler, MockReply, MockRequest, MockState } from '../types.js';
import {
  fileResultCodes,
  findFile,
  isRoot,
  listChildren,
  listRecycleBin,
  MockFileError,
  type MockFileNode,
  type MockUpload,
} from './files.js';

/** A route whose MockFileErrors become HTTP 400 answers with their code and message. */
export function fileRoute(
  handler: (request: MockRequest, context: MockContext) => MockReply | Promise<MockReply>,
): MockHandler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof MockFileError) return fail(error.code, error.message);
      throw error;
    }
  };
}

/** The X-User-Id the request acts for. */
export const callerOf = (request: MockRequest) => request.headers['x-user-id'] ?? '';

/** A short, stable fingerprint of a list's query, so that a cursor is only used with its own query. */
function fingerprint(query: unknown): string {
  let hash = 0x811c9dc5;
  for (const character of JSON.stringify(query) ?? '') {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** A cursor for the row at `offset` of the list `query` gives. Opaque to callers. */
export function issueCursor(offset: number, query: unknown): string {
  return btoa(`kd1.${offset}.${fingerprint(query)}`)
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/**
 * The offset a cursor stands for (0 for none or an empty one): a MockFileError 13000102 when the
 * mock did not issue it, or issued it for another query.
 */
export function readCursor(cursor: unknown, query: unknown, field: string): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  let text = '';
  try {
    text = atob(String(cursor).replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // Not base64: refused below.
  }
  const match = /^kd1\.(\d+)\.([0-9a-z]+)$/.exec(text);
  if (!match || match[2] !== fingerprint(query))
    throw new MockFileError(
      fileResultCodes.parameterValidationFailed,
      `parameter validation failed: ${field} is not a cursor this list issued (pass the previous page's cursor unchanged, with the same query)`,
    );
  return Number(match[1]);
}

/** A page of rows from a cursor: the rows, and the next page's cursor (undefined on the last page). */
export function pageFrom<T>(
  rows: readonly T[],
  cursor: unknown,
  pageSize: number,
  query: unknown,
  field: string,
): { page: T[]; next?: string } {
  const offset = readCursor(cursor, query, field);
  const page = rows.slice(offset, offset + pageSize);
  const end = offset + page.length;
  return end < rows.length ? { page, next: issueCursor(end, query) } : { page };
}

const extension = (node: MockFileNode) =>
  node.isFolder ? '' : node.name.slice(node.name.lastIndexOf('.') + 1).toLowerCase();

/**
 * Sorts file nodes as FileSortInfo asks: 1 name, 2 size, 3 creation time, 4 modification time,
 * 5 time moved to the recycle bin, 6 format (extension); 1 ascending, 2 descending. By name,
 * ascending, when absent; folders before files within equal keys, then by ID, so pages are stable.
 */
export function sortNodes(nodes: MockFileNode[], sortInfo: FileSortInfo | undefined): MockFileNode[] {
  const key = (node: MockFileNode): string | number => {
    switch (sortInfo?.sortType) {
      case 2:
        return node.size;
      case 3:
        return node.createdTime;
      case 4:
        return node.editedTime;
      case 5:
        return node.recycled?.at ?? '';
      case 6:
        return extension(node);
      default:
        return node.name.toLowerCase();
    }
  };
  const direction = sortInfo?.sortDirection === 2 ? -1 : 1;
  return nodes.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return (x < y ? -1 : 1) * direction;
    if (a.isFolder !== b.isFolder) return a.isFolder ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** What getPersonalFiles and getDepartmentFiles take in their body. */
export interface FolderListingBody {
  pageInfo?: { pageSize?: number; pageCursor?: string };
  sortInfo?: FileSortInfo;
  containerId: string;
  parentFileId: string;
  fileType?: string;
}

/**
 * One page of a folder of a space (`inRecycleBin` false) or of its recycle bin: checks what the two
 * file-list operations check (space, folder, cursor) and answers the page. In the recycle bin,
 * `root` lists the bin's entries and a deleted folder what was deleted with it.
 */
export function folderListing(
  state: MockState,
  body: FolderListingBody,
  inRecycleBin: boolean,
): { page: MockFileNode[]; next?: string } {
  const folder = findFile(state, body.containerId, body.parentFileId);
  if (!folder.isFolder)
    throw new MockFileError(
      fileResultCodes.targetDirectoryAbnormal,
      `${folder.name} (${folder.id}) is a file, not a folder`,
    );
  let rows: MockFileNode[];
  if (!inRecycleBin) {
    if (folder.recycled)
      throw new MockFileError(
        fileResultCodes.fileRecycled,
        `folder ${folder.id} is in the recycle bin: list it with type 1`,
      );
    rows = listChildren(state, folder.id);
  } else if (isRoot(folder)) {
    rows = listRecycleBin(state, body.containerId);
  } else {
    if (!folder.recycled)
      throw new MockFileError(fileResultCodes.fileNotInRecycleBin, `folder ${folder.id} is not in the recycle bin`);
    rows = listChildren(state, folder.id, { recycled: true });
  }
  if (body.fileType) rows = rows.filter((node) => node.fileType === body.fileType);
  const sorted = sortNodes(rows, body.sortInfo);
  const { pageInfo, ...query } = body;
  return pageFrom(sorted, pageInfo?.pageCursor, pageInfo?.pageSize ?? 100, query, 'pageInfo.pageCursor');
}

/** The upload in progress of a file createFile created: a MockFileError 13000401 when there is none. */
export function uploadOf(state: MockState, fileId: string): MockUpload {
  for (const upload of state.files.uploads.values()) if (upload.fileId === fileId) return upload;
  throw new MockFileError(fileResultCodes.uploadTaskMissing, `file ${fileId} has no upload in progress`);
}
