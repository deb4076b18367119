/**
 * `waitForTask`: follows a basic task (createTask: a user handover, or a batch import of users)
 * to its end through getTaskDetail.
 *
 * From the reference: `status` 0 NEW and 1 EXECUTING can still change; 2 SUCCESS and 3 FAILED are
 * final; a failed task's `resultCode` is an "18xxxxxx" string. Basic tasks have no progress field
 * and no cancel operation. The counts of a batch import come from getTaskResult.
 */
import type { getTaskDetailResponse, UserImportResultDto } from '@koodrive/types';
import { getTaskDetail, getTaskResult } from '../generated/operations/basic-task-operations.js';
import { dataOf, successOf, type TaskClient } from './call.js';
import { type PollingOptions, pollUntilFinal } from './poll.js';
import { KooDriveTaskError } from './task-error.js';
import { assertJobId } from './wait-for-job.js';

/** A basic task's state, by name: `status` 0 to 3. */
export type TaskState = 'new' | 'executing' | 'succeeded' | 'failed';

/** A basic task as getTaskDetail answers it (its fields sit beside `code` and `msg`). */
export type BasicTaskDetail = Omit<getTaskDetailResponse, 'code' | 'msg'>;

/** One read of a task, as `onProgress` gets it. */
export interface TaskProgress {
  taskId: string;
  state: TaskState;
  task: BasicTaskDetail;
}

/** How a basic task ended. */
export interface TaskOutcome {
  taskId: string;
  state: 'succeeded' | 'failed';
  /** The task's last details. */
  task: BasicTaskDetail;
  /** Why it failed: an "18xxxxxx" code (absent when it succeeded). */
  resultCode?: string;
  /** For a batch import of users (taskType 1): getTaskResult's counts and failures. */
  importResult?: UserImportResultDto;
}

/** Options of `waitForTask`. */
export interface WaitForTaskOptions extends PollingOptions {
  /** Called after every read of the task. */
  onProgress?: (progress: TaskProgress) => void;
  /**
   * Read getTaskResult once the task has ended; default: for a batch import (taskType 1) only,
   * as the reference describes that result for imports alone.
   */
  withResult?: boolean;
}

const STATES: readonly TaskState[] = ['new', 'executing', 'succeeded', 'failed'];

function readTask(taskId: string, data: unknown): { state: TaskState; task: BasicTaskDetail } {
  const { code: _code, msg: _msg, ...task } = (data ?? {}) as getTaskDetailResponse;
  const status = typeof task.status === 'string' ? Number(task.status) : task.status;
  const state = STATES[typeof status === 'number' ? status : -1];
  if (state === undefined) {
    throw new KooDriveTaskError(`getTaskDetail answered status ${JSON.stringify(task.status)}, not 0 to 3`, taskId);
  }
  return { state, task };
}

/**
 * Polls getTaskDetail until the task succeeded or failed, then (for a batch import) reads its
 * result. Resolves to `{ state: 'succeeded' | 'failed', resultCode?, importResult? }`; `signal`
 * stops the wait with a KooDriveAbortError (basic tasks cannot be cancelled).
 */
export async function waitForTask(
  kd: TaskClient,
  taskId: string,
  options: WaitForTaskOptions = {},
): Promise<TaskOutcome> {
  assertJobId('taskId', taskId);
  const { state, task } = await pollUntilFinal(
    {
      read: async (signal) => {
        const answer = await successOf(getTaskDetail(kd, { params: { path: { task_id: taskId } }, signal }));
        return { value: readTask(taskId, answer.value), ...(answer.traceId ? { traceId: answer.traceId } : {}) };
      },
      isFinal: (read) => read.state === 'succeeded' || read.state === 'failed',
      onRead: (read) => options.onProgress?.({ taskId, ...read }),
      polled: { operationId: 'getTaskDetail', method: 'GET', path: '/koodrive/ose/v1/task/{task_id}' },
    },
    options,
  );
  const outcome: TaskOutcome = { taskId, state: state as TaskOutcome['state'], task };
  if (state === 'failed' && task.resultCode !== undefined) outcome.resultCode = String(task.resultCode);
  if (options.withResult ?? task.taskType === 1) {
    const result = await dataOf(getTaskResult(kd, { params: { query: { taskId } }, signal: options.signal }));
    if (result?.data) outcome.importResult = result.data;
  }
  return outcome;
}
