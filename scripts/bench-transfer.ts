/**
 * `pnpm bench:transfer`: the transfer goals of issue 12, each a ratio of two things measured side
 * by side in this one run (paired rounds, the order alternating, the median of the per-round
 * ratios), against the mock KooDrive in another process on loopback. Exits 1 when a goal is missed.
 *
 * 1. upload of a 1 GiB file (parallel ×4, flash off) / one bare fetch PUT of the same file to the
 *    same storage endpoint                                                                     ≥ 0.75
 * 2. the same upload with flash upload on (hashed first; no hit) / the bare PUT                 ≥ 0.45
 * 3. storage throttled to 20 MB/s per connection + 20 ms per request: parallel ×4 / sequential  ≥ 2.5
 * 4. download of 1 GiB to a file / a bare fetch of the same link piped to a file                 ≥ 0.90
 * 5. peak memory growth of an uploading process, 256 MiB and 1 GiB files
 *                                                           ≤ concurrency × part size + 64 MiB
 * Before them, for the record: SHA-256 throughput of node:crypto and of the state-exporting hash
 * (hash-wasm) the parallel parts use.
 *
 * `pnpm bench:transfer [hashing|upload|throttled|download|memory …] [--rounds N]` runs some of them.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createKooDriveClient, type KooDriveClient } from '@koodrive/client';
import { completeFile, createFile, getDownLoadUrl, uploadUrl } from '@koodrive/client/operations';
import { DEFAULT_CONCURRENCY, DEFAULT_PART_SIZE, downloadFile, uploadFile } from '@koodrive/transfer';
import { createRunningSha256 } from '../packages/transfer/src/sha256/running-sha256.ts';
import { BENCH_TOKEN, BENCH_USER_ID } from './lib/bench-constants.ts';
import { median, pairedRates } from './lib/paired-rounds.ts';
import { type MockProcess, runJsonScript, startMockProcess } from './lib/transfer-bench-processes.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const { values: flags, positionals: only } = parseArgs({
  options: { rounds: { type: 'string', default: '5' } },
  allowPositionals: true,
});
/** Paired rounds per ratio (`--rounds N`), after a warm-up of each contender. */
const ROUNDS = Number(flags.rounds);

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

function report(
  name: string,
  result: { a: number; b: number; ratio: number; ratios: number[] },
  goal: number,
  labels: [string, string],
) {
  const ok = result.ratio >= goal;
  console.log(
    `${name}\n  ${labels[0]} ${result.a.toFixed(0)} MB/s, ${labels[1]} ${result.b.toFixed(0)} MB/s → ratio ${result.ratio.toFixed(2)} ` +
      `(rounds ${result.ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; ${ok ? 'meets' : 'MISSES'} the goal ≥ ${goal})`,
  );
  return ok;
}

const clientFor = (mock: MockProcess): KooDriveClient =>
  createKooDriveClient({ baseUrl: mock.url, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });

/** Writes a file of pseudo-random bytes. */
async function makeFile(path: string, size: number): Promise<void> {
  const chunk = new Uint8Array(16 * MiB);
  const file = await open(path, 'w');
  for (let written = 0; written < size; written += chunk.length) {
    randomFillSync(chunk);
    await file.write(chunk, 0, Math.min(chunk.length, size - written));
  }
  await file.close();
}

/** Changes the file's first bytes, so that its content (and SHA-256) is new to the mock. */
let generation = 0;
async function renew(path: string): Promise<void> {
  const file = await open(path, 'r+');
  const stamp = new Uint8Array(16);
  new DataView(stamp.buffer).setFloat64(0, ++generation + Math.random());
  await file.write(stamp, 0, 16, 0);
  await file.close();
}

let fileCount = 0;
const nextName = () => `bench-${process.pid}-${++fileCount}.bin`;

/** Our upload of the file at `path`, in MB/s. */
async function ours(kd: KooDriveClient, path: string, options: { flashUpload?: boolean; concurrency?: number } = {}) {
  await renew(path);
  const size = (await stat(path)).size;
  const start = performance.now();
  const result = await uploadFile(kd, path, { parentFolder: 'root', fileName: nextName(), ...options }).done;
  if (result.rapidUpload) throw new Error('the bench file hit a flash upload: its content was not new');
  return mbps(size, performance.now() - start);
}

/** One bare fetch PUT of the whole file to a one-part URL of the same storage endpoint, in MB/s (the PUT alone is timed). */
async function barePut(kd: KooDriveClient, path: string) {
  await renew(path);
  const size = (await stat(path)).size;
  const created = await createFile(kd, {
    body: {
      fileName: nextName(),
      fileType: '45',
      parentFolder: ['root'],
      length: size,
      uploadMode: 'multipart',
      uploadType: 1,
    },
  });
  const fileId = created.data?.fileId as string;
  const urls = await uploadUrl(kd, { body: { fileId, multiParts: [{ partNumber: 1, partSize: size }] } });
  const url = urls.data?.multiParts?.[0]?.uploadUrl as string;
  const body = await openAsBlob(path);
  const start = performance.now();
  const response = await fetch(url, { method: 'PUT', body });
  await response.arrayBuffer();
  const elapsed = performance.now() - start;
  if (!response.ok) throw new Error(`bare PUT failed: ${response.status}`);
  await completeFile(kd, { body: { fileId } });
  return mbps(size, elapsed);
}

/** SHA-256 throughput over 256 MiB in memory, fed 2 MiB at a time: node:crypto, and hash-wasm (state-exporting). */
async function hashingFigures(): Promise<boolean> {
  const bytes = new Uint8Array(256 * MiB);
  randomFillSync(bytes.subarray(0, 64 * MiB));
  const feed = (update: (chunk: Uint8Array) => void) => {
    const start = performance.now();
    for (let offset = 0; offset < bytes.length; offset += 2 * MiB) update(bytes.subarray(offset, offset + 2 * MiB));
    return mbps(bytes.length, performance.now() - start);
  };
  const node: number[] = [];
  const wasm: number[] = [];
  for (let round = 0; round < 3; round++) {
    const hash = createHash('sha256');
    node.push(feed((chunk) => hash.update(chunk)));
    hash.digest();
    const running = await createRunningSha256();
    wasm.push(feed((chunk) => running.update(chunk)));
    running.digestHex();
  }
  console.log(
    `SHA-256 throughput: node:crypto ${median(node).toFixed(0)} MB/s, hash-wasm (exports its state) ${median(wasm).toFixed(0)} MB/s`,
  );
  return true;
}

async function uploadBenchmarks(dir: string): Promise<boolean> {
  const path = join(dir, 'upload-1g.bin');
  await makeFile(path, GiB);
  const mock = await startMockProcess();
  try {
    const kd = clientFor(mock);
    const parallel = await pairedRates(
      () => ours(kd, path),
      () => barePut(kd, path),
      ROUNDS,
    );
    const ok1 = report('1. upload 1 GiB, parallel ×4, flash off / one bare fetch PUT', parallel, 0.75, [
      'ours',
      'bare PUT',
    ]);
    const flash = await pairedRates(
      () => ours(kd, path, { flashUpload: true }),
      () => barePut(kd, path),
      ROUNDS,
    );
    const ok2 = report('2. upload 1 GiB, flash on (hashed first, no hit) / one bare fetch PUT', flash, 0.45, [
      'ours',
      'bare PUT',
    ]);
    return ok1 && ok2;
  } finally {
    await mock.stop();
    await rm(path, { force: true });
  }
}

async function throttledBenchmark(dir: string): Promise<boolean> {
  const size = 64 * MiB;
  const path = join(dir, 'upload-throttled.bin');
  await makeFile(path, size);
  const mock = await startMockProcess({ throttle: { bytesPerSecond: 20e6, latencyMs: 20 } });
  try {
    const kd = clientFor(mock);
    const result = await pairedRates(
      () => ours(kd, path, { concurrency: 4 }),
      () => ours(kd, path, { concurrency: 1 }),
      ROUNDS,
    );
    return report(
      '3. upload 64 MiB, storage at 20 MB/s per connection + 20 ms: parallel ×4 / sequential',
      result,
      2.5,
      ['parallel', 'sequential'],
    );
  } finally {
    await mock.stop();
    await rm(path, { force: true });
  }
}

async function downloadBenchmark(dir: string): Promise<boolean> {
  const source = join(dir, 'download-source.bin');
  await makeFile(source, GiB);
  const mock = await startMockProcess();
  try {
    const kd = clientFor(mock);
    const { fileId, containerId } = await uploadFile(kd, source, { parentFolder: 'root', fileName: nextName() }).done;
    await rm(source, { force: true });
    const target = join(dir, 'downloaded.bin');
    const oursDownload = async () => {
      const start = performance.now();
      const { size } = await downloadFile(kd, fileId, { containerId: containerId as string, to: target });
      return mbps(size, performance.now() - start);
    };
    const bare = async () => {
      const start = performance.now();
      const links = await getDownLoadUrl(kd, { body: { containerId: containerId as string, fileIds: [fileId] } });
      const response = await fetch(links.data?.downloads?.[0]?.url as string);
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(target));
      return mbps(GiB, performance.now() - start);
    };
    const result = await pairedRates(oursDownload, bare, ROUNDS);
    await rm(target, { force: true });
    return report('4. download 1 GiB to a file / bare fetch piped to a file', result, 0.9, ['ours', 'bare']);
  } finally {
    await mock.stop();
  }
}

async function memoryBenchmark(dir: string): Promise<boolean> {
  const mock = await startMockProcess();
  const bound = DEFAULT_CONCURRENCY * DEFAULT_PART_SIZE + 64 * MiB;
  let ok = true;
  try {
    for (const size of [256 * MiB, GiB]) {
      const path = join(dir, `memory-${size}.bin`);
      await makeFile(path, size);
      const { growth, baseline } = await runJsonScript<{ growth: number; baseline: number }>(
        'scripts/lib/transfer-bench-upload.ts',
        [mock.url, path],
      );
      await rm(path, { force: true });
      const fits = growth <= bound;
      ok &&= fits;
      console.log(
        `5. peak memory of an upload of ${size / MiB} MiB: RSS grew by ${(growth / MiB).toFixed(1)} MiB over ${(baseline / MiB).toFixed(0)} MiB ` +
          `(${fits ? 'within' : 'BEYOND'} the bound ${DEFAULT_CONCURRENCY} × ${DEFAULT_PART_SIZE / MiB} MiB + 64 MiB = ${bound / MiB} MiB)`,
      );
    }
  } finally {
    await mock.stop();
  }
  return ok;
}

const dir = await mkdtemp(join(tmpdir(), 'koodrive-bench-transfer-'));
const results: boolean[] = [];
try {
  const run = async (name: string, benchmark: (dir: string) => Promise<boolean>) => {
    if (only.length === 0 || only.includes(name)) results.push(await benchmark(dir));
  };
  await run('hashing', hashingFigures);
  await run('upload', uploadBenchmarks);
  await run('throttled', throttledBenchmark);
  await run('download', downloadBenchmark);
  await run('memory', memoryBenchmark);
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(results.every(Boolean) ? 0 : 1);
