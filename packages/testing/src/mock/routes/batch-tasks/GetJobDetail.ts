import { jobDetailInfoView } from '../../../factories/tasks.js';
import { resultCodes } from '../../errors.js';
import { findJob } from '../../state/task-engine.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * A job's state as of the mock's clock: `jobInfo`, the outcome per file once it has run
 * (`taskInfos`, the mock's `{ fileId, code, msg, newFileId?, entry? }`), and for a decompression the
 * archive's entries (`uncompressedFileList`). An unknown ID: HTTP 400, 13000309.
 */
export const GetJobDetail: MockHandler = ({ pathParams }, { state }) => {
  const job = findJob(state, pathParams.job_id);
  if (!job) return fail(resultCodes.resourceMissing, `batch job ${pathParams.job_id} does not exist`);
  return ok({
    data: {
      jobInfo: jobDetailInfoView(job),
      taskInfos: job.items.map((item) => ({ ...item })),
      ...(job.taskType === 5 ? { uncompressedFileList: job.archiveEntries.map((entry) => ({ ...entry })) } : {}),
    },
  });
};
