/**
 * The work of a batch job on the mock's file tree, done when the job ends (task-engine.ts): each
 * file is handled on its own and its outcome recorded as an item (`taskInfos`), so a job partly
 * fails when some files cannot be handled (not in the space, in the recycle bin, a name taken,
 * no permission, …) — with the 13000xxx code the file tree helpers give.
 *
 * Readings of what the reference leaves open (the mock's choices):
 * - a `fileInfo` element is `{ fileId }` (the reference names the list "file/directory IDs");
 * - `newFilePath` is the target folder: its ID (`root` for the space's root), GetFullPath's
 *   `fileIdPath` or `namePath`;
 * - copies take a free name when theirs is taken (KooDrive's timestamped renaming); moves and
 *   restores fail on a name clash (13000405);
 * - permissions: copy needs copyPermission in the source space and addChildNodePermission in the
 *   target, move removeChildNodePermission and addChildNodePermission, delete, restore and emptying
 *   the recycle bin deletePermission, package download downloadPermission, decompression
 *   downloadPermission on the archive and addChildNodePermission in the target (13000410 otherwise).
 */
import type { Capabilities } from '@koodrive/types';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import { readAllContent } from '../storage/content.js';
import { sha256Hex } from '../storage/sha256-state.js';
import type { MockState } from '../types.js';
import {
  childNamed,
  contentOf,
  copyFile,
  createFileNode,
  createFolder,
  deleteForGood,
  descendants,
  fileResultCodes,
  findFile,
  findNode,
  listRecycleBin,
  MockFileError,
  type MockFileNode,
  moveFile,
  nameInFolder,
  recycleFile,
  restoreFile,
  rootOf,
  storeContent,
} from './files.js';
import { allows } from './governance-model.js';
import type { MockArchiveEntry, MockJob, MockJobItem } from './tasks.js';

/** No permission on this space (the reference's 13000410). */
const NO_PERMISSION = 13000410;
/** Resource does not exist (the reference's 13000309). */
const RESOURCE_MISSING = 13000309;

/** What a job needs from the mock beyond its state: a download link for a file it made. */
export interface JobEnvironment {
  /** A link that downloads the file through the mock's storage endpoint. */
  downloadUrl(node: MockFileNode): Promise<string>;
}

const succeeded = (fileId: string, extra: Partial<MockJobItem> = {}): MockJobItem => ({
  fileId,
  code: 0,
  msg: 'success',
  ...extra,
});

/** Runs `work` for a file; a MockFileError becomes a failed item, anything else is a bug and is thrown. */
async function itemFor(
  fileId: string,
  work: () => Promise<Partial<MockJobItem> | undefined> | Partial<MockJobItem> | undefined,
) {
  try {
    return succeeded(fileId, (await work()) ?? {});
  } catch (error) {
    if (error instanceof MockFileError) return { fileId, code: error.code, msg: error.message };
    throw error;
  }
}

function requirePermission(
  state: MockState,
  job: MockJob,
  containerId: string,
  flag: keyof Capabilities,
  fileId?: string,
) {
  if (!allows(state, job.userId, containerId, flag, fileId)) {
    throw new MockFileError(NO_PERMISSION, `no ${flag} in space ${containerId}`);
  }
}

/** A failure a test scripted for this file (`state.tasks.failingFiles`). */
function scriptedFailure(state: MockState, fileId: string): void {
  const failure = state.tasks.failingFiles[fileId];
  if (failure) throw new MockFileError(failure.code, failure.msg);
}

/** The job's target folder, from `newFilePath` (see the readings above); a MockFileError when there is none. */
export function targetFolderOf(state: MockState, job: MockJob): MockFileNode {
  const space = job.dstContainerId;
  const path = (job.newFilePath ?? '').trim();
  const segments = path.split('/').filter(Boolean);
  const root = rootOf(state, space);
  let folder: MockFileNode | undefined;
  if (segments.length === 0 || path === 'root') folder = root;
  else if (segments[0] === root.name) {
    // A name path: walk down from the root by names.
    folder = root;
    for (const name of segments.slice(1)) folder = folder && childNamed(state, folder.id, name);
  } else folder = findNode(state, segments.at(-1) as string);
  if (!folder?.isFolder || folder.containerId !== space) {
    throw new MockFileError(
      fileResultCodes.targetDirectoryAbnormal,
      `target folder ${path} is not a folder of space ${space}`,
    );
  }
  if (folder.recycled) {
    throw new MockFileError(fileResultCodes.targetDirectoryRecycled, `target folder ${path} is in the recycle bin`);
  }
  return folder;
}

/** Items that all fail alike (the target folder is missing, say). */
const allFailing = (job: MockJob, error: MockFileError): MockJobItem[] =>
  job.fileIds.map((fileId) => ({ fileId, code: error.code, msg: error.message }));

async function copyOrMove(state: MockState, job: MockJob, now: Date): Promise<MockJobItem[]> {
  let target: MockFileNode;
  try {
    target = targetFolderOf(state, job);
  } catch (error) {
    if (error instanceof MockFileError) return allFailing(job, error);
    throw error;
  }
  const items: MockJobItem[] = [];
  for (const fileId of job.fileIds) {
    items.push(
      await itemFor(fileId, () => {
        scriptedFailure(state, fileId);
        findFile(state, job.srcContainerId, fileId);
        requirePermission(
          state,
          job,
          job.srcContainerId,
          job.taskType === 1 ? 'copyPermission' : 'removeChildNodePermission',
          fileId,
        );
        requirePermission(state, job, job.dstContainerId, 'addChildNodePermission');
        if (job.taskType === 1)
          return { newFileId: copyFile(state, fileId, target.id, { onConflict: 'rename', now }).id };
        moveFile(state, fileId, target.id, { onConflict: 'fail', now });
        return undefined;
      }),
    );
  }
  return items;
}

async function deleteOrRestore(state: MockState, job: MockJob, now: Date): Promise<MockJobItem[]> {
  const items: MockJobItem[] = [];
  for (const fileId of job.fileIds) {
    items.push(
      await itemFor(fileId, () => {
        scriptedFailure(state, fileId);
        findFile(state, job.srcContainerId, fileId);
        requirePermission(state, job, job.srcContainerId, 'deletePermission', fileId);
        if (job.taskType === 4) restoreFile(state, fileId, { onConflict: 'fail', now });
        else if (job.actionType === 202) deleteForGood(state, fileId);
        else recycleFile(state, fileId, { now });
        return undefined;
      }),
    );
  }
  return items;
}

async function emptyBin(state: MockState, job: MockJob): Promise<MockJobItem[]> {
  const entries = listRecycleBin(state, job.srcContainerId);
  const items: MockJobItem[] = [];
  for (const entry of entries) {
    items.push(
      await itemFor(entry.id, () => {
        scriptedFailure(state, entry.id);
        requirePermission(state, job, job.srcContainerId, 'deletePermission', entry.id);
        deleteForGood(state, entry.id);
        return undefined;
      }),
    );
  }
  return items;
}

/** The bytes of a stored file, or a MockFileError when it has none (a folder, an unfinished upload). */
async function bytesOf(state: MockState, node: MockFileNode): Promise<Uint8Array> {
  const content = contentOf(state, node);
  if (!content) throw new MockFileError(fileResultCodes.notAllowedOnFolder, `${node.name} has no content to read`);
  return readAllContent(content);
}

/** A name not yet used among `taken`: `a.txt`, then `a (1).txt`, … */
function freeName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let index = 1; taken.has(candidate); index++) candidate = `${base} (${index})${extension}`;
  taken.add(candidate);
  return candidate;
}

/** Packs the job's files (folders with what is below them) into a .zip stored in the space's safe box. */
async function packageDownload(state: MockState, job: MockJob, now: Date, env: JobEnvironment) {
  const archive: Zippable = {};
  const topNames = new Set<string>();
  const items: MockJobItem[] = [];
  for (const fileId of job.fileIds) {
    items.push(
      await itemFor(fileId, async () => {
        scriptedFailure(state, fileId);
        const node = findFile(state, job.srcContainerId, fileId);
        if (node.recycled) throw new MockFileError(fileResultCodes.fileRecycled, `${node.name} is in the recycle bin`);
        requirePermission(state, job, job.srcContainerId, 'downloadPermission', fileId);
        const top = freeName(node.name, topNames);
        if (!node.isFolder) {
          archive[top] = await bytesOf(state, node);
          return undefined;
        }
        // fflate makes a directory entry (`name/`) of a key whose value is an object.
        archive[top] = {};
        const paths = new Map<string, string>([[node.id, top]]);
        for (const below of descendants(state, node.id)) {
          const path = `${paths.get(below.parentId ?? '')}/${below.name}`;
          paths.set(below.id, path);
          archive[path] = below.isFolder ? {} : await bytesOf(state, below);
        }
        return undefined;
      }),
    );
  }
  if (items.some((item) => item.code === 0)) {
    const bytes = zipSync(archive, { mtime: now });
    const content = storeContent(state, {
      sha256: await sha256Hex(bytes),
      size: bytes.length,
      segments: [{ size: bytes.length, bytes }],
    });
    const packageNode = createFileNode(state, {
      containerId: job.srcContainerId,
      parentId: rootOf(state, job.srcContainerId, 'sbox').id,
      name: `package_${job.taskId}.zip`,
      content,
      onConflict: 'rename',
      now,
    });
    job.downloadUrl = await env.downloadUrl(packageNode);
  }
  return items;
}

/** An archive's entries, directories included (also those only implied by a file's path). */
function entriesOf(files: Record<string, Uint8Array>, now: Date): MockArchiveEntry[] {
  const entries = new Map<string, MockArchiveEntry>();
  const updateAt = String(now.getTime());
  for (const [path, bytes] of Object.entries(files)) {
    const parts = path.split('/').filter(Boolean);
    for (let depth = 1; depth < parts.length + (path.endsWith('/') ? 1 : 0); depth++) {
      const directory = parts.slice(0, depth).join('/');
      if (!entries.has(directory))
        entries.set(directory, { name: directory, type: '2', fileSize: '0', updateAt, code: '0' });
    }
    if (!path.endsWith('/'))
      entries.set(parts.join('/'), {
        name: parts.join('/'),
        type: '1',
        fileSize: String(bytes.length),
        updateAt,
        code: '0',
      });
  }
  return [...entries.values()];
}

/** The folder at `path` below `base`, made when missing. */
function folderAt(state: MockState, base: MockFileNode, path: string[], now: Date): MockFileNode {
  let folder = base;
  for (const name of path) {
    const existing = childNamed(state, folder.id, name);
    folder = existing?.isFolder
      ? existing
      : createFolder(state, { containerId: folder.containerId, parentId: folder.id, name, onConflict: 'rename', now });
  }
  return folder;
}

/** Lists (501) or extracts, whole (502) or in part (503), the job's archive into the target folder. */
async function decompress(state: MockState, job: MockJob, now: Date): Promise<MockJobItem[]> {
  const archiveId = job.fileIds[0] as string;
  let files: Record<string, Uint8Array>;
  try {
    scriptedFailure(state, archiveId);
    const archive = findFile(state, job.srcContainerId, archiveId);
    requirePermission(state, job, job.srcContainerId, 'downloadPermission', archiveId);
    const bytes = await bytesOf(state, archive);
    try {
      files = unzipSync(bytes);
    } catch {
      throw new MockFileError(fileResultCodes.badRequest, `${archive.name} is not a .zip archive the mock can read`);
    }
  } catch (error) {
    if (error instanceof MockFileError) return [{ fileId: archiveId, code: error.code, msg: error.message }];
    throw error;
  }
  job.archiveEntries = entriesOf(files, now);
  if (job.actionType === 501) return [succeeded(archiveId)];
  let target: MockFileNode;
  try {
    target = targetFolderOf(state, job);
    requirePermission(state, job, job.dstContainerId, 'addChildNodePermission');
  } catch (error) {
    if (error instanceof MockFileError) return [{ fileId: archiveId, code: error.code, msg: error.message }];
    throw error;
  }
  const wanted =
    job.actionType === 503 ? (job.uncompressFilePaths ?? []) : Object.keys(files).filter((path) => !path.endsWith('/'));
  const items: MockJobItem[] = [];
  for (const requested of wanted) {
    const path = requested.replace(/^\/+/, '');
    items.push(
      await itemFor(archiveId, async () => {
        const bytes = files[path];
        if (!bytes) throw new MockFileError(RESOURCE_MISSING, `${requested} is not a file of the archive`);
        const parts = path.split('/');
        const folder = folderAt(state, target, parts.slice(0, -1), now);
        const name = nameInFolder(state, folder.id, parts.at(-1) as string, 'rename', now);
        const content = storeContent(state, {
          sha256: await sha256Hex(bytes),
          size: bytes.length,
          segments: [{ size: bytes.length, bytes }],
        });
        const node = createFileNode(state, {
          containerId: folder.containerId,
          parentId: folder.id,
          name,
          content,
          now,
        });
        return { newFileId: node.id, entry: path };
      }),
    );
  }
  return items;
}

/** Does a job's work on the file tree, filling its items (and its archive entries or download link). */
export async function runJob(state: MockState, job: MockJob, now: Date, env: JobEnvironment): Promise<void> {
  switch (job.taskType) {
    case 1:
    case 3:
      job.items = await copyOrMove(state, job, now);
      return;
    case 2:
    case 4:
      job.items = await deleteOrRestore(state, job, now);
      return;
    case 5:
      job.items = await decompress(state, job, now);
      return;
    case 6:
      job.items = await packageDownload(state, job, now, env);
      return;
    case 7:
      job.items = await emptyBin(state, job);
      return;
  }
}
