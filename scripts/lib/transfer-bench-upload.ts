/**
 * The uploading process of `pnpm bench:transfer`'s peak-memory figure: uploads the file at argv[3]
 * to the mock at argv[2] with the default settings and prints, as JSON, how far the process's peak
 * resident set grew over what it was just before the upload (the modules loaded and warmed up).
 *
 * The peak is Linux's VmHWM, reset after the warm-up (`/proc/self/clear_refs`), and a 5 ms sample
 * of the resident set besides. Not getrusage's maxRSS: Linux carries it over from the parent
 * through fork and exec, so a child would report the bench process's own size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createKooDriveClient } from '@koodrive/client';
import { uploadFile } from '@koodrive/transfer';
import { BENCH_TOKEN, BENCH_USER_ID } from './bench-constants.ts';

const [url, path] = process.argv.slice(2) as [string, string];
const kd = createKooDriveClient({ baseUrl: url, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });

/** The peak resident set since the last reset, in bytes (undefined off Linux). */
function highWaterMark(): number | undefined {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

// Warm up: load every module an upload uses (hash-wasm included) on a small file.
await uploadFile(kd, new Uint8Array(6 * 1024 * 1024), {
  parentFolder: 'root',
  fileName: `warm-${process.pid}.bin`,
  partSize: 5 * 1024 * 1024,
}).done;
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  // Without it, the sampled peak alone is reported.
}
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
await uploadFile(kd, path, { parentFolder: 'root', fileName: `memory-${process.pid}.bin` }).done;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, highWaterMark() ?? 0);
console.log(JSON.stringify({ growth: peak - baseline, baseline }));
