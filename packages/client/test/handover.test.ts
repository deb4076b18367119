/**
 * Basic tasks (user handovers, batch imports) through the client against the mock: recipients,
 * creation, waiting to the end on the mock's clock, failures, results, and the cursor-paged list.
 */
import { ADMINISTRATOR_USER_ID, HANDOVER_FAILURE_CODE } from '@koodrive/testing';
import { describe, expect, it } from 'vitest';
import {
  createTask,
  getHandoverDstUserInfo,
  getTaskDetail,
  getTaskLIst,
  getTaskResult,
} from '../src/generated/operations/index.js';
import { KooDriveApiError, KooDriveValidationError } from '../src/index.js';
import { handOver, startHandover, type TaskProgress, waitForTask } from '../src/jobs/index.js';
import { useTaskWorld } from './tasks-fixture.js';

const world = useTaskWorld();

function following(seen: TaskProgress[] = []) {
  return {
    interval: 1,
    onProgress: (progress: TaskProgress) => {
      seen.push(progress);
      world.advance(150);
    },
  };
}

/** Two ordinary users of the mock's organization (userId form, as X-User-Id takes it). */
const users = () =>
  world.state.org.users.filter((user) => user.userId !== ADMINISTRATOR_USER_ID).map((user) => user.userId);

describe('handover tasks', () => {
  it('hands a user over to the recipient KooDrive names, and waits for the task to succeed', async () => {
    const { kd } = world;
    const [leaver] = users();
    const recipient = await getHandoverDstUserInfo(kd, { params: { path: { src_user_id: leaver as string } } });
    expect(recipient.data).toMatchObject({ id: ADMINISTRATOR_USER_ID, name: 'Tenant Administrator' });

    const seen: TaskProgress[] = [];
    const outcome = await handOver(kd, { from: leaver as string, to: recipient.data?.id as string }, following(seen));
    expect(outcome).toMatchObject({ state: 'succeeded', task: { taskType: 0, status: 2 } });
    expect(outcome.resultCode).toBeUndefined();
    expect(outcome.importResult).toBeUndefined();
    expect(seen.map((progress) => progress.state)).toEqual(['new', 'executing', 'succeeded']);
    const body = JSON.parse(
      world.mock.requests.find((request) => request.operationId === 'createTask')?.bodyText ?? '',
    );
    expect(body).toEqual({ taskType: 0, srcUserId: leaver, dstUserId: ADMINISTRATOR_USER_ID });
  });

  it('reports a failed task with its 18xxxxxx result code, and getTaskResult tells the same', async () => {
    const { kd, state } = world;
    const [leaver, heir] = users() as [string, string];
    state.tasks.nextTaskFailure = HANDOVER_FAILURE_CODE;
    const outcome = await handOver(kd, { from: leaver, to: heir }, following());
    expect(outcome).toMatchObject({ state: 'failed', resultCode: '18000205' });
    const detail = await getTaskDetail(kd, { params: { path: { task_id: outcome.taskId } } });
    expect(detail.data).toMatchObject({ status: 3, resultCode: '18000205' });
    const result = await getTaskResult(kd, { params: { query: { taskId: outcome.taskId } } });
    expect(result.data?.data).toMatchObject({ successCount: 0, failCount: 1 });

    // A recipient who left before the task ran makes it fail too.
    const taskId = await startHandover(kd, { from: leaver, to: heir });
    state.org.users = state.org.users.filter((user) => user.userId !== heir);
    expect(await waitForTask(kd, taskId, following())).toMatchObject({ state: 'failed', resultCode: '18000205' });
  });

  it('refuses a handover KooDrive could not run: unknown users, the same user twice, missing IDs', async () => {
    const { kd } = world;
    const [leaver] = users() as [string];
    const unknown = await createTask(kd, {
      body: { taskType: 0, srcUserId: leaver, dstUserId: '1000000000000000001' },
    });
    expect(unknown.error).toMatchObject({ code: 13000309 });
    const same = await createTask(kd, { body: { taskType: 0, srcUserId: leaver, dstUserId: leaver } });
    expect(same.error).toMatchObject({ code: 13000102 });
    const missing = await createTask(kd, { body: { taskType: 0, srcUserId: leaver } });
    expect(missing.error).toBeInstanceOf(KooDriveApiError);
    await expect(startHandover(kd, { from: leaver, to: '' })).rejects.toThrow(KooDriveValidationError);
  });

  it('answers a batch import’s counts from getTaskResult once the task has ended', async () => {
    const { kd, state } = world;
    state.tasks.importResult = { successCount: 3, failCount: 1, failInfoList: [{ userName: 'ss', desc: 'exists' }] };
    const created = await createTask(kd, {
      body: { taskType: 1, orgId: state.org.orgId, orgUserId: 'u-1', resultId: 'r-1' },
    });
    const taskId = created.data?.taskId as string;
    const early = await getTaskResult(kd, { params: { query: { taskId } } });
    expect(early.error).toMatchObject({ code: 13000101 });
    const outcome = await waitForTask(kd, taskId, following());
    expect(outcome).toMatchObject({ state: 'succeeded', importResult: { successCount: 3, failCount: 1 } });
  });

  it('lists tasks page by page with the cursor, filtered by state', async () => {
    const { kd } = world;
    const [a, b, c] = users() as [string, string, string];
    await handOver(kd, { from: a, to: b }, following());
    await startHandover(kd, { from: b, to: c });
    await startHandover(kd, { from: c, to: a });

    const first = await getTaskLIst(kd, { params: { query: { pageSize: 2 } } });
    expect(first.data?.taskList).toHaveLength(2);
    const next = first.data?.nextCursor as string;
    const second = await getTaskLIst(kd, { params: { query: { pageSize: 2, pageCursor: next } } });
    expect(second.data?.taskList).toHaveLength(1);
    expect(second.data?.nextCursor).toBeUndefined();

    const rows: unknown[] = [];
    for await (const row of kd.paginate(getTaskLIst, undefined, { pageSize: 1 })) rows.push(row);
    expect(rows).toHaveLength(3);

    const open = await getTaskLIst(kd, { params: { query: { status: [0, 1] } } });
    expect(open.data?.taskList?.map((task) => task.status)).toEqual([0, 0]);
    expect(world.mock.requests.at(-1)?.url.search).toBe('?status=0&status=1');
    const done = await getTaskLIst(kd, { params: { query: { status: [2], taskType: 0 } } });
    expect(done.data?.taskList).toMatchObject([{ status: 2, taskType: 0 }]);
  });

  it('refuses a task ID that would make the path another route (getTaskDetail beside /task/list)', async () => {
    await expect(waitForTask(world.kd, 'list')).rejects.toThrow(KooDriveValidationError);
    expect(world.mock.requests).toHaveLength(0);
  });
});
