/**
 * `waitForJob`: follows a batch job (CreateJob) to its end through GetJobDetail, and tells how it
 * ended in a typed outcome rather than codes.
 *
 * From the reference: `status` 0 pending and 1 processing can still change (and are the only
 * states CancelJob accepts); 2 completed and 3 canceled are final. On 2, `taskResultCode` tells
 * how the items fared (1 all succeeded, 2 partly failed, 3 all failed); `downloadUrl` is the
 * result of a package download (taskType 6); `progress` comes with asynchronous jobs, with no unit
 * documented, so it is passed on as the service sends it.
 */
import type { JobDetailInfo } from '@koodrive/types';
import { KooDriveAbortError, KooDriveValidationError } from '../errors.js';
import { CancelJob, GetJobDetail } from '../generated/operations/batch-task-operations.js';
import { successOf, type TaskClient } from './call.js';
import { type PollingOptions, pollUntilFinal } from './poll.js';
import { KooDriveTaskError } from './task-error.js';

/** A job's state, by name: `status` 0 to 3. */
export type JobState = 'pending' | 'processing' | 'completed' | 'canceled';

/** How a completed job's items fared (`taskResultCode` 1 to 3), or `not-reported` when the answer had none. */
export type JobResult = 'all-succeeded' | 'partly-failed' | 'all-failed' | 'not-reported';

/** One read of a job, as `onProgress` gets it. */
export interface JobProgress {
  jobId: string;
  state: JobState;
  /** The job's `progress`, as KooDrive sends it (the reference gives no unit). */
  progress?: number;
  /** The whole `jobInfo` of the read. */
  job: JobDetailInfo;
}

interface JobOutcomeBase {
  jobId: string;
  /** The last `jobInfo` read. */
  job: JobDetailInfo;
  /** The per-item details (`taskInfos`); their fields are not documented. */
  items: Record<string, unknown>[];
  /** For a decompression job, the archive's entries (`uncompressedFileList`); fields not documented. */
  archiveEntries: Record<string, unknown>[];
}

/** A job that ran to its end. */
export interface JobCompleted extends JobOutcomeBase {
  state: 'completed';
  result: JobResult;
  /** Where to download the package, for a package download job. */
  downloadUrl?: string;
}

/** A job that was cancelled (by CancelJob, from here or elsewhere) before it ended. */
export interface JobCanceled extends JobOutcomeBase {
  state: 'canceled';
}

/** How a job ended. */
export type JobOutcome = JobCompleted | JobCanceled;

/** Options of `waitForJob`. */
export interface WaitForJobOptions extends PollingOptions {
  /** Called after every read of the job, with its state and progress. */
  onProgress?: (progress: JobProgress) => void;
  /**
   * When `signal` aborts while the job is still pending or processing, cancel it with CancelJob
   * before rejecting; default false (the job goes on, only the waiting stops).
   */
  cancelOnAbort?: boolean;
}

const STATES: readonly JobState[] = ['pending', 'processing', 'completed', 'canceled'];
const RESULTS: Record<number, JobResult> = { 1: 'all-succeeded', 2: 'partly-failed', 3: 'all-failed' };

interface JobRead {
  state: JobState;
  job: JobDetailInfo;
  items: Record<string, unknown>[];
  archiveEntries: Record<string, unknown>[];
}

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;

function readJob(jobId: string, data: unknown): JobRead {
  const details = (data as { data?: Record<string, unknown> } | undefined)?.data;
  const job = details?.jobInfo as JobDetailInfo | undefined;
  if (typeof job !== 'object' || job === null) throw new KooDriveTaskError('GetJobDetail answered no jobInfo', jobId);
  const state = STATES[numberOf(job.status) ?? -1];
  if (state === undefined) {
    throw new KooDriveTaskError(`GetJobDetail answered status ${JSON.stringify(job.status)}, not 0 to 3`, jobId);
  }
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  return { state, job, items: list(details?.taskInfos), archiveEntries: list(details?.uncompressedFileList) };
}

function outcomeOf(jobId: string, read: JobRead): JobOutcome {
  const base = { jobId, job: read.job, items: read.items, archiveEntries: read.archiveEntries };
  if (read.state === 'canceled') return { ...base, state: 'canceled' };
  const result = RESULTS[numberOf(read.job.taskResultCode) ?? 0] ?? 'not-reported';
  const downloadUrl = read.job.downloadUrl;
  return { ...base, state: 'completed', result, ...(downloadUrl ? { downloadUrl } : {}) };
}

/** A job ID as the helpers take it: a non-empty string (19-digit IDs exceed 2^53). */
export function assertJobId(field: string, jobId: unknown): asserts jobId is string {
  if (typeof jobId !== 'string' || jobId.trim() === '') {
    throw new KooDriveValidationError(field, `must be a non-empty string, got ${JSON.stringify(jobId)}`);
  }
}

/**
 * Polls GetJobDetail until the job is completed or canceled, and resolves to how it ended:
 * `{ state: 'completed', result: 'all-succeeded' | 'partly-failed' | 'all-failed', downloadUrl? }`
 * or `{ state: 'canceled' }`. A failed GetJobDetail (after the client's own retries) rejects with
 * its error; `signal` stops the wait with a KooDriveAbortError, after cancelling the job when
 * `cancelOnAbort` is set.
 *
 * ```ts
 * const outcome = await waitForJob(kd, jobId, { onProgress: (p) => console.log(p.state, p.progress) });
 * if (outcome.state === 'completed' && outcome.result !== 'all-succeeded') console.warn(outcome.items);
 * ```
 */
export async function waitForJob(kd: TaskClient, jobId: string, options: WaitForJobOptions = {}): Promise<JobOutcome> {
  assertJobId('jobId', jobId);
  let last: JobRead | undefined;
  try {
    const read = await pollUntilFinal<JobRead>(
      {
        read: async (signal) => {
          const answer = await successOf(GetJobDetail(kd, { params: { path: { job_id: jobId } }, signal }));
          return { value: readJob(jobId, answer.value), ...(answer.traceId ? { traceId: answer.traceId } : {}) };
        },
        isFinal: (read) => read.state === 'completed' || read.state === 'canceled',
        onRead: (read) => {
          last = read;
          const progress = numberOf(read.job.progress);
          options.onProgress?.({
            jobId,
            state: read.state,
            job: read.job,
            ...(progress === undefined ? {} : { progress }),
          });
        },
        polled: { operationId: 'GetJobDetail', method: 'GET', path: '/koodrive/ose/v1/{job_id}' },
      },
      options,
    );
    return outcomeOf(jobId, read);
  } catch (error) {
    const stillRunning = last === undefined || last.state === 'pending' || last.state === 'processing';
    if (error instanceof KooDriveAbortError && options.cancelOnAbort && stillRunning) {
      await cancelAfterAbort(kd, jobId, error);
    }
    throw error;
  }
}

/** Cancels a job whose wait was aborted; a failure to cancel becomes the abort error's `cause`. */
async function cancelAfterAbort(kd: TaskClient, jobId: string, abort: KooDriveAbortError): Promise<void> {
  try {
    await successOf(CancelJob(kd, { body: { jobId } }));
  } catch (failure) {
    Object.defineProperty(abort, 'cause', { value: failure, configurable: true, writable: true });
  }
}
