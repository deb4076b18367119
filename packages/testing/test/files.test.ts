/**
 * The mock KooDrive's files: the tree and its helpers, the 16 file operations' routes over HTTP,
 * and the storage endpoint's rules (presigned URLs, part sizes, the SHA-256 state chain, flash
 * upload, integrity at completeFile, spilling to disk, faults on demand, archives).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { createSHA256 } from 'hash-wasm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addFile,
  copyFile,
  createFolder,
  emptyRecycleBin,
  ensureIndividualSpace,
  findFile,
  fullPath,
  listChildren,
  listRecycleBin,
  MockFileError,
  makeMockState,
  moveFile,
  type RunningMockKooDrive,
  recycleFile,
  restoreFile,
  SHA256_IV,
  startMockKooDrive,
} from '../src/index.js';
import { wordsOfState } from '../src/mock/storage/sha256-state.js';
import { call, chainingValues, MiB, s3Code, sha256, testBytes, USER } from './files-helpers.js';
import { TOKEN } from './helpers.js';

const FILES = '/koodrive/ose/v1/files';

/** The code a tree helper refuses with. */
function codeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof MockFileError) return error.code;
    throw error;
  }
  return undefined;
}

describe('SHA-256 state (hashCtx)', () => {
  it('reads hash-wasm’s saved state as FIPS 180-4’s chaining values H0…H7', async () => {
    const bytes = testBytes(64 * 5, 7);
    const hasher = await createSHA256();
    hasher.init();
    expect(wordsOfState(hasher.save())).toEqual([...SHA256_IV]);
    hasher.update(bytes);
    expect(wordsOfState(hasher.save())).toEqual(chainingValues(bytes));
  });
});

describe('the file tree and its helpers', () => {
  const state = makeMockState();
  const space = ensureIndividualSpace(state, USER);
  const containerId = space.containerId as string;

  it('gives every space a root whose ID is the space’s bizRootFileId and rootFileId', () => {
    const other = state.spaces[0];
    const root = findFile(state, other?.containerId as string, 'root');
    expect(root.id).toBe(other?.bizRootFileId);
    expect(root.id).toBe(other?.rootFileId);
    expect(fullPath(state, root)).toEqual({ fileIdPath: `/${root.id}`, namePath: `/root${other?.containerId}` });
    expect(codeOf(() => findFile(state, 'no-such-space', 'root'))).toBe(13000301);
    expect(codeOf(() => findFile(state, containerId, 'FnoSuchFile'))).toBe(13000302);
  });

  it('moves, copies, recycles, restores and empties the recycle bin, refusing with the documented codes', async () => {
    const docs = createFolder(state, { containerId, parentId: 'root', name: 'docs' });
    const archive = createFolder(state, { containerId, parentId: 'root', name: 'archive' });
    const inner = createFolder(state, { containerId, parentId: docs.id, name: 'inner' });
    const file = await addFile(state, { containerId, parentId: inner.id, name: 'a.txt', content: 'hello' });
    expect(codeOf(() => createFolder(state, { containerId, parentId: 'root', name: 'docs' }))).toBe(13000405);
    expect(codeOf(() => createFolder(state, { containerId, parentId: 'root', name: 'a/b' }))).toBe(13000102);
    expect(codeOf(() => moveFile(state, docs.id, inner.id))).toBe(13000307);
    expect(codeOf(() => moveFile(state, file.id, inner.id))).toBe(13000312);
    expect(codeOf(() => moveFile(state, file.id, file.id))).toBe(13000304);

    moveFile(state, docs.id, archive.id);
    expect(fullPath(state, file).namePath).toBe(`/root${containerId}/archive/docs/inner/a.txt`);
    const copy = copyFile(state, docs.id, 'root');
    expect(copy.id).not.toBe(docs.id);
    expect(listChildren(state, copy.id).map((node) => node.name)).toEqual(['inner']);

    recycleFile(state, docs.id);
    expect(file.recycled).toEqual({ at: expect.any(String), direct: false });
    expect(listRecycleBin(state, containerId).map((node) => node.id)).toEqual([docs.id]);
    expect(codeOf(() => recycleFile(state, docs.id))).toBe(13000306);
    expect(codeOf(() => restoreFile(state, file.id))).toBe(13000303);
    expect(codeOf(() => moveFile(state, copy.id, docs.id))).toBe(13000305);

    createFolder(state, { containerId, parentId: archive.id, name: 'docs' });
    expect(codeOf(() => restoreFile(state, docs.id))).toBe(13000405);
    restoreFile(state, docs.id, { onConflict: 'rename' });
    expect(docs.name).toMatch(/^docs_\d{8}_\d{6}$/);
    expect(file.recycled).toBeUndefined();

    recycleFile(state, inner.id);
    expect(emptyRecycleBin(state, containerId)).toBe(2);
    expect(state.files.nodes.has(file.id)).toBe(false);
  });
});

describe('file operations and storage over HTTP', () => {
  let mock: RunningMockKooDrive;
  let now: Date;
  let containerId: string;
  let base: string;

  beforeEach(async () => {
    now = new Date('2026-01-05T10:00:00Z');
    const state = makeMockState();
    containerId = ensureIndividualSpace(state, USER).containerId as string;
    mock = await startMockKooDrive({ tokens: [TOKEN], state, clock: () => now, storage: { partSize: 5 * MiB } });
    base = mock.url;
  });
  afterEach(() => mock.close());

  /** createFile in the caller's root; answers the JSON. */
  const create = async (fileName: string, length: number, extra: Record<string, unknown> = {}) =>
    call(base, 'POST', `${FILES}/create`, { fileName, fileType: '45', parentFolder: ['root'], length, ...extra });

  const put = (url: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'PUT', body, headers });

  it('uploads in order with createFile’s URLs, completes, lists, downloads whole and by range', async () => {
    const bytes = testBytes(12 * MiB + 100, 3);
    const created = await create('big.bin', bytes.length, { sha256: sha256(bytes) });
    expect(created.status).toBe(200);
    const { fileId, uploadId, multiParts, rapidUpload } = created.json;
    expect(rapidUpload).toBe(false);
    expect(uploadId).toMatch(/^[0-9A-F]{32}$/);
    expect(multiParts.map((part: any) => [part.partNumber, part.partSize, part.partOffset])).toEqual([
      [1, 5 * MiB, 0],
      [2, 5 * MiB, 5 * MiB],
      [3, 2 * MiB + 100, 10 * MiB],
    ]);
    const url = new URL(multiParts[0].uploadUrl);
    expect(url.pathname).toBe(`/mock-storage/uploads/${uploadId}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20260105T100000Z');
    // Invisible until completeFile.
    expect((await call(base, 'POST', `${FILES}/${fileId}/detail`, { containerId })).json.code).toBe(13000302);

    for (const part of multiParts) {
      const response = await put(part.uploadUrl, bytes.subarray(part.partOffset, part.partOffset + part.partSize));
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    }
    expect((await call(base, 'POST', `${FILES}/complete`, { fileId })).json).toEqual({ code: 0, msg: 'success' });
    const details = await call(base, 'POST', `${FILES}/${fileId}/detail`, { containerId });
    expect(details.json).toMatchObject({ id: fileId, fileName: 'big.bin', recycled: false, containers: [containerId] });

    const links = await call(base, 'POST', `${FILES}/download`, { containerId, fileIds: [fileId, 'FnoSuchFile'] });
    expect(links.json.batchCode).toBe(0);
    expect(links.json.downloads[1]).toMatchObject({ fileId: 'FnoSuchFile', code: '13000302' });
    const link = links.json.downloads[0].url as string;
    const whole = await fetch(link);
    expect(whole.headers.get('content-length')).toBe(String(bytes.length));
    expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(sha256(bytes));
    const range = await fetch(link, { headers: { range: `bytes=${5 * MiB - 10}-${5 * MiB + 9}` } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes ${5 * MiB - 10}-${5 * MiB + 9}/${bytes.length}`);
    expect(new Uint8Array(await range.arrayBuffer())).toEqual(bytes.subarray(5 * MiB - 10, 5 * MiB + 10));
    const suffix = await fetch(link, { headers: { range: 'bytes=-5' } });
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 5));
    const beyond = await fetch(link, { headers: { range: `bytes=${bytes.length}-` } });
    expect([beyond.status, await s3Code(beyond)]).toEqual([416, 'InvalidRange']);
    const stale = await fetch(link, { headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    expect((await fetch(link, { headers: { 'if-match': '"other"' } })).status).toBe(412);
  });

  it('takes parts in any order with hashCtx from uploadUrl, and refuses a wrong hashCtx', {
    timeout: 30_000,
  }, async () => {
    const bytes = testBytes(11 * MiB + 64, 4);
    const { fileId } = (await create('parallel.bin', bytes.length)).json;
    const partSize = 5 * MiB;
    const asked = [0, 1, 2].map((index) => ({
      partNumber: index + 1,
      partSize: Math.min(partSize, bytes.length - index * partSize),
      partOffset: index * partSize,
      ...(index > 0 ? { hashCtx: chainingValues(bytes.subarray(0, index * partSize)) } : {}),
    }));
    const answered = await call(base, 'POST', `${FILES}/multipart/uploadUrl`, { fileId, multiParts: asked });
    expect(answered.status).toBe(200);
    const parts = answered.json.multiParts as {
      uploadUrl: string;
      partOffset: number;
      partSize: number;
      hashCtx?: number[];
    }[];
    expect(parts[1]?.hashCtx).toEqual(asked[1]?.hashCtx);
    const ctx = JSON.parse(atob(new URL(parts[2]?.uploadUrl ?? '').searchParams.get('X-Amz-Iteration-Hash-Ctx') ?? ''));
    expect(ctx).toEqual({ md_len: 32, num: 0, h: asked[2]?.hashCtx, nh: 0, nl: 8 * 2 * partSize, hash_type: 'sha256' });

    const slice = (index: number) => bytes.subarray(index * partSize, Math.min(bytes.length, (index + 1) * partSize));
    // Part 2 is uploaded with a hashCtx that is not the state after part 1: refused once part 1 is there.
    const wrong = await call(base, 'POST', `${FILES}/multipart/uploadUrl`, {
      fileId,
      multiParts: [{ ...asked[1], hashCtx: [...SHA256_IV] }],
    });
    expect((await put(parts[2]?.uploadUrl ?? '', slice(2))).status).toBe(200);
    expect((await put(parts[0]?.uploadUrl ?? '', slice(0))).status).toBe(200);
    const refused = await put(wrong.json.multiParts[0].uploadUrl, slice(1));
    expect([refused.status, await s3Code(refused)]).toEqual([400, 'BadDigest']);
    expect((await put(parts[1]?.uploadUrl ?? '', slice(1))).status).toBe(200);
    expect((await call(base, 'POST', `${FILES}/complete`, { fileId, sha256: sha256(bytes) })).json.code).toBe(0);
  });

  it('refuses a part without hashCtx whose predecessor is missing, and checks uploadUrl’s part rules', async () => {
    const bytes = testBytes(10 * MiB + 1, 5);
    const { fileId, multiParts } = (await create('rules.bin', bytes.length)).json;
    const early = await put(multiParts[1].uploadUrl, bytes.subarray(5 * MiB, 10 * MiB));
    expect([early.status, await s3Code(early)]).toEqual([400, 'InvalidRequest']);
    const ask = (part: Record<string, unknown>) =>
      call(base, 'POST', `${FILES}/multipart/uploadUrl`, { fileId, multiParts: [part] });
    const problems = await Promise.all([
      ask({ partNumber: 1, partSize: MiB, partOffset: 0 }),
      ask({ partNumber: 2, partSize: 5 * MiB, partOffset: 100 }),
      ask({ partNumber: 2, partSize: 5 * MiB, hashCtx: [...SHA256_IV] }),
      ask({ partNumber: 2, partSize: 5 * MiB, partOffset: 5 * MiB, hashCtx: [1, 2, 3] }),
      ask({ partNumber: 3, partSize: 5 * MiB, partOffset: 10 * MiB }),
      ask({ partNumber: 10001, partSize: 5 * MiB }),
    ]);
    for (const problem of problems) expect(problem.json.code).toBe(13000102);
    expect(problems.map((problem) => problem.json.msg)).toEqual([
      expect.stringContaining('every part but the last'),
      expect.stringContaining('multiple of 64'),
      expect.stringContaining('hashCtx needs the partOffset'),
      expect.stringContaining('8 words'),
      expect.stringContaining('beyond the file'),
      expect.stringContaining('partNumber'),
    ]);
    const unknown = await call(base, 'POST', `${FILES}/multipart/uploadUrl`, {
      fileId: 'FnoSuchUpload',
      multiParts: [{ partNumber: 1, partSize: 5 * MiB }],
    });
    expect(unknown.json.code).toBe(13000401);
  });

  it('refuses what object storage refuses: a wrong length, a tampered or expired URL, KooDrive credentials, no length', async () => {
    const bytes = testBytes(6 * MiB, 6);
    const { fileId, multiParts } = (await create('strict.bin', bytes.length)).json;
    const url = multiParts[0].uploadUrl as string;
    const short = await put(url, bytes.subarray(0, 1000));
    expect(short.status).toBe(403);
    expect(await short.text()).toMatch(
      /SignatureDoesNotMatch.*signed for a part of 5242880 bytes; the Content-Length sent is 1000/,
    );
    const tampered = new URL(url);
    tampered.searchParams.set('X-Amz-Expires', '86400');
    const forged = await put(tampered.toString(), bytes.subarray(0, 5 * MiB));
    expect([forged.status, await s3Code(forged)]).toEqual([403, 'SignatureDoesNotMatch']);
    const withAuth = await put(url, bytes.subarray(0, 5 * MiB), { authorization: `Bearer ${TOKEN}` });
    expect([withAuth.status, await s3Code(withAuth)]).toEqual([400, 'InvalidArgument']);
    const stream = new Blob([bytes.subarray(0, 5 * MiB)]).stream();
    const chunked = await fetch(url, { method: 'PUT', body: stream, duplex: 'half' } as RequestInit);
    expect([chunked.status, await s3Code(chunked)]).toEqual([411, 'MissingContentLength']);

    now = new Date(now.getTime() + 3601_000);
    const late = await put(url, bytes.subarray(0, 5 * MiB));
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
    const fresh = await call(base, 'POST', `${FILES}/multipart/uploadUrl`, {
      fileId,
      multiParts: [{ partNumber: 1, partSize: 5 * MiB, partOffset: 0 }],
    });
    expect((await put(fresh.json.multiParts[0].uploadUrl, bytes.subarray(0, 5 * MiB))).status).toBe(200);
    // Storage requests are recorded too, without their bodies.
    expect(mock.requests.filter((request) => request.url.pathname.startsWith('/mock-storage/')).length).toBe(6);
  });

  it('checks integrity at completeFile: a missing part, a wrong SHA-256 (13000402), then completes', async () => {
    const bytes = testBytes(5 * MiB + 10, 8);
    const { fileId, multiParts } = (await create('check.bin', bytes.length, { sha256: 'A'.repeat(64) })).json;
    await put(multiParts[0].uploadUrl, bytes.subarray(0, 5 * MiB));
    const missing = await call(base, 'POST', `${FILES}/complete`, { fileId });
    expect(missing.json).toMatchObject({ code: 13000402, msg: expect.stringContaining('hold 5242880 of the file') });
    await put(multiParts[1].uploadUrl, bytes.subarray(5 * MiB));
    const mismatch = await call(base, 'POST', `${FILES}/complete`, { fileId });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json).toMatchObject({
      code: 13000402,
      msg: expect.stringContaining(`is ${sha256(bytes)}, not aaaa`),
    });
    expect((await call(base, 'POST', `${FILES}/complete`, { fileId, sha256: sha256(bytes) })).json.code).toBe(0);
    expect((await call(base, 'POST', `${FILES}/complete`, { fileId })).json.code).toBe(0);
    expect((await call(base, 'POST', `${FILES}/complete`, { fileId: 'FnoSuchUpload' })).json.code).toBe(13000401);
  });

  it('flash-uploads content it already stores: the file exists at once', async () => {
    const bytes = testBytes(1000, 9);
    await addFile(mock.state, { containerId, parentId: 'root', name: 'first.bin', content: bytes });
    const flash = await create('second.bin', bytes.length, { sha256: sha256(bytes).toUpperCase() });
    expect(flash.json).toMatchObject({ code: 0, rapidUpload: true, fileName: 'second.bin', containerId });
    expect(flash.json.multiParts).toBeUndefined();
    const link = (await call(base, 'POST', `${FILES}/download`, { containerId, fileIds: [flash.json.fileId] })).json;
    expect(new Uint8Array(await (await fetch(link.downloads[0].url)).arrayBuffer())).toEqual(bytes);
    const clash = await create('second.bin', bytes.length, { sha256: sha256(bytes) });
    expect(clash.json.code).toBe(13000405);
    const same = await create('second.bin', bytes.length, { sha256: sha256(bytes), autoRename: 4 });
    expect(same.json).toMatchObject({ exist: true, fileId: flash.json.fileId });
    const renamed = await create('second.bin', 5, { autoRename: 2 });
    expect(renamed.json.fileName).toBe('second_20260105_100000.bin');
  });

  it('fails a part once, cuts a download halfway, expires URLs on demand', async () => {
    const bytes = testBytes(5 * MiB + 64, 10);
    const { fileId, multiParts } = (await create('faulty.bin', bytes.length)).json;
    mock.storageFaults.failPartUpload({ partNumber: 1 });
    const failed = await put(multiParts[0].uploadUrl, bytes.subarray(0, 5 * MiB));
    expect([failed.status, await s3Code(failed)]).toEqual([500, 'InternalError']);
    expect((await put(multiParts[0].uploadUrl, bytes.subarray(0, 5 * MiB))).status).toBe(200);
    mock.storageFaults.failPartUpload({ fileId, mode: 'reset' });
    await expect(put(multiParts[1].uploadUrl, bytes.subarray(5 * MiB))).rejects.toThrow();
    mock.storageFaults.expireUrls({ kind: 'upload', partNumber: 2 });
    const expired = await put(multiParts[1].uploadUrl, bytes.subarray(5 * MiB));
    expect([expired.status, await s3Code(expired)]).toEqual([403, 'AccessDenied']);
    const fresh = await call(base, 'POST', `${FILES}/multipart/uploadUrl`, {
      fileId,
      multiParts: [{ partNumber: 2, partSize: 64, partOffset: 5 * MiB }],
    });
    expect((await put(fresh.json.multiParts[0].uploadUrl, bytes.subarray(5 * MiB))).status).toBe(200);
    expect((await call(base, 'POST', `${FILES}/complete`, { fileId })).json.code).toBe(0);

    const link = (await call(base, 'POST', `${FILES}/download`, { containerId, fileIds: [fileId] })).json.downloads[0]
      .url;
    mock.storageFaults.cutDownload({ afterBytes: MiB });
    const cut = await fetch(link);
    expect(cut.headers.get('content-length')).toBe(String(bytes.length));
    const reader = (cut.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          received += value.length;
        }
      })(),
    ).rejects.toThrow();
    expect(received).toBe(MiB);
    const resumed = await fetch(link, { headers: { range: `bytes=${received}-` } });
    // (Compared by digest: vitest's deep equality is slow on megabytes.)
    expect(sha256(new Uint8Array(await resumed.arrayBuffer()))).toBe(sha256(bytes.subarray(received)));
    expect(mock.storageFaults.pending()).toEqual({ partUploads: 0, downloadCuts: 0, urlExpiries: 1 });
  });

  it('lists the entries of a real .zip (listFile), and refuses what is not one', async () => {
    const modified = new Date(2025, 4, 6, 7, 8, 10);
    const zip = zipSync({
      'docs/': [new Uint8Array(0), { mtime: modified }],
      'docs/readme.txt': [new TextEncoder().encode('read me'), { mtime: modified }],
      'photo.bin': [testBytes(3000, 2), { level: 0, mtime: modified }],
    });
    const archive = await addFile(mock.state, { containerId, parentId: 'root', name: 'a.zip', content: zip });
    const listed = await call(base, 'POST', '/koodrive/ose/v1/archive/listFile', { containerId, fileId: archive.id });
    expect(listed.json.data.uncompressedFileList).toEqual([
      { code: '0', name: 'docs', type: '2', updateAt: String(modified.getTime()), fileSize: '0' },
      { code: '0', name: 'docs/readme.txt', type: '1', updateAt: String(modified.getTime()), fileSize: '7' },
      { code: '0', name: 'photo.bin', type: '1', updateAt: String(modified.getTime()), fileSize: '3000' },
    ]);
    // The same archive with its entries marked encrypted (general-purpose flag bit 0).
    const locked = zip.slice();
    const view = new DataView(locked.buffer);
    for (let at = 0; at < locked.length - 4; at++) {
      const signature = view.getUint32(at, true);
      // Local file header: flags at +6; central directory record: flags at +8.
      const flags = signature === 0x04034b50 ? at + 6 : signature === 0x02014b50 ? at + 8 : -1;
      if (flags >= 0) view.setUint16(flags, view.getUint16(flags, true) | 1, true);
    }
    const secret = await addFile(mock.state, { containerId, parentId: 'root', name: 'locked.zip', content: locked });
    const refused = await call(base, 'POST', '/koodrive/ose/v1/archive/listFile', { containerId, fileId: secret.id });
    expect(refused.json).toMatchObject({ code: 13000101, msg: expect.stringContaining('password-protected') });
    const opened = await call(base, 'POST', '/koodrive/ose/v1/archive/listFile', {
      containerId,
      fileId: secret.id,
      pwd: 'x',
    });
    expect(opened.json.data.uncompressedFileList).toHaveLength(3);
    const text = await addFile(mock.state, { containerId, parentId: 'root', name: 'not.zip', content: 'plain text' });
    const notZip = await call(base, 'POST', '/koodrive/ose/v1/archive/listFile', { containerId, fileId: text.id });
    expect(notZip.json).toMatchObject({ code: 13000101, msg: expect.stringContaining('not a .zip') });
  });
});

describe('a storage endpoint that does not verify hashes (verifyHashes: false)', () => {
  it('takes parts in any order without hashCtx and still checks the whole file’s SHA-256 at completeFile', async () => {
    const state = makeMockState();
    ensureIndividualSpace(state, USER);
    const mock = await startMockKooDrive({
      tokens: [TOKEN],
      state,
      storage: { partSize: 5 * MiB, verifyHashes: false },
    });
    try {
      const bytes = testBytes(10 * MiB + 7, 12);
      const created = await call(mock.url, 'POST', `${FILES}/create`, {
        fileName: 'fast.bin',
        fileType: '45',
        parentFolder: ['root'],
        length: bytes.length,
      });
      for (const part of [...created.json.multiParts].reverse()) {
        const body = bytes.subarray(part.partOffset, part.partOffset + part.partSize);
        expect((await fetch(part.uploadUrl, { method: 'PUT', body })).status).toBe(200);
      }
      const wrong = await call(mock.url, 'POST', `${FILES}/complete`, {
        fileId: created.json.fileId,
        sha256: '0'.repeat(64),
      });
      expect(wrong.json.code).toBe(13000402);
      const right = await call(mock.url, 'POST', `${FILES}/complete`, {
        fileId: created.json.fileId,
        sha256: sha256(bytes),
      });
      expect(right.json.code).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

describe('spilling uploads to a temporary directory', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kd-spill-test-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('keeps parts and contents in files there, serves them, and removes them on close', async () => {
    const state = makeMockState();
    const containerId = ensureIndividualSpace(state, USER).containerId as string;
    const mock = await startMockKooDrive({
      tokens: [TOKEN],
      state,
      storage: { spillDir: directory, partSize: 5 * MiB },
    });
    const bytes = testBytes(5 * MiB + 3, 11);
    const created = await call(mock.url, 'POST', `${FILES}/create`, {
      fileName: 'spilled.bin',
      fileType: '45',
      parentFolder: ['root'],
      length: bytes.length,
    });
    for (const part of created.json.multiParts)
      await fetch(part.uploadUrl, {
        method: 'PUT',
        body: bytes.subarray(part.partOffset, part.partOffset + part.partSize),
      });
    expect((await call(mock.url, 'POST', `${FILES}/complete`, { fileId: created.json.fileId })).json.code).toBe(0);
    const [made] = readdirSync(directory);
    expect(readdirSync(join(directory, made as string))).toHaveLength(2);
    const content = mock.state.files.contents.get(sha256(bytes));
    expect(content?.segments.every((segment) => 'path' in segment)).toBe(true);
    const link = (await call(mock.url, 'POST', `${FILES}/download`, { containerId, fileIds: [created.json.fileId] }))
      .json;
    const range = await fetch(link.downloads[0].url, { headers: { range: `bytes=${5 * MiB - 2}-` } });
    expect(new Uint8Array(await range.arrayBuffer())).toEqual(bytes.subarray(5 * MiB - 2));
    await mock.close();
    expect(existsSync(join(directory, made as string))).toBe(false);
  });
});
