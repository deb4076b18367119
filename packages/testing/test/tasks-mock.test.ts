/**
 * The mock's task engine and governance records, seen from the wire: literal routes beside
 * templates, work that lands on the file tree without anyone polling, the audit log, array query
 * parameters. (The operations themselves are tested through the client, in packages/client/test.)
 */
import { describe, expect, it } from 'vitest';
import {
  addFile,
  createMockKooDrive,
  ensureIndividualSpace,
  findNode,
  type MockKooDrive,
  makeMockState,
} from '../src/index.js';
import { goodHeaders } from './helpers.js';

const ADMIN = '1505084218764547200';

function world() {
  let now = Date.UTC(2025, 10, 3, 7, 1, 40);
  const state = makeMockState();
  const space = ensureIndividualSpace(state, ADMIN).containerId as string;
  const mock = createMockKooDrive({ state, clock: () => new Date(now) });
  const call = async (method: string, path: string, body?: unknown, userId = ADMIN) => {
    const response = await mock.handle(
      new Request(`http://127.0.0.1:9/koodrive/ose/v1${path}`, {
        method,
        headers: { ...goodHeaders({ 'x-user-id': userId }), 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { mock, state, space, call, advance: (ms: number) => (now += ms) };
}

const lastOperation = (mock: MockKooDrive) => mock.requests.at(-1)?.operationId;

describe('routes beside path templates', () => {
  it('a literal path owns its route: its other methods are 405, never a template’s operation', async () => {
    const { mock, call } = world();
    expect((await call('GET', '/jobs?offset=0&limit=5')).status).toBe(200);
    expect(lastOperation(mock)).toBe('GetJobList');
    expect((await call('GET', '/cancel')).status).toBe(405);
    expect((await call('GET', '/task/list')).status).toBe(200);
    expect(lastOperation(mock)).toBe('getTaskLIst');
    expect((await call('GET', '/task/create')).status).toBe(405);
    expect((await call('GET', '/space/group')).status).toBe(405);
    // A value that is no literal segment still reaches the template's operation.
    expect((await call('GET', '/1309243100000000001')).body).toMatchObject({ code: 13000309 });
    expect(lastOperation(mock)).toBe('GetJobDetail');
  });

  it('reads an array query parameter sent exploded (`status=0&status=1`)', async () => {
    const { call } = world();
    expect((await call('GET', '/task/list?status=0&status=3')).status).toBe(200);
    expect((await call('GET', '/task/list?status=7')).body).toMatchObject({ code: 13000102 });
  });
});

describe('the task engine', () => {
  it('does a job’s work once its time has come, whichever request comes next', async () => {
    const { state, space, call, advance } = world();
    const a = await addFile(state, { containerId: space, parentId: 'root', name: 'a.txt', content: 'alpha' });
    const created = await call('POST', '/jobs', {
      taskType: 2,
      dstContainerId: space,
      taskInfo: { srcContainerId: space, fileInfo: [{ fileId: a.id }] },
    });
    const jobId = created.body.data as string;
    expect(state.tasks.jobs[0]).toMatchObject({ taskId: jobId, status: 0 });
    await call('GET', '/service');
    expect(findNode(state, a.id)?.recycled).toBeUndefined();
    advance(300);
    await call('GET', '/service');
    expect(findNode(state, a.id)?.recycled).toMatchObject({ direct: true });
    expect(state.tasks.jobs[0]).toMatchObject({ status: 2, taskResultCode: 1, progress: 100 });
  });

  it('ends work at once with zero timing, and lists only the caller’s jobs', async () => {
    const { state, space, call } = world();
    state.tasks.timing = { pendingMs: 0, processingMs: 0 };
    const a = await addFile(state, { containerId: space, parentId: 'root', name: 'a.txt', content: 'alpha' });
    const created = await call('POST', '/jobs', {
      taskType: 2,
      dstContainerId: space,
      taskInfo: { srcContainerId: space, fileInfo: [{ fileId: a.id }] },
    });
    const detail = await call('GET', `/${created.body.data}`);
    expect(detail.body).toMatchObject({ data: { jobInfo: { status: 2, taskResultCode: 1 } } });
    expect((await call('GET', '/jobs?offset=0&limit=5')).body.data).toHaveLength(1);
    expect((await call('GET', '/jobs?offset=0&limit=5', undefined, '1505084200000000000')).body.data).toEqual([]);
  });

  it('refuses a job it cannot start: unknown space, mismatched actionType, no target, fileInfo without fileId', async () => {
    const { space, call } = world();
    const job = (overrides: Record<string, unknown>, taskInfo: Record<string, unknown> = {}) =>
      call('POST', '/jobs', {
        taskType: 1,
        dstContainerId: space,
        taskInfo: { srcContainerId: space, fileInfo: [{ fileId: 'f' }], newFilePath: 'root', ...taskInfo },
        ...overrides,
      });
    expect((await job({ dstContainerId: 'nowhere' })).body).toMatchObject({ code: 13000301 });
    expect((await job({ actionType: 301 })).body.msg).toContain('does not refine taskType 1');
    expect((await job({}, { newFilePath: undefined })).body.msg).toContain('newFilePath');
    expect((await job({}, { fileInfo: [{ id: 'f' }] })).body.msg).toContain('fileInfo[0].fileId');
    expect((await job({ taskType: 5, actionType: 503 })).body.msg).toContain('uncompressFilePaths');
  });
});

describe('the audit log', () => {
  it('records changes (not reads), with the operator, the resource and the result', async () => {
    const { state, call } = world();
    await call('GET', '/jobs?offset=0&limit=5');
    expect(state.governance.auditLogs).toEqual([]);
    await call('POST', '/cancel', { jobId: '1309243100000000001' });
    expect(state.governance.auditLogs).toMatchObject([
      {
        operation: 'CancelJob',
        operatorId: ADMIN,
        operatorName: 'Tenant Administrator',
        resource: '1309243100000000001',
        operateResult: 1,
        message: expect.stringContaining('does not exist'),
        operateTime: '2025-11-03T07:01:40.000Z',
      },
    ]);
  });
});
