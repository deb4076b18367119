/**
 * The storage endpoint served in-process by the MSW handlers: the URLs createFile and
 * getDownLoadUrl hand out point at the base URL the client calls, so MSW answers them too.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndividualSpace, makeMockState } from '../src/index.js';
import { createKooDriveHandlers } from '../src/msw/handlers.js';
import { call, MiB, sha256, testBytes, USER } from './files-helpers.js';

const BASE = 'https://intl.myhuaweicloud-koodrive.com';
const state = makeMockState();
const containerId = ensureIndividualSpace(state, USER).containerId as string;
const { handlers, mock } = createKooDriveHandlers({ state, storage: { partSize: 5 * MiB } });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('storage through the MSW handlers', () => {
  it('uploads, completes and downloads in-process, faults included', async () => {
    const bytes = testBytes(5 * MiB + 500, 21);
    const created = await call(BASE, 'POST', '/koodrive/ose/v1/files/create', {
      fileName: 'msw.bin',
      fileType: '45',
      parentFolder: ['root'],
      length: bytes.length,
      sha256: sha256(bytes),
    });
    const { fileId, multiParts } = created.json;
    expect(multiParts[0].uploadUrl).toMatch(new RegExp(`^${BASE}/mock-storage/uploads/`));
    mock.storageFaults.failPartUpload({ partNumber: 2, mode: 'reset' });
    for (const part of multiParts) {
      const body = bytes.subarray(part.partOffset, part.partOffset + part.partSize);
      if (part.partNumber === 2) await expect(fetch(part.uploadUrl, { method: 'PUT', body })).rejects.toThrow();
      expect((await fetch(part.uploadUrl, { method: 'PUT', body })).status).toBe(200);
    }
    expect((await call(BASE, 'POST', '/koodrive/ose/v1/files/complete', { fileId })).json.code).toBe(0);
    const link = (await call(BASE, 'POST', '/koodrive/ose/v1/files/download', { containerId, fileIds: [fileId] })).json
      .downloads[0].url;
    const whole = await fetch(link);
    expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(sha256(bytes));
    const tail = await fetch(link, { headers: { range: 'bytes=-100' } });
    expect([tail.status, tail.headers.get('content-range')]).toEqual([
      206,
      `bytes ${bytes.length - 100}-${bytes.length - 1}/${bytes.length}`,
    ]);
    const forged = await fetch(link.replace('X-Amz-Expires=3600', 'X-Amz-Expires=7200'));
    expect(forged.status).toBe(403);
  });
});
