import type { CancelJobRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { findJob } from '../../state/task-engine.js';
import type { MockHandler } from '../../types.js';
import { fail } from '../replies.js';

const STATE_NAMES = ['pending', 'processing', 'completed', 'canceled'];

/**
 * Cancels a pending or processing job: it reads canceled (3) from then on and never touches the
 * file tree. A completed or canceled job cannot be cancelled (HTTP 400, 13000101; the reference
 * names no code), an unknown one is 13000309. Answers the documented `{ code: 0, msg: "OK" }`.
 */
export const CancelJob: MockHandler = ({ body }, { state, now }) => {
  const { jobId } = body as CancelJobRequestBody;
  const job = findJob(state, jobId);
  if (!job) return fail(resultCodes.resourceMissing, `batch job ${jobId} does not exist`);
  if (job.status > 1) {
    return fail(
      resultCodes.badRequest,
      `batch job ${jobId} is ${STATE_NAMES[job.status]}: only a pending or processing job can be cancelled`,
    );
  }
  job.status = 3;
  job.endedAt = now().getTime();
  return { body: { code: 0, msg: 'OK' } };
};
