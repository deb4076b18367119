/**
 * `@koodrive/client/jobs`: long-running work as single awaited calls. Batch jobs (copy, move,
 * delete, restore, decompress, package download, empty the recycle bin) are started by a function
 * each and followed with `waitForJob`; user handovers are basic tasks, followed with `waitForTask`.
 * A module of its own, so the client's entry does not grow with it.
 */
export {
  type ArchiveInput,
  type CopyOrMoveInput,
  copyFiles,
  type DecompressInput,
  type DeleteInput,
  decompress,
  deleteFiles,
  downloadAsPackage,
  emptyRecycleBin,
  type FilesInSpace,
  listArchive,
  moveFiles,
  restoreFiles,
  type StartJobOptions,
  startArchiveListing,
  startCopy,
  startDecompress,
  startDelete,
  startEmptyRecycleBin,
  startMove,
  startPackageDownload,
  startRestore,
} from './batch-jobs.js';
export type { TaskClient } from './call.js';
export { type HandoverInput, handOver, startHandover } from './handover.js';
export type { PollInterval, PollingOptions } from './poll.js';
export { KooDriveTaskError } from './task-error.js';
export {
  type JobCanceled,
  type JobCompleted,
  type JobOutcome,
  type JobProgress,
  type JobResult,
  type JobState,
  type WaitForJobOptions,
  waitForJob,
} from './wait-for-job.js';
export {
  type BasicTaskDetail,
  type TaskOutcome,
  type TaskProgress,
  type TaskState,
  type WaitForTaskOptions,
  waitForTask,
} from './wait-for-task.js';
