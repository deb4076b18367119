/**
 * Factories and views of the task groups (Batch Task Operations, Basic Task Operations):
 * `makeX(overrides, index)` gives a valid, realistic X; the `…View` functions turn the mock's
 * records (state/tasks.ts) into what the operations answer. The contract test checks both.
 */
import type { BasicTaskInfo, BatchJobInfo, JobDetailInfo, UserImportResultDto } from '@koodrive/types';
import type { MockBasicTask, MockJob } from '../mock/state/tasks.js';
import { makeContainerId, makeOwnerId, TENANT_ID } from './ids.js';
import { ADMINISTRATOR_USER_ID } from './org.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

/** A job's `jobInfo`, as GetJobDetail answers it. Times are ISO 8601 (the reference gives no format). */
export function jobDetailInfoView(job: MockJob): JobDetailInfo {
  return defined({
    taskId: job.taskId,
    taskName: job.taskName,
    userId: job.userId,
    taskType: job.taskType,
    actionType: job.actionType,
    status: job.status,
    taskResultCode: job.taskResultCode,
    resultCode: job.taskResultCode === undefined ? undefined : job.taskResultCode === 1 ? 0 : 1,
    progress: job.progress,
    downloadUrl: job.downloadUrl,
    contentNum: job.fileIds.length,
    containerId: job.dstContainerId,
    tenantId: job.tenantId,
    beginTime: iso(job.startedAt),
  });
}

/** A job as GetJobList lists it. */
export function batchJobInfoView(job: MockJob): BatchJobInfo {
  const { taskName: _name, userId: _user, ...info } = jobDetailInfoView(job);
  return defined({ ...info, endTime: iso(job.endedAt), createTime: iso(job.createdAt) });
}

/** A basic task as getTaskLIst lists it (getTaskDetail answers the same fields but the times). */
export function basicTaskInfoView(task: MockBasicTask): BasicTaskInfo {
  return defined({
    taskId: task.taskId,
    taskName: task.taskName,
    taskType: task.taskType,
    tenantId: task.tenantId,
    userId: task.userId,
    status: task.status,
    resultCode: task.resultCode,
    initParams: JSON.stringify(
      task.taskType === 0
        ? { srcUserId: task.srcUserId, dstUserId: task.dstUserId }
        : { orgId: task.orgId, orgUserId: task.orgUserId, resultId: task.resultId },
    ),
    locale: 'en-US',
    createTime: iso(task.createdAt),
    startTime: iso(task.startedAt),
    endTime: iso(task.endedAt),
  });
}

/** A job record for the mock's state (`state.tasks.jobs`): a completed copy of two files unless overridden. */
export function makeMockJob(overrides: Partial<MockJob> = {}, index = 0): MockJob {
  const created = Date.UTC(2025, 0, 1) + index * 60_000;
  const containerId = makeContainerId(index);
  return {
    taskId: makeOwnerId(index, '13092431'),
    taskType: 1,
    actionType: 101,
    taskName: `BatchCopy ${index + 1}`,
    userId: ADMINISTRATOR_USER_ID,
    tenantId: TENANT_ID,
    srcContainerId: containerId,
    dstContainerId: containerId,
    fileIds: [`FqS6hLLy_DkjlWdfOnEdCErhsmok${String(index).padStart(5, '0')}`],
    newFilePath: 'root',
    status: 2,
    createdAt: created,
    startedAt: created + 100,
    endedAt: created + 300,
    progress: 100,
    taskResultCode: 1,
    items: [],
    archiveEntries: [],
    ...overrides,
  };
}

/** A basic task record for the mock's state: a finished handover unless overridden. */
export function makeMockBasicTask(overrides: Partial<MockBasicTask> = {}, index = 0): MockBasicTask {
  const created = Date.UTC(2024, 7, 12, 7, 22, 33) + index * 60_000;
  return {
    taskId: makeOwnerId(index, '14862545'),
    taskName: `handover ${index + 1}`,
    taskType: 0,
    tenantId: TENANT_ID,
    userId: ADMINISTRATOR_USER_ID,
    srcUserId: makeOwnerId(index, '13976872'),
    dstUserId: makeOwnerId(index, '15079478'),
    status: 2,
    createdAt: created,
    startedAt: created + 100,
    endedAt: created + 300,
    ...overrides,
  };
}

/** GetJobDetail's `jobInfo` for a made job. */
export const makeJobDetailInfo = (overrides: Partial<MockJob> = {}, index = 0): JobDetailInfo =>
  jobDetailInfoView(makeMockJob(overrides, index));

/** GetJobList's row for a made job. */
export const makeBatchJobInfo = (overrides: Partial<MockJob> = {}, index = 0): BatchJobInfo =>
  batchJobInfoView(makeMockJob(overrides, index));

/** getTaskLIst's row for a made task. */
export const makeBasicTaskInfo = (overrides: Partial<MockBasicTask> = {}, index = 0): BasicTaskInfo =>
  basicTaskInfoView(makeMockBasicTask(overrides, index));

/** A batch import's result, as getTaskResult answers it. */
export function makeUserImportResultDto(overrides: Partial<UserImportResultDto> = {}): UserImportResultDto {
  return {
    successCount: 1,
    failCount: 1,
    failInfoList: [{ userName: 'ss', desc: 'the user already exists' }],
    ...overrides,
  };
}
