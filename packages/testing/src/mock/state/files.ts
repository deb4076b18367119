/**
 * The files the mock KooDrive holds (`state.files`): a tree of folders and files per space, each
 * space's recycle bin, each user's favourites, the stored contents and the uploads in progress.
 *
 * Trees follow the spaces the state already has (`state.spaces`, and the team, group and user
 * space lists): a space's root folder is made on first use, with the space's `bizRootFileId` as
 * its ID and `root<containerId>` as its name (GetFullPath's documented `namePath` starts so); the
 * safe box likewise (`bizSboxFileId`, `sbox<containerId>`). `'root'` and `'sbox'` name them
 * wherever a folder ID is taken.
 *
 * The helpers below are what the routes use, and what other routes (batch tasks) can use: each
 * throws a MockFileError carrying the reference's result code when the service would refuse.
 */
import type { SpaceInfo } from '@koodrive/types';
import { makeFileId } from '../../factories/file-ids.js';
import { sha256Hex } from '../storage/sha256-state.js';
import type { MockState } from '../types.js';

/** The result codes of the reference's error list that concern files (CALLING.md). */
export const fileResultCodes = {
  badRequest: 13000101,
  parameterValidationFailed: 13000102,
  spaceMissing: 13000301,
  fileNotInSpace: 13000302,
  fileNotInRecycleBin: 13000303,
  targetDirectoryAbnormal: 13000304,
  targetDirectoryRecycled: 13000305,
  fileRecycled: 13000306,
  directoriesNested: 13000307,
  fileAlreadyInTarget: 13000312,
  uploadTaskMissing: 13000401,
  integrityCheckFailed: 13000402,
  parentDirectoryRecycled: 13000404,
  duplicateFileName: 13000405,
  notAllowedOnFolder: 13000406,
  fileNameTooLong: 13000417,
} as const;

/** A refusal the service documents: `code` is the reference's result code. */
export class MockFileError extends Error {
  override readonly name = 'MockFileError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where a file or folder is in the recycle bin. */
export interface MockRecycled {
  /** When it was moved there (ISO 8601). */
  at: string;
  /** true: deleted itself (an entry of the recycle bin); false: deleted along with a folder above it. */
  direct: boolean;
}

/** A folder or file of a space. */
export interface MockFileNode {
  id: string;
  containerId: string;
  /** The parent folder's ID; absent on a space's root and safe-box root. */
  parentId?: string;
  name: string;
  isFolder: boolean;
  /** The FileTypeCode: '10' for folders, the caller's choice for files. */
  fileType: string;
  mimeType: string;
  /** Bytes; 0 for folders. */
  size: number;
  /** Lower-case hex SHA-256 of the content (files, once uploaded): the key into `contents`. */
  sha256?: string;
  description?: string;
  properties: Record<string, string>;
  /** ISO 8601, UTC. */
  createdTime: string;
  editedTime: string;
  /** The X-User-Id that created it. */
  ownerId: string;
  /** Set while it is in the recycle bin. */
  recycled?: MockRecycled;
  /** A file being uploaded is 'uploading' until completeFile: no operation but the upload's own sees it. */
  status: 'ready' | 'uploading';
}

/** Bytes of a stored content or part: in memory, or in a file of the spill directory. */
export type MockSegment = { size: number; bytes: Uint8Array } | { size: number; path: string };

/** A stored content, shared by every file with the same SHA-256 (flash upload finds it here). */
export interface MockContent {
  sha256: string;
  size: number;
  /** The content is these segments, one after the other (the upload's parts, never copied). */
  segments: MockSegment[];
}

/** A part uploaded to the storage endpoint. */
export interface MockStoredPart {
  partNumber: number;
  offset: number;
  size: number;
  segment: MockSegment;
  /** The SHA-256 words the part was hashed from: its hashCtx, or its predecessor's end state. */
  startWords: readonly number[];
  /** hash-wasm's saved state after the part (its words are the next part's hashCtx); absent when the storage does not verify hashes. */
  endState?: Uint8Array;
  etag: string;
}

/** An upload createFile started and completeFile has not finished. */
export interface MockUpload {
  uploadId: string;
  fileId: string;
  containerId: string;
  /** The file's length, from createFile. */
  length: number;
  /** createFile's `sha256`, checked at completeFile when that call sends none. */
  sha256?: string;
  parts: Map<number, MockStoredPart>;
  /** Size each issued part URL was signed for, by URL id (to explain a Content-Length mismatch). */
  signedSizes: Map<string, number>;
}

/** A starred file. */
export interface MockStar {
  containerId: string;
  /** When it was starred, ms of the mock's clock. */
  starredAt: number;
}

/** Everything the mock holds of files. */
export interface MockFiles {
  /** Every folder and file of every space, by ID. */
  nodes: Map<string, MockFileNode>;
  /** Favourites per user (X-User-Id): file ID → star. */
  favourites: Map<string, Map<string, MockStar>>;
  /** Stored contents by SHA-256 (lower-case hex). */
  contents: Map<string, MockContent>;
  /** Uploads in progress by uploadId. */
  uploads: Map<string, MockUpload>;
  /** Counter behind new IDs, so that a fresh mock makes the same IDs every time. */
  sequence: number;
}

/** An empty file store: trees appear as spaces are used. */
export function createMockFiles(): MockFiles {
  return { nodes: new Map(), favourites: new Map(), contents: new Map(), uploads: new Map(), sequence: 0 };
}

/** A space as the file tree sees it. */
export interface MockSpaceRef {
  containerId: string;
  /** '0' department, '1' individual, '2' group. */
  type: '0' | '1' | '2';
  /** The department, user or group that owns it. */
  ownerId: string;
  rootId: string;
  sboxId: string;
  /** For a department or group space, its name. */
  teamName?: string;
}

const ROOT_PREFIX = 'DEUI7pa0C24Aroot';
const SBOX_PREFIX = 'DEUI7pa0C24Asbox';
const FOLDER = '10';

/** A space's root folder ID when its record names none. */
export const rootIdOf = (containerId: string) => `${ROOT_PREFIX}${containerId}`;
/** A space's safe-box root ID when its record names none. */
export const sboxIdOf = (containerId: string) => `${SBOX_PREFIX}${containerId}`;

const spaceType = (type: unknown): '0' | '1' | '2' => (String(type) === '0' ? '0' : String(type) === '2' ? '2' : '1');

/** The space with this container ID, from any of the state's space lists; undefined if none. */
export function findSpace(state: MockState, containerId: string): MockSpaceRef | undefined {
  const space = state.spaces.find((candidate) => candidate.containerId === containerId);
  if (space) {
    const type = spaceType(space.type);
    const teamName =
      type === '0'
        ? state.departments.find((department) => department.id === space.ownerId)?.name
        : type === '2'
          ? state.groupSpaces.find((group) => group.id === space.ownerId)?.ownerName
          : undefined;
    return {
      containerId,
      type,
      ownerId: space.ownerId ?? '',
      rootId: space.bizRootFileId ?? space.rootFileId ?? rootIdOf(containerId),
      sboxId: space.bizSboxFileId ?? sboxIdOf(containerId),
      ...(teamName ? { teamName } : {}),
    };
  }
  const group = state.groupSpaces.find((candidate) => candidate.containerId === containerId);
  const team = state.teamSpaces.find((candidate) => candidate.containerId === containerId);
  const shared = group ?? team;
  if (shared) {
    return {
      containerId,
      type: group ? '2' : '0',
      ownerId: shared.id ?? '',
      rootId: shared.bizRootFileId ?? rootIdOf(containerId),
      sboxId: shared.bizSboxFileId ?? sboxIdOf(containerId),
      ...(shared.ownerName ? { teamName: shared.ownerName } : {}),
    };
  }
  const user = state.userSpaces.find((candidate) => candidate.containerId === containerId);
  if (user)
    return {
      containerId,
      type: '1',
      ownerId: user.userId ?? '',
      rootId: rootIdOf(containerId),
      sboxId: sboxIdOf(containerId),
    };
  return undefined;
}

/** The space, or a MockFileError 13000301. */
export function requireSpace(state: MockState, containerId: string): MockSpaceRef {
  const space = findSpace(state, containerId);
  if (!space) throw new MockFileError(fileResultCodes.spaceMissing, `space ${containerId} does not exist`);
  return space;
}

/** The container ID of the user's individual space, if the state has one. */
export function individualSpaceOf(state: MockState, userId: string): string | undefined {
  return (
    state.spaces.find((space) => spaceType(space.type) === '1' && space.ownerId === userId)?.containerId ??
    state.userSpaces.find((space) => space.userId === userId)?.containerId
  );
}

/**
 * The user's individual space, added to `state.spaces` when the state has none (for tests and
 * benchmarks whose X-User-Id is not one of the factories' users).
 */
export function ensureIndividualSpace(state: MockState, userId: string): SpaceInfo {
  const existing = state.spaces.find((space) => spaceType(space.type) === '1' && space.ownerId === userId);
  if (existing) return existing;
  const known = individualSpaceOf(state, userId);
  const containerId = known ?? `IAADfsBFCO6WtAtuP${userId.padStart(29, '0')}`.slice(0, 46);
  const space: SpaceInfo = {
    type: '1',
    status: '0',
    ownerId: userId,
    containerId,
    bizRootFileId: rootIdOf(containerId),
    bizSboxFileId: sboxIdOf(containerId),
    rootFileId: rootIdOf(containerId),
    capacity: '100',
    spaceUsed: '0',
  };
  state.spaces.push(space);
  return space;
}

function makeRoot(space: MockSpaceRef, which: 'root' | 'sbox'): MockFileNode {
  const time = new Date(0).toISOString();
  return {
    id: which === 'root' ? space.rootId : space.sboxId,
    containerId: space.containerId,
    name: `${which}${space.containerId}`,
    isFolder: true,
    fileType: FOLDER,
    mimeType: 'application/vnd.huawei-apps.folder',
    size: 0,
    properties: {},
    createdTime: time,
    editedTime: time,
    ownerId: space.ownerId,
    status: 'ready',
  };
}

/** The space's root folder (or safe-box root), made on first use. */
export function rootOf(state: MockState, containerId: string, which: 'root' | 'sbox' = 'root'): MockFileNode {
  const space = requireSpace(state, containerId);
  const id = which === 'root' ? space.rootId : space.sboxId;
  let root = state.files.nodes.get(id);
  if (!root) {
    root = makeRoot(space, which);
    state.files.nodes.set(id, root);
  }
  return root;
}

/** Whether the node is a space's root or safe-box root. */
export const isRoot = (node: MockFileNode) => node.parentId === undefined;

/** A visible node by ID, in any space (roots included once made); uploads in progress are not visible. */
export function findNode(state: MockState, id: string): MockFileNode | undefined {
  const node = state.files.nodes.get(id);
  if (node) return node.status === 'ready' ? node : undefined;
  // A root not made yet: its ID names its space.
  for (const [prefix, which] of [
    [ROOT_PREFIX, 'root'],
    [SBOX_PREFIX, 'sbox'],
  ] as const) {
    if (!id.startsWith(prefix)) continue;
    const space = findSpace(state, id.slice(prefix.length));
    if (space && (which === 'root' ? space.rootId : space.sboxId) === id)
      return rootOf(state, space.containerId, which);
  }
  for (const space of state.spaces) {
    if (space.containerId && (space.bizRootFileId === id || space.rootFileId === id))
      return rootOf(state, space.containerId);
    if (space.containerId && space.bizSboxFileId === id) return rootOf(state, space.containerId, 'sbox');
  }
  return undefined;
}

/**
 * A file or folder of the space by ID (`root` and `sbox` name the roots), recycled ones included:
 * MockFileError 13000301 when the space does not exist, 13000302 when the file is not in it.
 */
export function findFile(state: MockState, containerId: string, id: string): MockFileNode {
  requireSpace(state, containerId);
  if (id === 'root' || id === 'sbox') return rootOf(state, containerId, id);
  const node = findNode(state, id);
  if (!node || node.containerId !== containerId)
    throw new MockFileError(fileResultCodes.fileNotInSpace, `file ${id} is not in space ${containerId}`);
  return node;
}

/** A folder of the space that can take new children: not a file, not in the recycle bin. */
export function findTargetFolder(state: MockState, containerId: string, id: string): MockFileNode {
  const folder = findFile(state, containerId, id);
  if (!folder.isFolder)
    throw new MockFileError(fileResultCodes.targetDirectoryAbnormal, `${folder.name} (${id}) is a file, not a folder`);
  if (folder.recycled)
    throw new MockFileError(fileResultCodes.parentDirectoryRecycled, `folder ${id} is in the recycle bin`);
  return folder;
}

/**
 * The children of a folder. By default those not in the recycle bin; `{ recycled: true }` gives
 * those deleted along with it (when the folder itself is in the recycle bin).
 */
export function listChildren(state: MockState, folderId: string, options: { recycled?: boolean } = {}): MockFileNode[] {
  const children: MockFileNode[] = [];
  for (const node of state.files.nodes.values()) {
    if (node.parentId !== folderId || node.status !== 'ready') continue;
    if (options.recycled ? node.recycled && !node.recycled.direct : !node.recycled) children.push(node);
  }
  return children;
}

/**
 * Every node below a folder, depth first. Nodes deleted on their own (entries of the recycle bin)
 * and what is below them are left out unless `includeRecycledEntries`.
 */
export function descendants(
  state: MockState,
  folderId: string,
  options: { includeRecycledEntries?: boolean } = {},
): MockFileNode[] {
  const byParent = new Map<string, MockFileNode[]>();
  for (const node of state.files.nodes.values()) {
    if (node.parentId === undefined || node.status !== 'ready') continue;
    const siblings = byParent.get(node.parentId);
    if (siblings) siblings.push(node);
    else byParent.set(node.parentId, [node]);
  }
  const found: MockFileNode[] = [];
  const walk = (id: string) => {
    for (const child of byParent.get(id) ?? []) {
      if (child.recycled?.direct && !options.includeRecycledEntries) continue;
      found.push(child);
      if (child.isFolder) walk(child.id);
    }
  };
  walk(folderId);
  return found;
}

/** The entries of a space's recycle bin: what was deleted on its own (not what went with a folder). */
export function listRecycleBin(state: MockState, containerId: string): MockFileNode[] {
  requireSpace(state, containerId);
  return [...state.files.nodes.values()].filter(
    (node) => node.containerId === containerId && node.status === 'ready' && node.recycled?.direct,
  );
}

/** The IDs and names from the space's root down to the node, as GetFullPath answers them. */
export function fullPath(state: MockState, node: MockFileNode): { fileIdPath: string; namePath: string } {
  const chain: MockFileNode[] = [];
  for (let at: MockFileNode | undefined = node; at; at = at.parentId ? state.files.nodes.get(at.parentId) : undefined) {
    chain.unshift(at);
  }
  return {
    fileIdPath: `/${chain.map((item) => item.id).join('/')}`,
    namePath: `/${chain.map((item) => item.name).join('/')}`,
  };
}

const FORBIDDEN_NAME_CHARACTERS = /[<>|:"*?/]/;

/**
 * Checks a file or folder name as the reference states the rules: at most 250 characters, none of
 * `< > | : " * ? /` (and `\` where renameFile forbids it), not `.` or `..`.
 */
export function checkFileName(name: string, options: { forbidBackslash?: boolean } = {}): void {
  if (name.length > 250)
    throw new MockFileError(fileResultCodes.fileNameTooLong, `the name is ${name.length} characters long, over 250`);
  if (name === '' || name === '.' || name === '..' || name.trim() === '')
    throw new MockFileError(fileResultCodes.parameterValidationFailed, `${JSON.stringify(name)} is not a valid name`);
  const bad = FORBIDDEN_NAME_CHARACTERS.exec(name) ?? (options.forbidBackslash ? /\\/.exec(name) : null);
  if (bad)
    throw new MockFileError(
      fileResultCodes.parameterValidationFailed,
      `the name ${JSON.stringify(name)} contains ${JSON.stringify(bad[0])}, which names may not contain`,
    );
}

/** The live (not recycled) node of this name in the folder, if any. */
export function childNamed(state: MockState, folderId: string, name: string): MockFileNode | undefined {
  return listChildren(state, folderId).find((child) => child.name === name);
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * `name` with the time appended before its extension, as KooDrive's "rename with a timestamp"
 * does (the documented createFile example's `test_20240104_105403.zip` looks so), then `_1`, `_2`,
 * … while still taken.
 */
export function timestampedName(state: MockState, folderId: string, name: string, now: Date): string {
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const stamp = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}_${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  let candidate = `${base}_${stamp}${extension}`;
  for (let index = 1; childNamed(state, folderId, candidate); index++)
    candidate = `${base}_${stamp}_${index}${extension}`;
  return candidate;
}

/** What to do when a name is taken in the target folder. */
export type OnNameConflict = 'fail' | 'rename';

/** The name to use in the folder: `name` if free, else renamed or a MockFileError 13000405. */
export function nameInFolder(
  state: MockState,
  folderId: string,
  name: string,
  onConflict: OnNameConflict,
  now: Date,
  except?: string,
): string {
  const taken = childNamed(state, folderId, name);
  if (!taken || taken.id === except) return name;
  if (onConflict === 'rename') return timestampedName(state, folderId, name, now);
  throw new MockFileError(fileResultCodes.duplicateFileName, `${JSON.stringify(name)} already exists in the folder`);
}

/** A new ID for a file or folder (deterministic: the mock's counter). */
export function newFileId(state: MockState): string {
  let id: string;
  do id = makeFileId(state.files.sequence++);
  while (state.files.nodes.has(id));
  return id;
}

/** What a new folder or file needs; `parentId` may be `'root'`. */
export interface NewNode {
  containerId: string;
  parentId: string;
  name: string;
  ownerId?: string;
  onConflict?: OnNameConflict;
  now?: Date;
  description?: string;
}

/**
 * Puts a new node in its folder, after the checks every new node needs (its name, its parent,
 * a clash with a sibling), and stores it.
 */
function placeNode(
  state: MockState,
  input: NewNode,
  kind: Pick<MockFileNode, 'isFolder' | 'fileType' | 'mimeType' | 'size'> & { sha256?: string },
): MockFileNode {
  checkFileName(input.name);
  const parent = findTargetFolder(state, input.containerId, input.parentId);
  const now = input.now ?? new Date();
  const node: MockFileNode = {
    id: newFileId(state),
    containerId: input.containerId,
    parentId: parent.id,
    name: nameInFolder(state, parent.id, input.name, input.onConflict ?? 'fail', now),
    ...kind,
    properties: {},
    createdTime: now.toISOString(),
    editedTime: now.toISOString(),
    ownerId: input.ownerId ?? parent.ownerId,
    status: 'ready',
    ...(input.description ? { description: input.description } : {}),
  };
  state.files.nodes.set(node.id, node);
  return node;
}

/** Creates a folder (checks the name, the parent and clashes). */
export function createFolder(state: MockState, input: NewNode & { mimeType?: string }): MockFileNode {
  return placeNode(state, input, {
    isFolder: true,
    fileType: FOLDER,
    mimeType: input.mimeType ?? 'application/vnd.huawei-apps.folder',
    size: 0,
  });
}

/** The FileTypeCode KooDrive would give a name (by extension): 15 image, 20 video, … 45 other. */
export function fileTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const kinds: Record<string, string> = {
    '15': 'jpg jpeg png gif bmp webp heic svg tif tiff',
    '20': 'mp4 mov avi mkv wmv flv webm',
    '26': 'doc docx odt rtf',
    '27': 'xls xlsx ods csv',
    '28': 'ppt pptx odp',
    '30': 'mp3 wav flac aac ogg m4a',
    '35': 'zip rar 7z tar gz tgz bz2 xz',
    '40': 'exe apk msi dmg app',
  };
  for (const [code, extensions] of Object.entries(kinds)) if (extensions.split(' ').includes(extension)) return code;
  return '45';
}

/** A MIME type for a name, by extension (application/octet-stream when unknown). */
export function mimeTypeOf(name: string): string {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    txt: 'text/plain',
    json: 'application/json',
    pdf: 'application/pdf',
    zip: 'application/zip',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    mp4: 'video/mp4',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  return types[extension] ?? 'application/octet-stream';
}

/** Stores content under its SHA-256 (kept once), and returns it. */
export function storeContent(state: MockState, content: MockContent): MockContent {
  const existing = state.files.contents.get(content.sha256);
  if (existing) return existing;
  state.files.contents.set(content.sha256, content);
  return content;
}

/** Makes a file node for stored content (the end of an upload, a flash upload, a copy). */
export function createFileNode(
  state: MockState,
  input: NewNode & { content: MockContent; fileType?: string; mimeType?: string },
): MockFileNode {
  return placeNode(state, input, {
    isFolder: false,
    fileType: input.fileType ?? fileTypeOf(input.name),
    mimeType: input.mimeType ?? mimeTypeOf(input.name),
    size: input.content.size,
    sha256: input.content.sha256,
  });
}

/**
 * Adds a file with the given content (a string is UTF-8), for tests: it is then listed, found,
 * downloadable and a flash-upload hit. Async because the SHA-256 is computed.
 */
export async function addFile(
  state: MockState,
  input: NewNode & { content: Uint8Array | string; fileType?: string; mimeType?: string },
): Promise<MockFileNode> {
  const bytes = typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content;
  const content = storeContent(state, {
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    segments: [{ size: bytes.length, bytes }],
  });
  return createFileNode(state, { ...input, content });
}

/** The content of a file node, or undefined (a folder, or a file whose content was never stored). */
export function contentOf(state: MockState, node: MockFileNode): MockContent | undefined {
  return node.sha256 ? state.files.contents.get(node.sha256) : undefined;
}

/** A file or folder whose upload is complete; 13000302 otherwise. */
function readyNode(state: MockState, id: string): MockFileNode {
  const node = state.files.nodes.get(id);
  if (node?.status !== 'ready') throw new MockFileError(fileResultCodes.fileNotInSpace, `file ${id} does not exist`);
  return node;
}

function requireLive(node: MockFileNode, what: string): void {
  if (isRoot(node))
    throw new MockFileError(fileResultCodes.badRequest, `cannot ${what} a space's root folder (${node.id})`);
  if (node.recycled)
    throw new MockFileError(fileResultCodes.fileRecycled, `${node.name} (${node.id}) is in the recycle bin`);
}

function isSelfOrBelow(state: MockState, candidate: MockFileNode, ancestor: MockFileNode): boolean {
  for (
    let at: MockFileNode | undefined = candidate;
    at;
    at = at.parentId ? state.files.nodes.get(at.parentId) : undefined
  ) {
    if (at.id === ancestor.id) return true;
  }
  return false;
}

/** Checks a move or copy's target folder, found by ID in any space. */
function requireTarget(state: MockState, node: MockFileNode, targetFolderId: string): MockFileNode {
  const target =
    targetFolderId === 'root' || targetFolderId === 'sbox'
      ? rootOf(state, node.containerId, targetFolderId)
      : findNode(state, targetFolderId);
  if (!target?.isFolder)
    throw new MockFileError(fileResultCodes.targetDirectoryAbnormal, `target ${targetFolderId} is not a folder`);
  if (target.recycled)
    throw new MockFileError(
      fileResultCodes.targetDirectoryRecycled,
      `target folder ${targetFolderId} is in the recycle bin`,
    );
  if (node.isFolder && isSelfOrBelow(state, target, node))
    throw new MockFileError(
      fileResultCodes.directoriesNested,
      `cannot put folder ${node.name} into itself or a folder below it`,
    );
  return target;
}

/** Options of moves, copies and restores. */
export interface TreeChangeOptions {
  onConflict?: OnNameConflict;
  now?: Date;
}

/**
 * Moves a file or folder (and what is below it) into another folder, of the same space or
 * another. Refusals: 13000306 in the recycle bin, 13000304 target not a folder, 13000305 target in
 * the recycle bin, 13000307 a folder into itself or below, 13000312 already in the target, 13000405
 * name taken (unless `onConflict: 'rename'`).
 */
export function moveFile(
  state: MockState,
  id: string,
  targetFolderId: string,
  options: TreeChangeOptions = {},
): MockFileNode {
  const node = readyNode(state, id);
  requireLive(node, 'move');
  const target = requireTarget(state, node, targetFolderId);
  if (node.parentId === target.id)
    throw new MockFileError(fileResultCodes.fileAlreadyInTarget, `${node.name} is already in the target folder`);
  const now = options.now ?? new Date();
  node.name = nameInFolder(state, target.id, node.name, options.onConflict ?? 'fail', now);
  if (node.containerId !== target.containerId) {
    for (const below of descendants(state, node.id, { includeRecycledEntries: true }))
      below.containerId = target.containerId;
    node.containerId = target.containerId;
  }
  node.parentId = target.id;
  node.editedTime = now.toISOString();
  return node;
}

/**
 * Copies a file or folder (deeply: new IDs, content shared) into a folder, of the same space or
 * another; answers the copy. Refusals as moveFile's, but copying into the same folder is allowed
 * (the name then clashes: 13000405, or renamed).
 */
export function copyFile(
  state: MockState,
  id: string,
  targetFolderId: string,
  options: TreeChangeOptions = {},
): MockFileNode {
  const node = readyNode(state, id);
  requireLive(node, 'copy');
  const target = requireTarget(state, node, targetFolderId);
  const now = options.now ?? new Date();
  const copyInto = (source: MockFileNode, parentId: string, name: string): MockFileNode => {
    const copy: MockFileNode = {
      ...source,
      id: newFileId(state),
      parentId,
      name,
      containerId: target.containerId,
      properties: { ...source.properties },
      createdTime: now.toISOString(),
      editedTime: now.toISOString(),
    };
    state.files.nodes.set(copy.id, copy);
    if (source.isFolder) for (const child of listChildren(state, source.id)) copyInto(child, copy.id, child.name);
    return copy;
  };
  return copyInto(node, target.id, nameInFolder(state, target.id, node.name, options.onConflict ?? 'fail', now));
}

/**
 * Moves a file or folder to its space's recycle bin; what is below a folder goes with it.
 * Refusals: 13000306 already in the recycle bin, 13000101 a root folder.
 */
export function recycleFile(state: MockState, id: string, options: { now?: Date } = {}): MockFileNode {
  const node = readyNode(state, id);
  requireLive(node, 'delete');
  const at = (options.now ?? new Date()).toISOString();
  node.recycled = { at, direct: true };
  for (const below of descendants(state, node.id)) below.recycled = { at, direct: false };
  return node;
}

/**
 * Brings an entry of the recycle bin back to its folder, with what went with it. Refusals: 13000303
 * not an entry of the recycle bin, 13000404 its folder is in the recycle bin or gone, 13000405 name
 * taken (unless `onConflict: 'rename'`).
 */
export function restoreFile(state: MockState, id: string, options: TreeChangeOptions = {}): MockFileNode {
  const node = readyNode(state, id);
  if (!node.recycled?.direct)
    throw new MockFileError(
      fileResultCodes.fileNotInRecycleBin,
      node.recycled
        ? `${node.name} was deleted along with a folder above it: restore that folder`
        : `${node.name} is not in the recycle bin`,
    );
  const parent = node.parentId ? state.files.nodes.get(node.parentId) : undefined;
  if (!parent || parent.recycled)
    throw new MockFileError(
      fileResultCodes.parentDirectoryRecycled,
      `the folder ${node.name} was in is in the recycle bin or gone`,
    );
  const now = options.now ?? new Date();
  node.name = nameInFolder(state, parent.id, node.name, options.onConflict ?? 'fail', now);
  const restoreBelow = (folderId: string) => {
    for (const child of state.files.nodes.values()) {
      if (child.parentId !== folderId || !child.recycled || child.recycled.direct) continue;
      delete child.recycled;
      if (child.isFolder) restoreBelow(child.id);
    }
  };
  delete node.recycled;
  restoreBelow(node.id);
  node.editedTime = now.toISOString();
  return node;
}

/** Deletes a node and everything below it for good (contents stay stored for flash upload). */
export function deleteForGood(state: MockState, id: string): number {
  const node = state.files.nodes.get(id);
  if (!node) return 0;
  if (isRoot(node)) throw new MockFileError(fileResultCodes.badRequest, `cannot delete a space's root folder (${id})`);
  const gone = [node, ...descendants(state, id, { includeRecycledEntries: true })];
  for (const item of gone) state.files.nodes.delete(item.id);
  return gone.length;
}

/** Empties a space's recycle bin for good; answers how many files and folders were deleted. */
export function emptyRecycleBin(state: MockState, containerId: string): number {
  requireSpace(state, containerId);
  let count = 0;
  for (const node of listRecycleBin(state, containerId)) count += deleteForGood(state, node.id);
  return count;
}

/** The user's favourites (file ID → star), made on first use. */
export function favouritesOf(state: MockState, userId: string): Map<string, MockStar> {
  let stars = state.files.favourites.get(userId);
  if (!stars) {
    stars = new Map();
    state.files.favourites.set(userId, stars);
  }
  return stars;
}

/** Whether the user starred the file. */
export const isStarred = (state: MockState, userId: string, fileId: string) =>
  state.files.favourites.get(userId)?.has(fileId) ?? false;
