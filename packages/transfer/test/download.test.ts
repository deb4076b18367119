/**
 * Downloads against the mock KooDrive over HTTP: getDownLoadUrl, then the storage endpoint's GET
 * (with Range support, and faults on demand: a cut connection, an expired link).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KooDriveAbortError, type KooDriveValidationError } from '@koodrive/client';
import { addFile } from '@koodrive/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadFile,
  downloadFiles,
  getDownloadLinks,
  KooDriveIntegrityError,
  KooDriveStorageError,
  type TransferProgress,
} from '../src/index.js';
import { makeBytes, startTransferMock, type TransferMock } from './helpers/mock.js';

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const digestOf = (bytes: Uint8Array) => ({ size: bytes.length, sha256: sha256(bytes) });

let t: TransferMock;
let dir: string;
let fileId: string;
const content = makeBytes(3 * MiB + 333, 101);

beforeAll(async () => {
  t = await startTransferMock();
  dir = await mkdtemp(join(tmpdir(), 'koodrive-download-test-'));
  const node = await addFile(t.mock.state, { containerId: t.containerId, parentId: 'root', name: 'data.bin', content });
  fileId = node.id;
});
afterEach(() => t.mock.reset());
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const storageGets = () =>
  t.mock.requests.filter((request) => request.method === 'GET' && request.url.pathname.startsWith('/mock-storage/'));
const linkCalls = () => t.mock.requests.filter((request) => request.url.pathname === '/koodrive/ose/v1/files/download');

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('a download as a stream', () => {
  it('streams the file’s bytes, reporting progress up to its size', async () => {
    const progress: TransferProgress[] = [];
    const download = await downloadFile(t.kd, fileId, {
      containerId: t.containerId,
      onProgress: (event) => progress.push(event),
    });
    expect(download).toMatchObject({ fileId, fileName: 'data.bin', size: content.length });
    expect(digestOf(await readAll(download.stream))).toEqual(digestOf(content));
    const loaded = progress.map((event) => event.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ loaded: content.length, total: content.length });
    expect(linkCalls().map((call) => JSON.parse(call.bodyText))).toEqual([
      { containerId: t.containerId, fileIds: [fileId] },
    ]);
    const [get] = storageGets();
    expect(get?.headers.authorization).toBeUndefined();
  });

  it('resumes with a Range request for the rest when the connection is cut', async () => {
    t.mock.storageFaults.cutDownload({ fileId, afterBytes: MiB + 1 });
    const download = await downloadFile(t.kd, fileId, { containerId: t.containerId, sha256: sha256(content) });
    expect(digestOf(await readAll(download.stream))).toEqual(digestOf(content));
    const gets = storageGets();
    expect(gets).toHaveLength(2);
    expect(gets[0]?.headers.range).toBeUndefined();
    // The cut comes at a chunk's end at most MiB + 1 bytes in; the rest is asked for from there.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(gets[1]?.headers.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(MiB + 1);
    expect(gets[1]?.headers['if-range']).toMatch(/^"/);
    expect(gets[1]?.status).toBe(206);
  });

  it('resumes with a Range request when the storage goes silent for longer than idleTimeout', async () => {
    t.mock.storageFaults.cutDownload({ fileId, afterBytes: MiB, stall: true });
    const download = await downloadFile(t.kd, fileId, {
      containerId: t.containerId,
      sha256: sha256(content),
      // Long enough that the storage's ordinary pauses on a slow machine never run into it.
      idleTimeout: 2_000,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    expect(digestOf(await readAll(download.stream))).toEqual(digestOf(content));
    const gets = storageGets();
    expect(gets).toHaveLength(2);
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(gets[1]?.headers.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(MiB);
  });

  it('errors the stream at its end when the bytes do not have the SHA-256 given', async () => {
    const download = await downloadFile(t.kd, fileId, { containerId: t.containerId, sha256: 'a'.repeat(64) });
    const error = await readAll(download.stream).catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveIntegrityError);
    expect(error).toMatchObject({ check: 'sha256', expected: 'a'.repeat(64), actual: sha256(content) });
  });

  it('stops at an abort with a KooDriveAbortError', async () => {
    const controller = new AbortController();
    const download = await downloadFile(t.kd, fileId, { containerId: t.containerId, signal: controller.signal });
    const reader = download.stream.getReader();
    await reader.read();
    controller.abort();
    const error = await (async () => {
      for (;;) if ((await reader.read()).done) return undefined;
    })().catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveAbortError);
  });
});

describe('a download to a file', () => {
  it('writes the file, checked, leaving no partial file behind', async () => {
    const path = join(dir, 'out.bin');
    const result = await downloadFile(t.kd, fileId, { containerId: t.containerId, to: path, sha256: sha256(content) });
    expect(result).toEqual({ fileId, fileName: 'data.bin', size: content.length, sha256: sha256(content), path });
    expect(digestOf(new Uint8Array(await readFile(path)))).toEqual(digestOf(content));
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('writes to a WritableStream', async () => {
    const chunks: Uint8Array[] = [];
    const result = await downloadFile(t.kd, fileId, {
      containerId: t.containerId,
      to: new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
    });
    expect(result).toEqual({ fileId, fileName: 'data.bin', size: content.length });
    expect(digestOf(Buffer.concat(chunks))).toEqual(digestOf(content));
  });

  it('resumes after a cut, and asks for a fresh link when the one it has has expired', async () => {
    const path = join(dir, 'resumed.bin');
    const [link] = await getDownloadLinks(t.kd, { containerId: t.containerId, fileIds: [fileId] });
    t.mock.storageFaults.expireUrls({ kind: 'download' });
    t.mock.storageFaults.cutDownload({ fileId, afterBytes: 100_000 });
    const before = linkCalls().length;
    const result = await downloadFile(t.kd, fileId, { containerId: t.containerId, url: link?.url, to: path });
    expect(result.size).toBe(content.length);
    expect(digestOf(new Uint8Array(await readFile(path)))).toEqual(digestOf(content));
    expect(linkCalls().length).toBe(before + 1);
    expect(storageGets().map((get) => [get.status, get.headers.range?.replace(/\d+/, 'N')])).toEqual([
      [403, undefined],
      [200, undefined],
      [206, 'bytes=N-'],
    ]);
  });

  it('removes what it wrote when the bytes are not the file’s', async () => {
    const path = join(dir, 'wrong.bin');
    const error = await downloadFile(t.kd, fileId, {
      containerId: t.containerId,
      to: path,
      size: content.length + 1,
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveIntegrityError);
    expect(error.message).toBe(
      `download of ${fileId}: the storage announces ${content.length} bytes, expected ${content.length + 1}`,
    );
    expect((await readdir(dir)).filter((name) => name.startsWith('wrong'))).toEqual([]);
  });

  it('fails with a KooDriveStorageError when the connection keeps breaking, its link’s signature left out', async () => {
    t.mock.storageFaults.cutDownload({ fileId, afterBytes: 10, times: 10 });
    const error = await downloadFile(t.kd, fileId, {
      containerId: t.containerId,
      to: join(dir, 'broken.bin'),
      retry: { maxRetries: 1, baseDelayMs: 1 },
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveStorageError);
    expect(error.message).not.toMatch(/X-Amz-Signature|\?/);
    expect(error.method).toBe('GET');
  });
});

describe('many files', () => {
  it('asks for links 100 files at a time, in order, with a result per file', async () => {
    const ids = [fileId, ...Array.from({ length: 149 }, (_, index) => `FMissing${index}`)];
    const links = await getDownloadLinks(t.kd, { containerId: t.containerId, fileIds: ids });
    expect(linkCalls().map((call) => JSON.parse(call.bodyText).fileIds.length)).toEqual([100, 50]);
    expect(links.map((link) => link.fileId)).toEqual(ids);
    expect(links[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mock-storage\/files\//);
    expect(links[1]?.url).toBeUndefined();
  });

  it('downloads each to its own target, one failing not stopping the others', async () => {
    const other = await addFile(t.mock.state, {
      containerId: t.containerId,
      parentId: 'root',
      name: 'other.txt',
      content: 'hello',
    });
    const outcomes = await downloadFiles(t.kd, [fileId, 'FMissing', other.id], {
      containerId: t.containerId,
      to: ({ fileId: id }) => join(dir, `many-${id}`),
    });
    expect(outcomes.map((outcome) => [outcome.fileId, outcome.ok])).toEqual([
      [fileId, true],
      ['FMissing', false],
      [other.id, true],
    ]);
    expect(await readFile(join(dir, `many-${other.id}`), 'utf8')).toBe('hello');
  });
});

describe('bad input', () => {
  it('is refused before anything is sent, naming the option', async () => {
    const fieldOf = async (promise: Promise<unknown>) =>
      ((await promise.catch((error) => error)) as KooDriveValidationError).field;
    expect(await fieldOf(downloadFile(t.kd, '', { containerId: t.containerId }))).toBe('fileId');
    expect(await fieldOf(downloadFile(t.kd, fileId, { containerId: '' }))).toBe('containerId');
    expect(await fieldOf(downloadFile(t.kd, fileId, { containerId: t.containerId, sha256: 'xyz' }))).toBe('sha256');
    expect(await fieldOf(downloadFile(t.kd, fileId, { containerId: t.containerId, to: 42 as never }))).toBe('to');
    expect(t.mock.requests).toEqual([]);
  });
});
