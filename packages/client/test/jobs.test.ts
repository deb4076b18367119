/**
 * @koodrive/client/jobs against the mock KooDrive: batch jobs started by kind and followed to their
 * end on the mock's clock, acting on its file tree for real; cancellation; malformed answers;
 * the literal routes beside GetJobDetail's `/v1/{job_id}`.
 */
import { findNode, listChildren, listRecycleBin } from '@koodrive/testing';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CancelJob, GetJobDetail, GetJobList } from '../src/generated/operations/index.js';
import { KooDriveAbortError, KooDriveApiError, KooDriveValidationError } from '../src/index.js';
import {
  copyFiles,
  decompress,
  deleteFiles,
  downloadAsPackage,
  emptyRecycleBin,
  type JobProgress,
  KooDriveTaskError,
  listArchive,
  moveFiles,
  restoreFiles,
  startCopy,
  startDelete,
  waitForJob,
} from '../src/jobs/index.js';
import { file, folder, useTaskWorld } from './tasks-fixture.js';

const world = useTaskWorld();
const text = new TextDecoder();

/** Follows a job, moving the mock's clock 150 ms on after every read (jobs wait 100 ms, run 200 ms). */
function following(seen: JobProgress[] = []) {
  return {
    interval: 1,
    onProgress: (progress: JobProgress) => {
      seen.push(progress);
      world.advance(150);
    },
  };
}

const namesIn = (folderId: string) =>
  listChildren(world.state, folderId)
    .map((node) => node.name)
    .sort();

describe('batch jobs on the file tree', () => {
  it('copies, moves, deletes and restores files, waiting for each job', async () => {
    const { state, space, kd } = world;
    const docs = folder(state, space, 'docs');
    const archive = folder(state, space, 'archive');
    const a = await file(state, space, docs.id, 'a.txt', 'alpha');
    const b = await file(state, space, docs.id, 'b.txt', 'beta');

    const seen: JobProgress[] = [];
    const copied = await copyFiles(kd, { space, files: [a.id, b.id], destination: archive.id }, following(seen));
    expect(copied).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(seen.map((progress) => progress.state)).toEqual(['pending', 'processing', 'completed']);
    expect(seen[1]?.progress).toBe(25);
    expect(namesIn(archive.id)).toEqual(['a.txt', 'b.txt']);
    expect(namesIn(docs.id)).toEqual(['a.txt', 'b.txt']);
    expect(copied.items.map((item) => item.newFileId)).toEqual(listChildren(state, archive.id).map((node) => node.id));

    const moved = await moveFiles(
      kd,
      { space, files: [a.id], destination: folder(state, space, 'moved').id },
      following(),
    );
    expect(moved).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(namesIn(docs.id)).toEqual(['b.txt']);
    expect(findNode(state, a.id)?.parentId).not.toBe(docs.id);

    const deleted = await deleteFiles(kd, { space, files: [a.id, b.id] }, following());
    expect(deleted).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(
      listRecycleBin(state, space)
        .map((node) => node.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(namesIn(docs.id)).toEqual([]);

    const restored = await restoreFiles(kd, { space, files: [b.id] }, following());
    expect(restored).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(namesIn(docs.id)).toEqual(['b.txt']);
    expect(listRecycleBin(state, space).map((node) => node.id)).toEqual([a.id]);

    const emptied = await emptyRecycleBin(kd, { space }, following());
    expect(emptied).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(listRecycleBin(state, space)).toEqual([]);
    expect(findNode(state, a.id)).toBeUndefined();

    // Every job was a real CreateJob followed by GetJobDetail reads, each with its taskType and actionType.
    const created = world.mock.requests
      .filter((request) => request.operationId === 'CreateJob')
      .map((request) => JSON.parse(request.bodyText) as { taskType: number; actionType?: number });
    expect(created.map((body) => [body.taskType, body.actionType])).toEqual([
      [1, 101],
      [3, 301],
      [2, 201],
      [4, undefined],
      [7, 701],
    ]);
  });

  it('reports a partly failed job, with the code of each failed file, and an all-failed one', async () => {
    const { state, space, kd } = world;
    const docs = folder(state, space, 'docs');
    const target = folder(state, space, 'target');
    const a = await file(state, space, docs.id, 'a.txt', 'alpha');
    const clash = await file(state, space, target.id, 'a.txt', 'other');
    const b = await file(state, space, docs.id, 'b.txt', 'beta');

    const partly = await moveFiles(
      kd,
      { space, files: [a.id, b.id, 'no-such-file'], destination: target.id },
      following(),
    );
    expect(partly).toMatchObject({ state: 'completed', result: 'partly-failed' });
    expect(partly.items.map((item) => [item.fileId, item.code])).toEqual([
      [a.id, 13000405], // the name is taken in the target folder
      [b.id, 0],
      ['no-such-file', 13000302],
    ]);
    expect(findNode(state, clash.id)?.parentId).toBe(target.id);

    const none = await copyFiles(kd, { space, files: [a.id], destination: 'no-such-folder' }, following());
    expect(none).toMatchObject({ state: 'completed', result: 'all-failed' });
    expect(none.items[0]).toMatchObject({ code: 13000304 });

    // A test can script a failure the tree itself would not give.
    state.tasks.failingFiles[a.id] = { code: 13000201, msg: 'inner server invoke failure' };
    const scripted = await deleteFiles(kd, { space, files: [a.id] }, following());
    expect(scripted).toMatchObject({ result: 'all-failed', items: [{ fileId: a.id, code: 13000201 }] });
  });

  it('packs files into a .zip whose link downloads through the mock’s storage', async () => {
    const { state, space, kd } = world;
    const docs = folder(state, space, 'docs');
    await file(state, space, docs.id, 'a.txt', 'alpha');
    const inner = folder(state, space, 'inner', docs.id);
    await file(state, space, inner.id, 'deep.txt', 'deep');
    const loose = await file(state, space, 'root', 'loose.txt', 'loose');

    const packed = await downloadAsPackage(kd, { space, files: [docs.id, loose.id] }, following());
    expect(packed).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    if (packed.state !== 'completed' || !packed.downloadUrl) throw new Error('no download URL');
    expect(packed.downloadUrl.startsWith(`${world.mock.url}/mock-storage/`)).toBe(true);

    const response = await fetch(packed.downloadUrl);
    expect(response.status).toBe(200);
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual([
      'docs/',
      'docs/a.txt',
      'docs/inner/',
      'docs/inner/deep.txt',
      'loose.txt',
    ]);
    expect(text.decode(entries['docs/inner/deep.txt'])).toBe('deep');
    // The package is not one of the user's files.
    expect(namesIn(docs.id)).toEqual(['a.txt', 'inner']);
  });

  it('decompresses a stored .zip, whole or in part, and lists its entries', async () => {
    const { state, space, kd } = world;
    const bytes = zipSync({
      'readme.md': new TextEncoder().encode('# hi'),
      src: { 'main.ts': new TextEncoder().encode('x') },
    });
    const zip = await file(state, space, 'root', 'bundle.zip', bytes);
    const out = folder(state, space, 'out');

    const listed = await listArchive(kd, { space, archive: zip.id }, following());
    expect(listed.archiveEntries.map((entry) => [entry.name, entry.type])).toEqual([
      ['readme.md', '1'],
      ['src', '2'],
      ['src/main.ts', '1'],
    ]);
    expect(namesIn(out.id)).toEqual([]);

    const whole = await decompress(kd, { space, archive: zip.id, destination: out.id }, following());
    expect(whole).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(namesIn(out.id)).toEqual(['readme.md', 'src']);

    const part = folder(state, space, 'part');
    const partial = await decompress(
      kd,
      { space, archive: zip.id, destination: part.id, entries: ['src/main.ts', 'missing.txt'] },
      following(),
    );
    expect(partial).toMatchObject({ state: 'completed', result: 'partly-failed' });
    expect(partial.items.map((item) => [item.entry ?? item.msg, item.code])).toEqual([
      ['src/main.ts', 0],
      ['missing.txt is not a file of the archive', 13000309],
    ]);
    expect(namesIn(part.id)).toEqual(['src']);
  });

  it('lists jobs by type and state, offset and limit', async () => {
    const { state, space, kd } = world;
    const a = await file(state, space, 'root', 'a.txt', 'alpha');
    await deleteFiles(kd, { space, files: [a.id] }, following());
    await startCopy(kd, { space, files: [a.id], destination: 'root' });
    const pending = await GetJobList(kd, { params: { query: { offset: 0, limit: 10, status: 0 } } });
    expect(pending.data?.data?.map((job) => job.taskType)).toEqual([1]);
    const deletes = await GetJobList(kd, { params: { query: { offset: 0, limit: 10, type: 2 } } });
    expect(deletes.data?.data).toMatchObject([{ taskType: 2, status: 2, taskResultCode: 1 }]);
    const second = await GetJobList(kd, { params: { query: { offset: 1, limit: 1 } } });
    expect(second.data?.data).toMatchObject([{ taskType: 2 }]);
  });
});

describe('cancelling and stopping', () => {
  it('cancels a pending job when the wait is aborted with cancelOnAbort; the tree stays as it was', async () => {
    const { state, space, kd } = world;
    const a = await file(state, space, 'root', 'a.txt', 'alpha');
    const jobId = await startDelete(kd, { space, files: [a.id] });
    const controller = new AbortController();
    const waiting = waitForJob(kd, jobId, {
      interval: 1,
      cancelOnAbort: true,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(waiting).rejects.toBeInstanceOf(KooDriveAbortError);
    world.advance(10_000);
    const outcome = await waitForJob(kd, jobId, { interval: 1 });
    expect(outcome.state).toBe('canceled');
    expect(findNode(state, a.id)?.recycled).toBeUndefined();
    expect(world.mock.requests.filter((request) => request.operationId === 'CancelJob')).toHaveLength(1);
  });

  it('stops waiting without cancelling by default: the job goes on', async () => {
    const { state, space, kd } = world;
    const a = await file(state, space, 'root', 'a.txt', 'alpha');
    const controller = new AbortController();
    controller.abort();
    const jobId = await startDelete(kd, { space, files: [a.id] });
    await expect(waitForJob(kd, jobId, { signal: controller.signal })).rejects.toBeInstanceOf(KooDriveAbortError);
    world.advance(1000);
    expect(await waitForJob(kd, jobId, { interval: 1 })).toMatchObject({ state: 'completed', result: 'all-succeeded' });
    expect(world.mock.requests.some((request) => request.operationId === 'CancelJob')).toBe(false);
  });

  it('refuses to cancel a job that has ended (HTTP 400, 13000101) and an unknown one (13000309)', async () => {
    const { state, space, kd } = world;
    const a = await file(state, space, 'root', 'a.txt', 'alpha');
    const done = await deleteFiles(kd, { space, files: [a.id] }, following());
    const ended = await CancelJob(kd, { body: { jobId: done.jobId } });
    expect(ended.error).toBeInstanceOf(KooDriveApiError);
    expect(ended.error).toMatchObject({ status: 400, code: 13000101 });
    const unknown = await CancelJob(kd, { body: { jobId: '1309243100000009999' } });
    expect(unknown.error).toMatchObject({ code: 13000309 });
    await expect(waitForJob(kd, '1309243100000009999', { interval: 1 })).rejects.toMatchObject({ code: 13000309 });
  });
});

describe('what the helpers refuse', () => {
  it('checks their input before sending anything', async () => {
    const { kd, space } = world;
    await expect(startCopy(kd, { space, files: [], destination: 'root' })).rejects.toThrow(KooDriveValidationError);
    await expect(startCopy(kd, { space, files: [''], destination: 'root' })).rejects.toThrow('files[0]');
    await expect(startDelete(kd, { space: '', files: ['x'] })).rejects.toThrow('space');
    await expect(waitForJob(kd, '', {})).rejects.toThrow('jobId');
    await expect(waitForJob(kd, 'x', { interval: -1 })).rejects.toThrow('interval');
    expect(world.mock.requests).toHaveLength(0);
  });

  it('stop with a KooDriveTaskError on an answer they cannot follow, instead of polling forever', async () => {
    const { kd } = world;
    world.mock.use('GetJobDetail', () => ({ body: { code: 0, msg: 'success', data: { jobInfo: { status: 7 } } } }));
    await expect(waitForJob(kd, '1309243100000000001')).rejects.toThrow(KooDriveTaskError);
    world.mock.use('GetJobDetail', () => ({ body: { code: 0, msg: 'success', data: {} } }));
    await expect(waitForJob(kd, '1309243100000000001')).rejects.toThrow('no jobInfo');
    world.mock.use('CreateJob', () => ({ body: { code: 0, msg: 'success' } }));
    await expect(startDelete(kd, { space: world.space, files: ['x'] })).rejects.toThrow('no job ID');
  });

  it('report a completed job without taskResultCode as not-reported, and the download URL it carries', async () => {
    world.mock.use('GetJobDetail', () => ({
      body: {
        code: 0,
        msg: 'success',
        data: { jobInfo: { status: 2, taskType: 6, downloadUrl: 'https://example.invalid/p.zip' } },
      },
    }));
    expect(await waitForJob(world.kd, '1309243100000000001')).toMatchObject({
      state: 'completed',
      result: 'not-reported',
      downloadUrl: 'https://example.invalid/p.zip',
      items: [],
    });
  });
});

describe('GetJobDetail’s /v1/{job_id} beside literal routes', () => {
  it('refuses a job ID that would make the path another operation’s route, before sending', async () => {
    const { kd } = world;
    for (const jobId of ['jobs', 'cancel']) {
      await expect(GetJobDetail(kd, { params: { path: { job_id: jobId } } })).rejects.toThrow(KooDriveValidationError);
      await expect(waitForJob(kd, jobId)).rejects.toThrow(`must not be "${jobId}"`);
    }
    expect(world.mock.requests).toHaveLength(0);
  });

  it('in the mock, a literal path owns its route: GET /v1/jobs is GetJobList, GET /v1/cancel is a 405', async () => {
    const { kd } = world;
    const list = await kd.GET('/koodrive/ose/v1/jobs', { params: { query: { offset: 0, limit: 5 } } });
    expect(list.data?.data).toEqual([]);
    expect(world.mock.requests.at(-1)?.operationId).toBe('GetJobList');
    const raw = await fetch(`${world.mock.url}/koodrive/ose/v1/cancel`, {
      headers: { authorization: 'Bearer c69b0f40334782d560bb154032cf22ef43d671843c4ffbad' },
    });
    expect(raw.status).toBe(405);
    // A job ID that is no literal segment still reaches GetJobDetail.
    const unknown = await GetJobDetail(kd, { params: { path: { job_id: 'abc' } } });
    expect(unknown.error).toMatchObject({ code: 13000309 });
    expect(world.mock.requests.at(-1)?.operationId).toBe('GetJobDetail');
  });
});
