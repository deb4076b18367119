/**
 * A share task as getBatchTask reports it, read into plain words: its state, progress, outcome,
 * the archive's link for a download, and the outcome per file.
 */
import type { ShareJobInfo, ShareTaskInfo } from '@koodrive/types';
import { KooDriveError } from '../errors.js';

/** A share task's state: the reference's taskStatus 0 pending, 1 running, 2 done, 3 cancelled. */
export type ShareTaskStatus = 'pending' | 'running' | 'done' | 'cancelled';

/** How a finished task went: taskResultCode 1 all succeeded, 2 some failed, 3 all failed. */
export type ShareTaskResult = 'succeeded' | 'partly-failed' | 'failed';

/** getBatchTask's answer, read. */
export interface ShareTaskState {
  taskId: string;
  /** 1 download as an archive, 2 save to a space of the caller's. */
  taskType: number | undefined;
  status: ShareTaskStatus;
  /** Percent, when the service gives it (70 means 70 %). */
  progress: number | undefined;
  /** How it went, once done. */
  result: ShareTaskResult | undefined;
  /** The archive's link, for a download that is done (a presigned URL: keep it to yourself). */
  downloadUrl: string | undefined;
  /** The outcome per file (the reference documents one object; both shapes are read as a list). */
  files: ShareTaskInfo[];
  /** The service's own `jobInfo`, as sent. */
  jobInfo: ShareJobInfo;
}

const STATUSES: Record<number, ShareTaskStatus> = { 0: 'pending', 1: 'running', 2: 'done', 3: 'cancelled' };
const RESULTS: Record<number, ShareTaskResult> = { 1: 'succeeded', 2: 'partly-failed', 3: 'failed' };

/**
 * Reads getBatchTask's answer. A missing `jobInfo` or a state the reference does not list is an
 * error (a KooDriveError naming it), so that waiting on it cannot go on forever.
 */
export function readShareTask(
  taskId: string,
  data: { jobInfo?: ShareJobInfo; taskInfos?: ShareTaskInfo | ShareTaskInfo[] },
): ShareTaskState {
  const { jobInfo } = data;
  if (!jobInfo) throw new KooDriveError(`getBatchTask answered no jobInfo for task ${taskId}`);
  const status = STATUSES[Number(jobInfo.taskStatus)];
  if (!status) {
    throw new KooDriveError(
      `getBatchTask answered task status ${String(jobInfo.taskStatus)} for task ${taskId}, which the reference does not list`,
    );
  }
  const files = data.taskInfos === undefined ? [] : Array.isArray(data.taskInfos) ? data.taskInfos : [data.taskInfos];
  return {
    taskId,
    taskType: jobInfo.taskType === undefined ? undefined : Number(jobInfo.taskType),
    status,
    progress: jobInfo.progress === undefined ? undefined : Number(jobInfo.progress),
    result: status === 'done' ? RESULTS[Number(jobInfo.taskResultCode)] : undefined,
    downloadUrl: jobInfo.downloadUrl || undefined,
    files,
    jobInfo,
  };
}

/** Whether a task has reached a state it will not leave. */
export const isFinal = (task: ShareTaskState) => task.status === 'done' || task.status === 'cancelled';
