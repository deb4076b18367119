/**
 * Uploads against the mock KooDrive over HTTP on loopback: its storage endpoint checks each part's
 * presigned URL, length and SHA-256 state, and completeFile checks the whole file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKooDriveClient, KooDriveAbortError, KooDriveValidationError } from '@koodrive/client';
import type { RecordedRequest } from '@koodrive/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  KooDriveIntegrityError,
  KooDriveStorageError,
  resumeUpload,
  type TransferProgress,
  type UploadState,
  uploadFile,
} from '../src/index.js';
import { makeBytes, startTransferMock, TOKEN, type TransferMock, USER_ID } from './helpers/mock.js';
import { referenceState } from './helpers/reference-sha256.js';

const MiB = 1024 * 1024;
const PART = 5 * MiB;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let t: TransferMock;
let dir: string;
beforeAll(async () => {
  t = await startTransferMock();
  dir = await mkdtemp(join(tmpdir(), 'koodrive-transfer-test-'));
});
afterEach(() => t.mock.reset());
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const storagePuts = () =>
  t.mock.requests.filter((request) => request.method === 'PUT' && request.url.pathname.startsWith('/mock-storage/'));
const calls = (path: string) => t.mock.requests.filter((request) => request.url.pathname === path);
const UPLOAD_URL = '/koodrive/ose/v1/files/multipart/uploadUrl';
const CREATE = '/koodrive/ose/v1/files/create';
const COMPLETE = '/koodrive/ose/v1/files/complete';
const partOf = (request: RecordedRequest) => Number(request.url.searchParams.get('partNumber'));

/** The stored file's length and SHA-256, downloaded through the mock's own download URL (compared as digests: a diff of megabytes helps no one). */
async function stored(fileId: string, containerId: string): Promise<{ size: number; sha256: string }> {
  const { getDownLoadUrl } = await import('@koodrive/client/operations');
  const { data, error } = await getDownLoadUrl(t.kd, { body: { containerId, fileIds: [fileId] } });
  if (error) throw error;
  const response = await fetch(data?.downloads?.[0]?.url as string);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { size: bytes.length, sha256: sha256(bytes) };
}
const digestOf = (bytes: Uint8Array) => ({ size: bytes.length, sha256: sha256(bytes) });

/** Every progress event of an upload, for the checks all uploads share. */
function recorder() {
  const events: TransferProgress[] = [];
  return {
    events,
    onProgress: (progress: TransferProgress) => events.push(progress),
    /** Only ever growing, ending at `size`. */
    check(size: number) {
      const loaded = events.map((event) => event.loaded);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(events.at(-1)).toEqual({ loaded: size, total: size });
    },
  };
}

describe('a parallel upload', () => {
  it('sends every part but the first with its offset and the SHA-256 state before it, and completes with the file’s digest', async () => {
    const bytes = makeBytes(2 * PART + 12_345, 11);
    const progress = recorder();
    const result = await uploadFile(t.kd, bytes, {
      parentFolder: 'root',
      fileName: 'parallel.bin',
      partSize: PART,
      onProgress: progress.onProgress,
    }).done;

    expect(result).toMatchObject({
      fileName: 'parallel.bin',
      size: bytes.length,
      sha256: sha256(bytes),
      rapidUpload: false,
      partsUploaded: 3,
    });
    const asked = calls(UPLOAD_URL).flatMap(
      (request) => (JSON.parse(request.bodyText) as { multiParts: object[] }).multiParts,
    );
    expect(asked).toEqual(
      expect.arrayContaining([
        { partNumber: 1, partSize: PART, partOffset: 0 },
        { partNumber: 2, partSize: PART, partOffset: PART, hashCtx: referenceState(bytes.subarray(0, PART)) },
        { partNumber: 3, partSize: 12_345, partOffset: 2 * PART, hashCtx: referenceState(bytes.subarray(0, 2 * PART)) },
      ]),
    );
    expect(calls(COMPLETE).map((request) => JSON.parse(request.bodyText))).toEqual([
      { fileId: result.fileId, sha256: sha256(bytes) },
    ]);
    expect(await stored(result.fileId, result.containerId as string)).toEqual(digestOf(bytes));
    progress.check(bytes.length);
  });

  it('PUTs each part with its exact length and no KooDrive credential', async () => {
    const bytes = makeBytes(PART + 64, 12);
    await uploadFile(t.kd, bytes, { parentFolder: 'root', fileName: 'headers.bin', partSize: PART }).done;
    const puts = storagePuts();
    expect(puts.map((put) => [partOf(put), put.headers['content-length']])).toEqual(
      expect.arrayContaining([
        [1, String(PART)],
        [2, '64'],
      ]),
    );
    for (const put of puts) {
      expect(put.headers.authorization).toBeUndefined();
      expect(put.headers['x-user-id']).toBeUndefined();
      expect(put.status).toBe(200);
    }
  });

  it('uploads a file by its path, naming it after the file', async () => {
    const bytes = makeBytes(PART * 2 + 1, 13);
    const path = join(dir, 'by-path.dat');
    await writeFile(path, bytes);
    const result = await uploadFile(t.kd, path, { parentFolder: 'root', partSize: PART }).done;
    expect(result).toMatchObject({ fileName: 'by-path.dat', sha256: sha256(bytes), partsUploaded: 3 });
    expect(await stored(result.fileId, result.containerId as string)).toEqual(digestOf(bytes));
  });

  it('fails, saying so, when the file changes on disk while it is uploaded', async () => {
    const path = join(dir, 'changing.dat');
    await writeFile(path, makeBytes(2 * PART, 15));
    let changed = false;
    const upload = uploadFile(t.kd, path, {
      parentFolder: 'root',
      partSize: PART,
      fetch: async (input, init) => {
        if (!changed) {
          changed = true;
          await appendFile(path, 'more');
        }
        return fetch(input, init);
      },
    });
    const error = await upload.done.catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveIntegrityError);
    expect(error).toMatchObject({
      check: 'source',
      message: 'changing.dat changed while it was uploaded; upload it again',
    });
  });

  it('takes a File’s name and type', async () => {
    const bytes = makeBytes(1000, 16);
    const result = await uploadFile(t.kd, new File([bytes], 'photo.png', { type: 'image/png' }), {
      parentFolder: 'root',
    }).done;
    expect(result.fileName).toBe('photo.png');
    expect(JSON.parse(calls(CREATE)[0]?.bodyText ?? 'null')).toMatchObject({
      fileName: 'photo.png',
      fileType: '15',
      mimeType: 'image/png',
    });
  });

  it('uploads a Blob, and an empty file as one part of 0 bytes', async () => {
    const bytes = makeBytes(PART + 3, 14);
    const fromBlob = await uploadFile(t.kd, new Blob([bytes]), {
      parentFolder: 'root',
      fileName: 'blob.bin',
      partSize: PART,
    }).done;
    expect(fromBlob.sha256).toBe(sha256(bytes));
    const progress = recorder();
    const empty = await uploadFile(t.kd, new Uint8Array(0), {
      parentFolder: 'root',
      fileName: 'empty.txt',
      onProgress: progress.onProgress,
    }).done;
    expect(empty).toMatchObject({ size: 0, sha256: sha256(new Uint8Array(0)), partsUploaded: 1 });
    progress.check(0);
  });

  it('puts the file in the root of the space named by containerId', async () => {
    const result = await uploadFile(t.kd, makeBytes(100), {
      parentFolder: 'root',
      containerId: t.containerId,
      fileName: 'in-space.txt',
    }).done;
    expect(JSON.parse(calls(CREATE)[0]?.bodyText ?? 'null')).toMatchObject({
      parentFolder: [t.rootFolderId],
      fileType: '45',
      length: 100,
    });
    expect(result.containerId).toBe(t.containerId);
  });
});

describe('parts one after another (concurrency 1)', () => {
  it('send no hashCtx and use createFile’s URLs when its plan matches (the default 8 MiB parts)', async () => {
    const bytes = makeBytes(8 * MiB + 100, 21);
    const result = await uploadFile(t.kd, bytes, { parentFolder: 'root', fileName: 'seq.bin', concurrency: 1 }).done;
    expect(result.sha256).toBe(sha256(bytes));
    expect(calls(UPLOAD_URL)).toEqual([]);
    expect(storagePuts().map(partOf)).toEqual([1, 2]);
  });

  it('ask uploadUrl for parts without offsets or states when the plan differs', async () => {
    const bytes = makeBytes(PART + 100, 22);
    await uploadFile(t.kd, bytes, { parentFolder: 'root', fileName: 'seq5.bin', concurrency: 1, partSize: PART }).done;
    const asked = calls(UPLOAD_URL).flatMap(
      (request) => (JSON.parse(request.bodyText) as { multiParts: object[] }).multiParts,
    );
    expect(asked).toEqual([
      { partNumber: 1, partSize: PART },
      { partNumber: 2, partSize: 100 },
    ]);
  });
});

describe('a flash upload', () => {
  it('sends the digest with createFile, and sends no byte when the service already holds the content', async () => {
    const bytes = makeBytes(PART + 500, 31);
    const first = await uploadFile(t.kd, bytes, {
      parentFolder: 'root',
      fileName: 'flash-1.bin',
      flashUpload: true,
      partSize: PART,
    }).done;
    expect(first.rapidUpload).toBe(false);
    expect(JSON.parse(calls(CREATE)[0]?.bodyText ?? 'null')).toMatchObject({ sha256: sha256(bytes) });
    t.mock.reset();

    const progress = recorder();
    const second = await uploadFile(t.kd, bytes, {
      parentFolder: 'root',
      fileName: 'flash-2.bin',
      flashUpload: true,
      onProgress: progress.onProgress,
    }).done;
    expect(second).toMatchObject({ rapidUpload: true, partsUploaded: 0, sha256: sha256(bytes), size: bytes.length });
    expect(storagePuts()).toEqual([]);
    expect(calls(UPLOAD_URL)).toEqual([]);
    expect(calls(COMPLETE)).toEqual([]);
    progress.check(bytes.length);
  });
});

describe('a failing part', () => {
  it('is retried alone after a 500, and after a dropped connection', async () => {
    const bytes = makeBytes(3 * PART, 41);
    for (const mode of ['error', 'reset'] as const) {
      t.mock.reset();
      t.mock.storageFaults.failPartUpload({ partNumber: 2, mode });
      const progress = recorder();
      const result = await uploadFile(t.kd, bytes, {
        parentFolder: 'root',
        fileName: `retry-${mode}.bin`,
        partSize: PART,
        onProgress: progress.onProgress,
      }).done;
      expect(result.sha256).toBe(sha256(bytes));
      const parts = storagePuts().map(partOf).sort();
      expect(parts).toEqual([1, 2, 2, 3]);
      progress.check(bytes.length);
    }
  });

  it('is sent again when its PUT goes unanswered for longer than partTimeout', async () => {
    const bytes = makeBytes(3 * PART, 43);
    t.mock.storageFaults.failPartUpload({ partNumber: 2, mode: 'hang' });
    const started = performance.now();
    const result = await uploadFile(t.kd, bytes, {
      parentFolder: 'root',
      fileName: 'hung-part.bin',
      partSize: PART,
      // Long enough that a part stored normally on a slow machine never runs into it.
      partTimeout: 2_000,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    }).done;
    expect(result.sha256).toBe(sha256(bytes));
    expect(storagePuts().map(partOf).sort()).toEqual([1, 2, 2, 3]);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('fails, saying so, when every attempt goes unanswered; a bad partTimeout is refused before anything is sent', async () => {
    t.mock.storageFaults.failPartUpload({ partNumber: 1, mode: 'hang', times: 2 });
    const error = await uploadFile(t.kd, makeBytes(PART, 44), {
      parentFolder: 'root',
      fileName: 'hung.bin',
      partSize: PART,
      partTimeout: 200,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    }).done.catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveStorageError);
    expect(error).toMatchObject({ partNumber: 1, attempts: 2, method: 'PUT' });
    expect(error.message).toContain('no answer within 200 ms');
    t.mock.reset();
    const refused = await uploadFile(t.kd, makeBytes(PART, 45), {
      parentFolder: 'root',
      fileName: 'never.bin',
      partTimeout: -1,
    }).done.catch((caught) => caught);
    expect(refused).toBeInstanceOf(KooDriveValidationError);
    expect(refused.message).toMatch(/^partTimeout: must be a whole number of milliseconds/);
    expect(t.mock.requests).toEqual([]);
  });

  it('fails the upload with a KooDriveStorageError once its retries are spent, its URL’s signature left out', async () => {
    t.mock.storageFaults.failPartUpload({ partNumber: 1, times: 5 });
    const upload = uploadFile(t.kd, makeBytes(PART, 42), {
      parentFolder: 'root',
      fileName: 'fails.bin',
      partSize: PART,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    const error = (await upload.done.catch((caught) => caught)) as KooDriveStorageError;
    expect(error).toBeInstanceOf(KooDriveStorageError);
    expect(error).toMatchObject({ status: 500, code: 'InternalError', partNumber: 1, attempts: 2, method: 'PUT' });
    expect(error.message).toMatch(
      /^storage PUT of part 1 of \S+ failed with HTTP 500 InternalError after 2 attempts: /,
    );
    expect(error.message).not.toMatch(/X-Amz-Signature|\?/);
  });
});

describe('an expired URL', () => {
  it('is replaced by a fresh one from uploadUrl, and the part sent again', async () => {
    const bytes = makeBytes(8 * MiB + 10, 51);
    let expired = false;
    const result = await uploadFile(t.kd, bytes, {
      parentFolder: 'root',
      fileName: 'expired.bin',
      concurrency: 1,
      // Expire every URL issued so far just before the first PUT (createFile's).
      fetch: (input, init) => {
        if (!expired) {
          expired = true;
          t.mock.storageFaults.expireUrls({ kind: 'upload' });
        }
        return fetch(input, init);
      },
    }).done;
    expect(result.sha256).toBe(sha256(bytes));
    const puts = storagePuts();
    expect(puts.map((put) => [partOf(put), put.status])).toEqual([
      [1, 403],
      [1, 200],
      [2, 403],
      [2, 200],
    ]);
    expect(calls(UPLOAD_URL).length).toBeGreaterThan(0);
  });
});

describe('an abort', () => {
  it('stops every part at once, rejects with a KooDriveAbortError, and leaves nothing running', async () => {
    const slow = await startTransferMock({ throttle: { bytesPerSecond: 20 * MiB, latencyMs: 20 } });
    // Every fetch the upload makes, KooDrive calls and storage PUTs alike: when each started and whether it has settled.
    let abortedAt = Number.POSITIVE_INFINITY;
    let startedAfterAbort = 0;
    let inFlight = 0;
    let storageStarted = 0;
    const watch =
      <Args extends unknown[]>(fetcher: (...args: Args) => Promise<Response>, storage: boolean) =>
      (...args: Args) => {
        if (performance.now() >= abortedAt) startedAfterAbort++;
        if (storage) storageStarted++;
        inFlight++;
        return fetcher(...args).finally(() => inFlight--);
      };
    try {
      const kd = createKooDriveClient({
        baseUrl: slow.mock.url,
        userId: USER_ID,
        auth: { type: 'token', token: TOKEN },
        fetch: watch((request: Request, init?: RequestInit) => fetch(request, init), false),
      });
      const controller = new AbortController();
      const upload = uploadFile(kd, makeBytes(6 * PART, 61), {
        parentFolder: 'root',
        fileName: 'aborted.bin',
        partSize: PART,
        signal: controller.signal,
        fetch: watch((input: string, init: RequestInit) => fetch(input, init), true),
      });
      while (storageStarted < 2) await sleep(5);
      abortedAt = performance.now();
      controller.abort();
      const error = await upload.done.catch((caught) => caught);
      expect(performance.now() - abortedAt).toBeLessThan(300);
      expect(error).toBeInstanceOf(KooDriveAbortError);
      expect(error.message).toBe('uploadFile of "aborted.bin" was aborted by the caller');
      expect(inFlight).toBe(0);
      await sleep(200);
      expect(startedAfterAbort).toBe(0);
      expect(slow.mock.requests.filter((request) => request.url.pathname === COMPLETE)).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('before the start sends nothing', async () => {
    const upload = uploadFile(t.kd, makeBytes(10), {
      parentFolder: 'root',
      fileName: 'never.bin',
      signal: AbortSignal.abort(),
    });
    await expect(upload.done).rejects.toBeInstanceOf(KooDriveAbortError);
    expect(t.mock.requests).toEqual([]);
    expect(upload.state()).toBeUndefined();
  });
});

describe('a resumed upload', () => {
  let interruptions = 0;
  /** Uploads until `stopAfter` parts are stored, then aborts; answers the record, through JSON. */
  async function interrupted(bytes: Uint8Array, options: { concurrency: number; partSize: number; stopAfter: number }) {
    const controller = new AbortController();
    let stored = 0;
    const upload = uploadFile(t.kd, bytes, {
      parentFolder: 'root',
      fileName: `resumed-${++interruptions}.bin`,
      partSize: options.partSize,
      concurrency: options.concurrency,
      signal: controller.signal,
      onProgress: () => {
        if (++stored === options.stopAfter) controller.abort();
      },
    });
    await expect(upload.done).rejects.toBeInstanceOf(KooDriveAbortError);
    return JSON.parse(JSON.stringify(upload.state())) as UploadState;
  }

  it('after parallel parts, sends only the missing parts, their states from the record', async () => {
    const bytes = makeBytes(4 * PART + 77, 71);
    const state = await interrupted(bytes, { concurrency: 2, partSize: PART, stopAfter: 2 });
    expect(state).toMatchObject({ kind: 'koodrive-upload', parallel: true, size: bytes.length, partSize: PART });
    const done = new Set(state.partsDone);
    expect(done.size).toBeGreaterThanOrEqual(2);
    t.mock.reset();

    const progress = recorder();
    const result = await resumeUpload(t.kd, bytes, state, { onProgress: progress.onProgress }).done;
    expect(result).toMatchObject({ fileId: state.fileId, sha256: sha256(bytes), partsUploaded: 5 - done.size });
    expect(calls(CREATE)).toEqual([]);
    const sent = storagePuts().map(partOf);
    expect(sent.filter((part) => done.has(part))).toEqual([]);
    expect(new Set(sent).size).toBe(5 - done.size);
    expect(await stored(result.fileId, result.containerId as string)).toEqual(digestOf(bytes));
    progress.check(bytes.length);
  });

  it('after parts sent one after another, sends the rest in order', async () => {
    const bytes = makeBytes(3 * PART + 5, 72);
    const state = await interrupted(bytes, { concurrency: 1, partSize: PART, stopAfter: 1 });
    expect(state).toMatchObject({ parallel: false, partsDone: [1] });
    t.mock.reset();
    const result = await resumeUpload(t.kd, bytes, state).done;
    expect(result.sha256).toBe(sha256(bytes));
    expect(storagePuts().map(partOf)).toEqual([2, 3, 4]);
  });

  it('refuses another file, and a damaged record, naming what is wrong', async () => {
    const bytes = makeBytes(2 * PART, 73);
    const state = await interrupted(bytes, { concurrency: 2, partSize: PART, stopAfter: 1 });
    const other = resumeUpload(t.kd, makeBytes(2 * PART + 1), state);
    await expect(other.done).rejects.toThrow(
      'source: is 10485761 bytes; the upload being resumed is of 10485760 bytes',
    );
    const damaged = resumeUpload(t.kd, bytes, { ...state, partsDone: [9] });
    await expect(damaged.done).rejects.toBeInstanceOf(KooDriveValidationError);
  });
});

describe('bad input', () => {
  const fieldOf = async (done: Promise<unknown>) =>
    ((await done.catch((error) => error)) as KooDriveValidationError).field;

  it('is refused before anything is sent, naming the option', async () => {
    expect(await fieldOf(uploadFile(t.kd, makeBytes(10), { parentFolder: 'root' }).done)).toBe('fileName');
    expect(await fieldOf(uploadFile(t.kd, makeBytes(10), { parentFolder: '', fileName: 'a' }).done)).toBe(
      'parentFolder',
    );
    expect(await fieldOf(uploadFile(t.kd, makeBytes(10), { parentFolder: 'root', fileName: 'a/b' }).done)).toBe(
      'fileName',
    );
    expect(
      await fieldOf(uploadFile(t.kd, makeBytes(10), { parentFolder: 'root', fileName: 'a', concurrency: 0 }).done),
    ).toBe('concurrency');
    expect(
      await fieldOf(uploadFile(t.kd, makeBytes(10), { parentFolder: 'root', fileName: 'a', partSize: 1000 }).done),
    ).toBe('partSize');
    expect(await fieldOf(uploadFile(t.kd, join(dir, 'missing'), { parentFolder: 'root' }).done)).toBe('source');
    expect(await fieldOf(uploadFile(t.kd, 42 as never, { parentFolder: 'root', fileName: 'a' }).done)).toBe('source');
    expect(t.mock.requests).toEqual([]);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
