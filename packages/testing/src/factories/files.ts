/**
 * Factories of the file schemas (File List Query, File Management, File Favorites, Cloud
 * Decompression): `makeX(overrides, index)` gives a valid, realistic X, the same for the same
 * index; the contract test checks each against the spec. The `…View` functions turn the mock's
 * file nodes (state/files.ts) into what the operations answer.
 */
import type {
  DownloadInfoResponse,
  FileSortInfo,
  getFileResponse,
  MultiPartInfo,
  PageInfo,
  SearchFile,
  StarFileInfo,
  StarFileRequest,
  StatsData,
  SubResponse,
  UncompressedFileinfoList,
} from '@koodrive/types';
import { fullPath, isStarred, type MockFileNode, type MockSpaceRef } from '../mock/state/files.js';
import type { MockState } from '../mock/types.js';
import { makeFileId, makeUploadId } from './file-ids.js';
import { makeContainerId } from './ids.js';

export { makeFileId, makeUploadId } from './file-ids.js';

const timestamp = (index: number) => new Date(Date.UTC(2025, 2, 1) + index * 3_600_000).toISOString();
const NAMES = ['report.docx', 'budget.xlsx', 'photo.jpg', 'talk.pptx', 'notes.txt', 'archive.zip', 'clip.mp4'];
const TYPES = ['26', '27', '15', '28', '45', '35', '20'];
const MIME = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
  'application/zip',
  'video/mp4',
];
const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** A file Search found: in an individual space unless overridden. */
export function makeSearchFile(overrides: Partial<SearchFile> = {}, index = 0): SearchFile {
  const fileName = pick(NAMES, index);
  const containerId = makeContainerId(2000 + (index % 7));
  const id = makeFileId(index);
  return {
    id,
    fileSuffix: fileName.slice(fileName.lastIndexOf('.') + 1),
    fileName,
    fileType: pick(TYPES, index),
    size: String(1024 * (index + 1)),
    updateTime: timestamp(index),
    namePath: `/root${containerId}/${fileName}`,
    idPath: `/DEUI7pa0C24Aroot${containerId}/${id}`,
    containerId,
    containerType: '1',
    favorite: index % 3 === 0,
    ...overrides,
  };
}

/** A starred file, as listStarFile lists it. */
export function makeStarFileInfo(overrides: Partial<StarFileInfo> = {}, index = 0): StarFileInfo {
  return {
    category: 'drive#file',
    id: makeFileId(index),
    fileName: pick(NAMES, index),
    fileType: pick(TYPES, index),
    mimeType: pick(MIME, index),
    favorite: true,
    description: '',
    recycled: false,
    ...overrides,
  };
}

/** One file of a batchStarFile request. */
export function makeStarFileRequest(overrides: Partial<StarFileRequest> = {}, index = 0): StarFileRequest {
  return { containerId: makeContainerId(2000), fileId: makeFileId(index), ...overrides };
}

/** One file's result in batchStarFile's answer: a success unless overridden. */
export function makeSubResponse(overrides: Partial<SubResponse> = {}, index = 0): SubResponse {
  return { fileId: makeFileId(index), code: '0', message: 'success', ...overrides };
}

/** StatsDir's counts. */
export function makeStatsData(overrides: Partial<StatsData> = {}, index = 0): StatsData {
  return { totalSize: 4096 * index, subDirCount: index % 4, subFileCount: index, ...overrides };
}

/** A part of a multipart upload, as createFile plans it (8 MiB parts), with an upload URL. */
export function makeMultiPartInfo(overrides: Partial<MultiPartInfo> = {}, index = 0): MultiPartInfo {
  const partSize = 8 * 1024 * 1024;
  const uploadId = makeUploadId(0);
  return {
    partNumber: index + 1,
    partSize,
    partOffset: index * partSize,
    uploadUrl: `https://storage.example.invalid/mock-storage/uploads/${uploadId}?partNumber=${index + 1}&uploadId=${uploadId}`,
    partId: `${uploadId}-${index + 1}`,
    ...overrides,
  };
}

/** One file's download address, as getDownLoadUrl answers it. */
export function makeDownloadInfoResponse(
  overrides: Partial<DownloadInfoResponse> = {},
  index = 0,
): DownloadInfoResponse {
  const fileId = makeFileId(index);
  return {
    fileId,
    fileName: pick(NAMES, index),
    url: `https://storage.example.invalid/mock-storage/files/${fileId}`,
    code: '0',
    msg: 'success',
    ...overrides,
  };
}

/** An entry of an archive, as listFile lists it: a file unless overridden. */
export function makeUncompressedFileinfoList(
  overrides: Partial<UncompressedFileinfoList> = {},
  index = 0,
): UncompressedFileinfoList {
  return {
    code: '0',
    name: `docs/${pick(NAMES, index)}`,
    type: '1',
    updateAt: String(Date.UTC(2025, 2, 1) + index * 60_000),
    fileSize: String(512 * (index + 1)),
    ...overrides,
  };
}

/** A sort order of a file list: by name, ascending, unless overridden. */
export function makeFileSortInfo(overrides: Partial<FileSortInfo> = {}): FileSortInfo {
  return { sortType: 1, sortDirection: 1, ...overrides };
}

/** A first page of a file list, of 100 files unless overridden. */
export function makePageInfo(overrides: Partial<PageInfo> = {}): PageInfo {
  return { pageSize: 100, pageCursor: '', ...overrides };
}

const extensionOf = (name: string) => (name.lastIndexOf('.') > 0 ? name.slice(name.lastIndexOf('.') + 1) : '');

/** A file node as Search answers it, for the user who searched (`favorite`). */
export function searchFileView(state: MockState, node: MockFileNode, space: MockSpaceRef, userId: string): SearchFile {
  const { fileIdPath, namePath } = fullPath(state, node);
  return {
    id: node.id,
    fileSuffix: node.isFolder ? '' : extensionOf(node.name),
    fileName: node.name,
    fileType: node.fileType,
    size: String(node.size),
    updateTime: node.editedTime,
    namePath,
    idPath: fileIdPath,
    containerId: node.containerId,
    containerType: space.type,
    favorite: isStarred(state, userId, node.id),
    ...(space.type !== '1' ? { teamId: space.ownerId, ...(space.teamName ? { teamName: space.teamName } : {}) } : {}),
  };
}

/** A file node as listStarFile answers it. */
export function starFileInfoView(node: MockFileNode): StarFileInfo {
  return {
    category: 'drive#file',
    id: node.id,
    fileName: node.name,
    fileType: node.fileType,
    mimeType: node.mimeType,
    favorite: true,
    description: node.description ?? '',
    recycled: node.recycled !== undefined,
  };
}

/** A file node as getFile answers it (the payload beside `code` and `msg`). */
export function fileDetailsView(node: MockFileNode): Omit<getFileResponse, 'code' | 'msg'> {
  return {
    id: node.id,
    fileName: node.name,
    fileType: node.fileType,
    mimeType: node.mimeType,
    recycled: node.recycled !== undefined,
    parentFolder: node.parentId ? [node.parentId] : [],
    properties: { ...node.properties },
    containers: [node.containerId],
    createdTime: node.createdTime,
    editedTime: node.editedTime,
  };
}
