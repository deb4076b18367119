import { open } from 'node:fs/promises';
import { randomFillSync } from 'node:crypto';
import { createKooDriveClient } from '@koodrive/client';
import { uploadFile } from '@koodrive/transfer';
import { BENCH_TOKEN, BENCH_USER_ID } from '/work/main/scripts/lib/bench-constants.ts';
import { cpuMsOf, startMockProcess } from '/work/main/scripts/lib/transfer-bench-processes.ts';
const MiB = 1024*1024; const size = 256*MiB; const path = '/tmp/exp1.bin';
const mock = await startMockProcess({}, ["--cpu-prof", "--cpu-prof-dir=/tmp/mockprof"]);
const kd = createKooDriveClient({ baseUrl: mock.url, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });
for (let i = 0; i < 3; i++) {
  const fh = await open(path,'r+'); const s = new Uint8Array(8); randomFillSync(s); await fh.write(s,0,8,0); await fh.close();
  const m0 = await cpuMsOf(mock.pid); const c0 = process.cpuUsage(); const t = performance.now();
  await uploadFile(kd, path, { parentFolder: 'root', fileName: `p${i}.bin`, ...JSON.parse(process.env.OPTS ?? '{}') }).done;
  const ms = performance.now() - t; const cc = process.cpuUsage(c0);
  console.log((size/1e6/(ms/1000)).toFixed(0), 'MB/s client cpu', ((cc.user+cc.system)/1000).toFixed(0), 'mock cpu', await cpuMsOf(mock.pid) - m0);
}
await mock.stop();
