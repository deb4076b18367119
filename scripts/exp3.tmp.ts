import { randomFillSync } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { open } from 'node:fs/promises';
import { createKooDriveClient } from '@koodrive/client';
import { completeFile, createFile, uploadUrl } from '@koodrive/client/operations';
import { uploadFile } from '@koodrive/transfer';
import { BENCH_TOKEN, BENCH_USER_ID } from '/work/main/scripts/lib/bench-constants.ts';
import { cpuMsOf, startMockProcess } from '/work/main/scripts/lib/transfer-bench-processes.ts';
const MiB = 1024*1024; const size = Number(process.env.SIZE ?? 256) * MiB;
const path = '/tmp/exp1.bin';
const f = await open(path, 'w'); const c = new Uint8Array(16*MiB); for (let w=0; w<size; w+=c.length){ randomFillSync(c); await f.write(c);} await f.close();
const mock = await startMockProcess(JSON.parse(process.env.STORAGE ?? '{}'));
const kd = createKooDriveClient({ baseUrl: mock.url, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });
let n = 0;
async function renew(){ const fh = await open(path,'r+'); const s = new Uint8Array(8); randomFillSync(s); await fh.write(s,0,8,0); await fh.close(); }
async function bare(){ await renew();
  const created = await createFile(kd, { body: { fileName: `b${n++}.bin`, fileType: '45', parentFolder: ['root'], length: size, uploadMode: 'multipart', uploadType: 1 } });
  const fileId = created.data!.fileId!; const urls = await uploadUrl(kd, { body: { fileId, multiParts: [{ partNumber: 1, partSize: size }] } });
  const r = await fetch(urls.data!.multiParts![0]!.uploadUrl!, { method: 'PUT', body: await openAsBlob(path) }); await r.arrayBuffer();
  await completeFile(kd, { body: { fileId } }); }
async function ours(opts: object){ await renew(); await uploadFile(kd, path, { parentFolder: 'root', fileName: `o${n++}.bin`, ...opts }).done; }
for (const [name, fn] of [['bare', bare], ['seq', () => ours({concurrency:1})], ['par4', () => ours({})], ['par4-32M', () => ours({partSize: 32*MiB})], ['bare', bare], ['par4', () => ours({})]] as const) {
  const m0 = await cpuMsOf(mock.pid); const c0 = process.cpuUsage(); const t = performance.now();
  await fn();
  const ms = performance.now() - t; const cc = process.cpuUsage(c0); const mm = await cpuMsOf(mock.pid) - m0;
  console.log(name.padEnd(9), (size/1e6/(ms/1000)).toFixed(0).padStart(4), 'MB/s', 'wall', ms.toFixed(0), 'client cpu', ((cc.user+cc.system)/1000).toFixed(0), 'mock cpu', mm);
}
await mock.stop();
