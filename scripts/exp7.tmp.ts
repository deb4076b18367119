import { randomFillSync } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { open } from 'node:fs/promises';
import { createKooDriveClient } from '@koodrive/client';
import { completeFile, createFile, uploadUrl } from '@koodrive/client/operations';
import { createSHA256 } from '/work/main/packages/transfer/node_modules/hash-wasm/dist/index.esm.js';
import { BENCH_TOKEN, BENCH_USER_ID } from '/work/main/scripts/lib/bench-constants.ts';
import { cpuMsOf, startMockProcess } from '/work/main/scripts/lib/transfer-bench-processes.ts';
const MiB = 1024*1024; const size = 256*MiB; const path = '/tmp/exp1.bin'; const part = 8*MiB;
const mock = await startMockProcess({});
const kd = createKooDriveClient({ baseUrl: mock.url, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });
async function run(conc: number) {
  const fh = await open(path,'r+'); const s = new Uint8Array(8); randomFillSync(s); await fh.write(s,0,8,0); await fh.close();
  const blob = await openAsBlob(path);
  const h = await createSHA256(); h.init(); const states: number[][] = [];
  for (let o = 0; o < size; o += part) { const sv = h.save(); const dv = new DataView(sv.buffer, sv.byteOffset); states.push(Array.from({length:8},(_,i)=>dv.getUint32(76+4*i,true))); h.update(new Uint8Array(await blob.slice(o, o+part).arrayBuffer())); }
  const sha256 = h.digest('hex');
  const created = await createFile(kd, { body: { fileName: `b${Math.random()}.bin`, fileType: '45', parentFolder: ['root'], length: size, uploadMode: 'multipart', uploadType: 1 } });
  const fileId = created.data!.fileId!;
  const n = size/part;
  const urls: string[] = [];
  for (let b = 0; b < n; b += 50) { const r = await uploadUrl(kd, { body: { fileId, multiParts: Array.from({length: Math.min(50, n-b)}, (_, j) => { const i = b+j; return { partNumber: i+1, partSize: part, partOffset: i*part, ...(i>0 ? {hashCtx: states[i]} : {}) }; }) } }); urls.push(...r.data!.multiParts!.map(p => p.uploadUrl!)); }
  const m0 = await cpuMsOf(mock.pid); const c0 = process.cpuUsage(); const t = performance.now();
  let next = 0;
  await Promise.all(Array.from({length: conc}, async () => { while (next < n) { const i = next++; const r = await fetch(urls[i]!, { method: 'PUT', body: blob.slice(i*part, (i+1)*part) }); await r.arrayBuffer(); if (!r.ok) throw new Error(String(r.status)); } }));
  const ms = performance.now() - t; const cc = process.cpuUsage(c0);
  const done = await completeFile(kd, { body: { fileId, sha256 } }); if (done.error) throw done.error;
  console.log('conc', conc, (size/1e6/(ms/1000)).toFixed(0), 'MB/s client cpu', ((cc.user+cc.system)/1000).toFixed(0), 'mock cpu', await cpuMsOf(mock.pid) - m0);
}
for (const c of [1, 4, 1, 4, 2, 8]) await run(c);
await mock.stop();
