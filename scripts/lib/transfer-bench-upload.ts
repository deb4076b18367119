/**
 * The uploading process of `pnpm bench:transfer`'s peak-memory figure: uploads the file at argv[3]
 * to the mock at argv[2] with the default settings and prints, as JSON, how far the process's peak
 * resident set grew over what it was just before the upload (the modules loaded and warmed up).
 */
import { createKooDriveClient } from '@koodrive/client';
import { uploadFile } from '@koodrive/transfer';
import { BENCH_TOKEN, BENCH_USER_ID } from './bench-constants.ts';

const [url, path] = process.argv.slice(2) as [string, string];
const kd = createKooDriveClient({ baseUrl: url, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });
// Warm up: load every module an upload uses (hash-wasm included) on a small file.
await uploadFile(kd, new Uint8Array(6 * 1024 * 1024), { parentFolder: 'root', fileName: `warm-${process.pid}.bin`, partSize: 5 * 1024 * 1024 }).done;
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
await uploadFile(kd, path, { parentFolder: 'root', fileName: `memory-${process.pid}.bin` }).done;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(JSON.stringify({ growth: peak - baseline, baseline }));
