import { KooDriveError } from '../errors.js';

/**
 * KooDrive answered a task call with something the helpers cannot follow: no job ID from
 * CreateJob, a job or task without a status, or a status the reference does not list. Waiting
 * on would never end, so the helper stops with this error instead.
 */
export class KooDriveTaskError extends KooDriveError {
  override name = 'KooDriveTaskError';
  /** The job's or task's ID, when there is one. */
  readonly taskId?: string;

  constructor(problem: string, taskId?: string) {
    super(taskId === undefined ? problem : `${problem} (task ${taskId})`);
    if (taskId !== undefined) this.taskId = taskId;
  }
}
