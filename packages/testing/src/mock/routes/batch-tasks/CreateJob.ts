import type { CreateJobRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { findSpace } from '../../state/files.js';
import { isWhitelisted } from '../../state/governance-model.js';
import { JOB_KINDS, nextTaskId } from '../../state/task-engine.js';
import type { MockJob } from '../../state/tasks.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

const invalid = (problem: string) =>
  fail(resultCodes.parameterValidationFailed, `parameter validation failed: ${problem}`);

/** The file IDs of `fileInfo`, read as `{ fileId }` elements (the mock's reading), or the problem. */
function fileIdsOf(fileInfo: readonly object[]): string[] | string {
  const ids: string[] = [];
  for (const [index, element] of fileInfo.entries()) {
    const fileId = (element as { fileId?: unknown }).fileId;
    if (typeof fileId !== 'string' || fileId === '') {
      return `body taskInfo.fileInfo[${index}].fileId is required (the mock reads an element as { fileId }; the reference does not document its fields)`;
    }
    ids.push(fileId);
  }
  return ids;
}

/**
 * Starts a batch job: answers its ID in `data` at once; the job is pending, then processing, then
 * does its work on the file tree and completes, on the mock's clock (state/tasks.ts). Refused at
 * once (HTTP 400): a space that does not exist (13000301), an `actionType` that does not refine the
 * `taskType` (its first digit), no files for a job that needs them, no `newFilePath` for a copy,
 * move or decompression, a partial decompression without `uncompressFilePaths`, and emptying the
 * recycle bin by someone off `state.governance.whitelist`. Whatever concerns single files is
 * decided when the job runs, file by file.
 */
export const CreateJob: MockHandler = ({ body, headers }, { state, now }) => {
  const request = body as CreateJobRequestBody;
  const { taskType, taskInfo, dstContainerId } = request;
  const actionType = request.actionType ?? ({ 1: 101, 2: 201, 3: 301, 5: 502, 7: 701 } as const)[taskType as 1];
  if (actionType !== undefined && Math.floor(actionType / 100) !== taskType) {
    return invalid(
      `body actionType ${actionType} does not refine taskType ${taskType} (its first digit must be ${taskType})`,
    );
  }
  for (const containerId of [taskInfo.srcContainerId, dstContainerId]) {
    if (!findSpace(state, containerId)) return fail(resultCodes.spaceMissing, `space ${containerId} does not exist`);
  }
  const fileIds = fileIdsOf(taskInfo.fileInfo ?? []);
  if (typeof fileIds === 'string') return invalid(fileIds);
  if (taskType !== 7 && fileIds.length === 0) return invalid('body taskInfo.fileInfo must name at least one file');
  if (taskType === 5 && fileIds.length !== 1) return invalid('body taskInfo.fileInfo must name exactly one archive');
  const needsTarget = taskType === 1 || taskType === 3 || (taskType === 5 && actionType !== 501);
  if (needsTarget && !taskInfo.newFilePath) return invalid('body taskInfo.newFilePath (the target folder) is required');
  if (actionType === 503 && !taskInfo.uncompressFilePaths?.length) {
    return invalid('body taskInfo.uncompressFilePaths must name the entries of a partial decompression');
  }
  const userId = headers['x-user-id'] ?? '';
  if (taskType === 7 && !isWhitelisted(state, userId)) {
    return fail(resultCodes.badRequest, 'emptying the recycle bin by a batch job is for whitelisted users only');
  }
  const job: MockJob = {
    taskId: nextTaskId(state.tasks, '13092431'),
    taskType,
    ...(actionType === undefined ? {} : { actionType }),
    taskName: `${JOB_KINDS[taskType]} of ${fileIds.length} file(s)`,
    userId,
    tenantId: state.org.tenantId,
    srcContainerId: taskInfo.srcContainerId,
    dstContainerId,
    fileIds,
    ...(taskInfo.newFilePath === undefined ? {} : { newFilePath: taskInfo.newFilePath }),
    ...(taskInfo.uncompressFilePaths ? { uncompressFilePaths: [...taskInfo.uncompressFilePaths] } : {}),
    ...(request.password === undefined ? {} : { password: request.password }),
    status: 0,
    createdAt: now().getTime(),
    progress: 0,
    items: [],
    archiveEntries: [],
  };
  state.tasks.jobs.push(job);
  return ok({ data: job.taskId });
};
