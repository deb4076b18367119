import { batchJobInfoView } from '../../../factories/tasks.js';
import type { MockHandler } from '../../types.js';
import { ok, pageOf } from '../replies.js';

/**
 * The caller's (X-User-Id) jobs, newest first, of one `type` and in one `status` when asked,
 * `offset`/`limit` at a time, with no `total` (none is documented).
 */
export const GetJobList: MockHandler = ({ query, headers }, { state, defaultPageSize }) => {
  const caller = headers['x-user-id'] ?? '';
  const jobs = state.tasks.jobs
    .filter(
      (job) =>
        job.userId === caller &&
        (query.type === undefined || job.taskType === query.type) &&
        (query.status === undefined || job.status === query.status),
    )
    .reverse();
  return ok({ data: pageOf(jobs, query, defaultPageSize).map(batchJobInfoView) });
};
