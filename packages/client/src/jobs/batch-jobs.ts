/**
 * A function per kind of batch job, so that CreateJob's `taskType` and `actionType` codes stay
 * out of application code: `startCopy(kd, { space, files, destination })` starts a copy and
 * returns the job's ID; `copyFiles(...)` starts it and waits for it (waitForJob).
 *
 * Readings (the reference does not document them; see the README's "Tasks" section):
 * - a `fileInfo` element is `{ fileId }`: the reference names the list "file/directory IDs" and
 *   shows no table for its elements;
 * - `newFilePath`, "the new path after the operation", is sent as the caller gives `destination`
 *   (the ID of the folder the files go to, in the mock);
 * - `dstContainerId` is mandatory for every job: jobs that stay in one space send that space.
 */

import { KooDriveValidationError } from '../errors.js';
import type { OperationCalls } from '../generated/calls.js';
import { CreateJob } from '../generated/operations/batch-task-operations.js';
import { idText, successOf, type TaskClient } from './call.js';
import { KooDriveTaskError } from './task-error.js';
import { type JobOutcome, type WaitForJobOptions, waitForJob } from './wait-for-job.js';

type CreateJobBody = OperationCalls['CreateJob']['args'][0]['body'];

/** Files to work on: their IDs, and the ID of the space (container) they are in. */
export interface FilesInSpace {
  /** The ID of the space the files are in (`srcContainerId`). */
  space: string;
  /** The IDs of the files and folders. */
  files: readonly string[];
}

/** Where copied or moved files go. */
export interface CopyOrMoveInput extends FilesInSpace {
  /** The folder they go to, sent as `newFilePath`. */
  destination: string;
  /** The space of that folder, when it is not `space` (`dstContainerId`). */
  destinationSpace?: string;
}

/** Files to delete. */
export interface DeleteInput extends FilesInSpace {
  /** Delete for good (actionType 202) instead of moving to the recycle bin (201, the default). */
  permanently?: boolean;
}

/** An archive to decompress. */
export interface DecompressInput {
  space: string;
  /** The archive's file ID. */
  archive: string;
  /** The folder the entries go to, sent as `newFilePath`. */
  destination: string;
  destinationSpace?: string;
  /** Only these entries (full paths inside the archive): a partial decompression (actionType 503). */
  entries?: readonly string[];
  /** The archive's password. */
  password?: string;
}

/** An archive whose entries to list, as a job (actionType 501). */
export interface ArchiveInput {
  space: string;
  archive: string;
  password?: string;
}

/** Per-call options of the start functions. */
export interface StartJobOptions {
  /** Aborts the CreateJob call. */
  signal?: AbortSignal;
}

function assertId(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new KooDriveValidationError(field, `must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

function fileInfoOf(files: unknown): CreateJobBody['taskInfo']['fileInfo'] {
  if (!Array.isArray(files) || files.length === 0) {
    throw new KooDriveValidationError('files', 'must be a non-empty array of file IDs');
  }
  for (const [index, file] of files.entries()) assertId(`files[${index}]`, file);
  // Elements are free-form in the spec (no copy documents their fields): `{ fileId }` is our reading.
  return files.map((fileId: string) => ({ fileId }));
}

/** Sends CreateJob and returns the new job's ID. */
async function createJob(kd: TaskClient, body: CreateJobBody, options: StartJobOptions): Promise<string> {
  const { value } = await successOf(CreateJob(kd, { body, ...(options.signal ? { signal: options.signal } : {}) }));
  const jobId = idText(value?.data);
  if (!jobId) throw new KooDriveTaskError('CreateJob answered no job ID in `data`');
  return jobId;
}

function inSpace(input: FilesInSpace): { space: string; fileInfo: CreateJobBody['taskInfo']['fileInfo'] } {
  assertId('space', input?.space);
  return { space: input.space, fileInfo: fileInfoOf(input.files) };
}

function copyOrMove(taskType: 1 | 3, actionType: 101 | 301, input: CopyOrMoveInput): CreateJobBody {
  const { space, fileInfo } = inSpace(input);
  assertId('destination', input.destination);
  if (input.destinationSpace !== undefined) assertId('destinationSpace', input.destinationSpace);
  return {
    taskType,
    actionType,
    dstContainerId: input.destinationSpace ?? space,
    taskInfo: { srcContainerId: space, fileInfo, newFilePath: input.destination },
  };
}

/** Starts copying files to a folder (taskType 1, actionType 101); resolves to the job's ID. */
export async function startCopy(
  kd: TaskClient,
  input: CopyOrMoveInput,
  options: StartJobOptions = {},
): Promise<string> {
  return createJob(kd, copyOrMove(1, 101, input), options);
}

/** Starts moving files to a folder (taskType 3, actionType 301); resolves to the job's ID. */
export async function startMove(
  kd: TaskClient,
  input: CopyOrMoveInput,
  options: StartJobOptions = {},
): Promise<string> {
  return createJob(kd, copyOrMove(3, 301, input), options);
}

/** Starts deleting files: to the recycle bin (taskType 2, actionType 201), or for good with `permanently` (202). */
export async function startDelete(kd: TaskClient, input: DeleteInput, options: StartJobOptions = {}): Promise<string> {
  const { space, fileInfo } = inSpace(input);
  const actionType = input.permanently ? 202 : 201;
  return createJob(
    kd,
    { taskType: 2, actionType, dstContainerId: space, taskInfo: { srcContainerId: space, fileInfo } },
    options,
  );
}

/** Starts restoring files from the recycle bin (taskType 4). */
export async function startRestore(
  kd: TaskClient,
  input: FilesInSpace,
  options: StartJobOptions = {},
): Promise<string> {
  const { space, fileInfo } = inSpace(input);
  return createJob(kd, { taskType: 4, dstContainerId: space, taskInfo: { srcContainerId: space, fileInfo } }, options);
}

/** Starts packing files into one archive to download (taskType 6); the outcome's `downloadUrl` is the package. */
export async function startPackageDownload(
  kd: TaskClient,
  input: FilesInSpace,
  options: StartJobOptions = {},
): Promise<string> {
  const { space, fileInfo } = inSpace(input);
  return createJob(kd, { taskType: 6, dstContainerId: space, taskInfo: { srcContainerId: space, fileInfo } }, options);
}

/** Starts emptying a space's recycle bin (taskType 7, actionType 701; KooDrive allows it to whitelisted users only). */
export async function startEmptyRecycleBin(
  kd: TaskClient,
  input: { space: string },
  options: StartJobOptions = {},
): Promise<string> {
  assertId('space', input?.space);
  const { space } = input;
  return createJob(
    kd,
    { taskType: 7, actionType: 701, dstContainerId: space, taskInfo: { srcContainerId: space, fileInfo: [] } },
    options,
  );
}

/**
 * Starts decompressing an archive into a folder (taskType 5): the whole archive (actionType 502),
 * or only `entries` (503, sent as `uncompressFilePaths`).
 */
export async function startDecompress(
  kd: TaskClient,
  input: DecompressInput,
  options: StartJobOptions = {},
): Promise<string> {
  const { space, fileInfo } = inSpace({ space: input?.space, files: [input?.archive] });
  assertId('destination', input.destination);
  if (input.destinationSpace !== undefined) assertId('destinationSpace', input.destinationSpace);
  const entries = input.entries;
  if (entries !== undefined && (!Array.isArray(entries) || entries.length === 0)) {
    throw new KooDriveValidationError('entries', 'must be a non-empty array of paths inside the archive');
  }
  return createJob(
    kd,
    {
      taskType: 5,
      actionType: entries ? 503 : 502,
      dstContainerId: input.destinationSpace ?? space,
      taskInfo: {
        srcContainerId: space,
        fileInfo,
        newFilePath: input.destination,
        ...(entries ? { uncompressFilePaths: [...entries] } : {}),
      },
      ...(input.password === undefined ? {} : { password: input.password }),
    },
    options,
  );
}

/** Starts listing an archive's entries as a job (taskType 5, actionType 501); the outcome's `archiveEntries` holds them. */
export async function startArchiveListing(
  kd: TaskClient,
  input: ArchiveInput,
  options: StartJobOptions = {},
): Promise<string> {
  const { space, fileInfo } = inSpace({ space: input?.space, files: [input?.archive] });
  return createJob(
    kd,
    {
      taskType: 5,
      actionType: 501,
      dstContainerId: space,
      taskInfo: { srcContainerId: space, fileInfo },
      ...(input.password === undefined ? {} : { password: input.password }),
    },
    options,
  );
}

/** Starts a job, then waits for it with `options` (its `signal` stops both). */
async function startAndWait(start: Promise<string>, kd: TaskClient, options: WaitForJobOptions): Promise<JobOutcome> {
  return waitForJob(kd, await start, options);
}

const startOptions = (options: WaitForJobOptions): StartJobOptions =>
  options.signal ? { signal: options.signal } : {};

/** Copies files to a folder and waits for the job: `startCopy` then `waitForJob`. */
export const copyFiles = (kd: TaskClient, input: CopyOrMoveInput, options: WaitForJobOptions = {}) =>
  startAndWait(startCopy(kd, input, startOptions(options)), kd, options);

/** Moves files to a folder and waits for the job. */
export const moveFiles = (kd: TaskClient, input: CopyOrMoveInput, options: WaitForJobOptions = {}) =>
  startAndWait(startMove(kd, input, startOptions(options)), kd, options);

/** Deletes files (to the recycle bin unless `permanently`) and waits for the job. */
export const deleteFiles = (kd: TaskClient, input: DeleteInput, options: WaitForJobOptions = {}) =>
  startAndWait(startDelete(kd, input, startOptions(options)), kd, options);

/** Restores files from the recycle bin and waits for the job. */
export const restoreFiles = (kd: TaskClient, input: FilesInSpace, options: WaitForJobOptions = {}) =>
  startAndWait(startRestore(kd, input, startOptions(options)), kd, options);

/** Packs files into one archive and waits for it: the outcome's `downloadUrl` is the package. */
export const downloadAsPackage = (kd: TaskClient, input: FilesInSpace, options: WaitForJobOptions = {}) =>
  startAndWait(startPackageDownload(kd, input, startOptions(options)), kd, options);

/** Empties a space's recycle bin and waits for the job. */
export const emptyRecycleBin = (kd: TaskClient, input: { space: string }, options: WaitForJobOptions = {}) =>
  startAndWait(startEmptyRecycleBin(kd, input, startOptions(options)), kd, options);

/** Decompresses an archive (whole, or `entries`) into a folder and waits for the job. */
export const decompress = (kd: TaskClient, input: DecompressInput, options: WaitForJobOptions = {}) =>
  startAndWait(startDecompress(kd, input, startOptions(options)), kd, options);

/** Lists an archive's entries through a job and waits for it: the outcome's `archiveEntries`. */
export const listArchive = (kd: TaskClient, input: ArchiveInput, options: WaitForJobOptions = {}) =>
  startAndWait(startArchiveListing(kd, input, startOptions(options)), kd, options);
