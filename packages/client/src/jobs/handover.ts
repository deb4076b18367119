/**
 * User handovers as basic tasks: `startHandover` creates one (createTask, taskType 0, "transfer
 * and delete": the source user's data goes to the recipient), `handOver` also waits for it.
 */
import { KooDriveValidationError } from '../errors.js';
import { createTask } from '../generated/operations/basic-task-operations.js';
import type { StartJobOptions } from './batch-jobs.js';
import { idText, successOf, type TaskClient } from './call.js';
import { KooDriveTaskError } from './task-error.js';
import { type TaskOutcome, type WaitForTaskOptions, waitForTask } from './wait-for-task.js';

/** Whose data goes to whom, by KooDrive user ID. */
export interface HandoverInput {
  /** The user handed over (`srcUserId`). */
  from: string;
  /** The user who receives the data (`dstUserId`); getHandoverDstUserInfo tells who KooDrive expects. */
  to: string;
}

/** Starts a handover (createTask, taskType 0); resolves to the task's ID. */
export async function startHandover(
  kd: TaskClient,
  input: HandoverInput,
  options: StartJobOptions = {},
): Promise<string> {
  for (const field of ['from', 'to'] as const) {
    const value = input?.[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new KooDriveValidationError(field, `must be a non-empty user ID, got ${JSON.stringify(value)}`);
    }
  }
  const { value } = await successOf(
    createTask(kd, {
      body: { taskType: 0, srcUserId: input.from, dstUserId: input.to },
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
  const taskId = idText(value?.taskId);
  if (!taskId) throw new KooDriveTaskError('createTask answered no taskId');
  return taskId;
}

/** Hands a user's data over to another user and waits for the task to end. */
export async function handOver(
  kd: TaskClient,
  input: HandoverInput,
  options: WaitForTaskOptions = {},
): Promise<TaskOutcome> {
  const taskId = await startHandover(kd, input, options.signal ? { signal: options.signal } : {});
  return waitForTask(kd, taskId, options);
}
