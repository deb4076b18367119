/**
 * The mock's task engine: creates batch jobs and basic tasks, moves them along the mock's clock
 * (`settleTasks`, run before every request is handled, so that the file tree is already changed
 * when a test lists it), and cancels jobs. The work of a job on the file tree is in job-effects.ts.
 */
import { makeOwnerId } from '../../factories/ids.js';
import type { MockState } from '../types.js';
import { writeAuditLog } from './governance-model.js';
import { type JobEnvironment, runJob } from './job-effects.js';
import { findUser } from './org-model.js';
import { HANDOVER_FAILURE_CODE, type MockBasicTask, type MockJob, type MockJobItem, type MockTasks } from './tasks.js';

/** The spec's names of the job types (BatchJobType's x-enum-varnames): the audit log's `operation` for a job's work. */
export const JOB_KINDS = {
  1: 'BatchCopy',
  2: 'BatchDelete',
  3: 'BatchMove',
  4: 'BatchRestore',
  5: 'CloudDecompression',
  6: 'PackageDownload',
  7: 'EmptyRecycleBin',
} as const;

/** The next 19-digit ID of a job or task. */
export function nextTaskId(tasks: MockTasks, prefix: string): string {
  tasks.sequence += 1;
  return makeOwnerId(tasks.sequence, prefix);
}

/** `taskResultCode` from the items: 1 all succeeded (or nothing to do), 2 partly failed, 3 all failed. */
export function taskResultCodeOf(items: readonly MockJobItem[]): 1 | 2 | 3 {
  const failed = items.filter((item) => item.code !== 0).length;
  return failed === 0 ? 1 : failed === items.length ? 3 : 2;
}

// A job's work runs once, even when two requests settle the state at the same time.
const running = new WeakMap<MockJob, Promise<void>>();

async function finishJob(state: MockState, job: MockJob, at: number, env: JobEnvironment): Promise<void> {
  try {
    await runJob(state, job, new Date(at), env);
  } catch (error) {
    // A fault of the mock itself: every item fails with "inner invoke failure" rather than the job hanging.
    const msg = `the mock failed to run the job: ${(error as Error).message}`;
    job.items = job.fileIds.map((fileId) => ({ fileId, code: 13000201, msg }));
  }
  job.status = 2;
  job.progress = 100;
  job.endedAt = at;
  job.taskResultCode = taskResultCodeOf(job.items);
  const failures = job.items.filter((item) => item.code !== 0);
  writeAuditLog(state, {
    operatorId: job.userId,
    operateTime: new Date(at).toISOString(),
    operation: JOB_KINDS[job.taskType],
    resource: job.taskId,
    operateResult: job.taskResultCode === 3 ? 1 : 0,
    operatorIP: '127.0.0.1',
    ...(failures.length > 0 ? { message: failures.map((item) => `${item.fileId}: ${item.msg}`).join('; ') } : {}),
  });
}

async function advanceJob(state: MockState, job: MockJob, now: number, env: JobEnvironment): Promise<void> {
  const { pendingMs, processingMs } = state.tasks.timing;
  if (job.status === 0 && now >= job.createdAt + pendingMs) {
    job.status = 1;
    job.startedAt = job.createdAt + pendingMs;
  }
  if (job.status !== 1) return;
  const started = job.startedAt ?? now;
  if (now < started + processingMs) {
    job.progress = Math.min(99, Math.floor(((now - started) * 100) / processingMs));
    return;
  }
  let work = running.get(job);
  if (!work) {
    work = finishJob(state, job, started + processingMs, env);
    running.set(job, work);
  }
  await work;
}

function advanceTask(state: MockState, task: MockBasicTask, now: number): void {
  const { pendingMs, processingMs } = state.tasks.timing;
  if (task.status === 0 && now >= task.createdAt + pendingMs) {
    task.status = 1;
    task.startedAt = task.createdAt + pendingMs;
  }
  const started = task.startedAt ?? now;
  if (task.status !== 1 || now < started + processingMs) return;
  // A handover needs both users still there when it runs; the reference does not say what the
  // failure code means, so the mock uses its example's.
  const usersGone =
    task.taskType === 0 && (!findUser(state.org, task.srcUserId ?? '') || !findUser(state.org, task.dstUserId ?? ''));
  const failure = task.plannedFailure ?? (usersGone ? HANDOVER_FAILURE_CODE : undefined);
  task.status = failure ? 3 : 2;
  task.endedAt = started + processingMs;
  if (failure) task.resultCode = failure;
  if (task.taskType === 1) task.importResult = structuredClone(state.tasks.importResult);
}

/** Moves every job and task along to the mock's time `now` (ms), doing the work of jobs that end. */
export async function settleTasks(state: MockState, now: number, env: JobEnvironment): Promise<void> {
  for (const task of state.tasks.basicTasks) if (task.status < 2) advanceTask(state, task, now);
  for (const job of state.tasks.jobs) if (job.status < 2) await advanceJob(state, job, now, env);
}

/** A job by ID. */
export const findJob = (state: MockState, id: unknown) => state.tasks.jobs.find((job) => job.taskId === String(id));

/** A basic task by ID. */
export const findTask = (state: MockState, id: unknown) =>
  state.tasks.basicTasks.find((task) => task.taskId === String(id));
