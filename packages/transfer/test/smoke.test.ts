import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { downloadFile, uploadFile } from '../src/index.js';
import { makeBytes, startTransferMock, type TransferMock } from './helpers/mock.js';

let t: TransferMock;
beforeAll(async () => { t = await startTransferMock(); });
afterAll(() => t?.close());

it('smoke', async () => {
  const bytes = makeBytes(12 * 1024 * 1024 + 100);
  const upload = uploadFile(t.kd, bytes, { parentFolder: 'root', fileName: 'a.bin', partSize: 5 * 1024 * 1024 });
  const result = await upload.done;
  console.log(result, t.mock.requests.map((r) => `${r.method} ${r.url.pathname} ${r.status}`));
  expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  const { stream } = await downloadFile(t.kd, result.fileId, { containerId: result.containerId as string });
  const got = new Uint8Array(await new Response(stream).arrayBuffer());
  expect(got.length).toBe(bytes.length);
});
