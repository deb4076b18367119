/**
 * `pnpm bench`: the performance goals of app authentication, as ratios of two things measured
 * side by side in this one run (paired rounds, the median of the per-round ratios), so a noisy
 * machine slows both contenders alike. Benchmark 3 runs each contender in a client process of its own.
 *
 * 1. signer throughput (Node path) / a bare createHash + createHmac loop over the same canonical string   ≥ 0.60
 * 2. app-signed GET through the whole client / bare openapi-fetch, both against a stubbed fetch           ≥ 0.50
 * 3. app-signed requests per second / unsigned bare openapi-fetch, against the mock KooDrive in another
 *    process on loopback                                                                                  ≥ 0.90
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createAppSigner, createKooDriveClient, formatXDate } from '@koodrive/client';
import type { paths } from '@koodrive/types';
import createClient from 'openapi-fetch';
import { BENCH_APP, BENCH_TOKEN, BENCH_USER_ID, QUOTA_PATH } from './lib/bench-constants.ts';
import { repoRoot } from './lib/paths.ts';

const ROUNDS = 9;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Operations per second of `run` (which performs `batch` operations) over about `ms` milliseconds. */
async function opsPerSecond(run: () => Promise<number> | number, ms: number): Promise<number> {
  let operations = 0;
  const start = performance.now();
  while (performance.now() - start < ms) operations += await run();
  return (operations * 1000) / (performance.now() - start);
}

type Measure = () => Promise<number>;

/**
 * Measures two contenders in paired rounds (a then b, then b then a, alternating which goes
 * first) after one warm-up each, and returns the median rate of each and the median of the
 * per-round ratios a/b: pairing cancels the slow drifts of a shared machine, which would
 * otherwise dominate a ratio of two medians.
 */
async function pairedRates(a: Measure, b: Measure, rounds = ROUNDS) {
  await a();
  await b();
  const ratesA: number[] = [];
  const ratesB: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let rateA: number;
    let rateB: number;
    if (round % 2 === 0) {
      rateA = await a();
      rateB = await b();
    } else {
      rateB = await b();
      rateA = await a();
    }
    ratesA.push(rateA);
    ratesB.push(rateB);
    ratios.push(rateA / rateB);
  }
  return { a: median(ratesA), b: median(ratesB), ratio: median(ratios) };
}

function report(
  name: string,
  { a: ours, b: baseline, ratio }: { a: number; b: number; ratio: number },
  goal: number,
): boolean {
  const verdict = ratio >= goal ? 'meets' : 'MISSES';
  console.log(
    `${name}\n  ${Math.round(ours).toLocaleString('en')} vs ${Math.round(baseline).toLocaleString('en')} ops/s → ratio ${ratio.toFixed(2)} (${verdict} the goal ≥ ${goal.toFixed(2)})`,
  );
  return ratio >= goal;
}

async function signerThroughput(): Promise<boolean> {
  const signer = createAppSigner(BENCH_APP);
  if (signer.cryptoKind !== 'node') throw new Error('expected the node:crypto path');
  const request = {
    method: 'GET',
    url: new URL(`https://intl.myhuaweicloud-koodrive.com${QUOTA_PATH}?limit=100&offset=200`),
    headers: { 'x-date': formatXDate(new Date()), 'x-user-id': BENCH_USER_ID },
  };
  const { canonicalRequest } = await signer.sign(request);
  const key = createSecretKey(BENCH_APP.appSecret, 'utf8');
  const BATCH = 200;
  const bare = () => {
    for (let i = 0; i < BATCH; i++) {
      const hash = createHash('sha256').update(canonicalRequest).digest('hex');
      createHmac('sha256', key).update(`HMAC-SHA256\n${hash}`).digest('hex');
    }
    return BATCH;
  };
  const signed = async () => {
    for (let i = 0; i < BATCH; i++) await signer.sign(request);
    return BATCH;
  };
  return report(
    '1. signer (node:crypto) vs bare createHash + createHmac',
    await pairedRates(
      () => opsPerSecond(signed, 300),
      () => opsPerSecond(bare, 300),
    ),
    0.6,
  );
}

function stubbedFetch(): (request: Request) => Promise<Response> {
  const body = JSON.stringify({
    code: 0,
    msg: 'success',
    data: [{ quota: '1', totalAllocation: 1, totalCapacity: 1, totalUsed: 0 }],
    total: 1,
  });
  return async () => new Response(body, { headers: { 'content-type': 'application/json' } });
}

const requiredHeaders = () => ({ 'X-User-Id': BENCH_USER_ID, 'X-Date': formatXDate(new Date()), Host: 'unused' });

async function wholeStack(): Promise<boolean> {
  const baseUrl = 'https://intl.myhuaweicloud-koodrive.com';
  const bare = createClient<paths>({ baseUrl, fetch: stubbedFetch() });
  const kd = createKooDriveClient({
    baseUrl,
    userId: BENCH_USER_ID,
    auth: { type: 'app', ...BENCH_APP },
    fetch: stubbedFetch(),
  });
  const BATCH = 50;
  const bareCalls = async () => {
    for (let i = 0; i < BATCH; i++) {
      await bare.GET(QUOTA_PATH, { params: { query: { limit: 10 }, header: requiredHeaders() } });
    }
    return BATCH;
  };
  const ourCalls = async () => {
    for (let i = 0; i < BATCH; i++) await kd.GET(QUOTA_PATH, { params: { query: { limit: 10 } } });
    return BATCH;
  };
  const rates = await pairedRates(
    () => opsPerSecond(ourCalls, 400),
    () => opsPerSecond(bareCalls, 400),
  );
  return report('2. app-signed GET through @koodrive/client vs bare openapi-fetch (stubbed fetch)', rates, 0.5);
}

async function startMockProcess() {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'packages/testing/dist/cli.js'),
      '--port',
      '0',
      '--rows',
      '20',
      '--token',
      BENCH_TOKEN,
      '--app',
      `${BENCH_APP.appId}:${BENCH_APP.appSecret}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /listening on (\S+)/.exec(output)?.[1];
    if (url) return { url, stop: () => child.kill('SIGTERM') };
  }
  throw new Error(`the mock KooDrive did not start: ${output}`);
}

/** One run of a contender in a fresh client process; resolves to its requests per second. */
async function clientProcessRate(contender: 'signed' | 'unsigned', url: string, ms: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts/bench-loopback-client.ts'), contender, url, String(ms)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  for await (const chunk of child.stdout) output += String(chunk);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the ${contender} benchmark client failed (exit ${code})`);
  return (JSON.parse(output) as { rps: number }).rps;
}

async function loopback(): Promise<boolean> {
  const mock = await startMockProcess();
  try {
    // Each contender runs in its own client process (as hyperfine runs commands), alternating in
    // paired rounds: in one process the two stacks would share, and skew, the JIT state of fetch.
    const rates = await pairedRates(
      () => clientProcessRate('signed', mock.url, 1500),
      () => clientProcessRate('unsigned', mock.url, 1500),
      7,
    );
    return report(
      '3. app-signed vs unsigned bare openapi-fetch requests/s, mock KooDrive in another process',
      rates,
      0.9,
    );
  } finally {
    mock.stop();
  }
}

console.log(`KooDrive benchmarks (paired rounds, median of per-round ratios; Node ${process.version})\n`);
const results = [await signerThroughput(), await wholeStack(), await loopback()];
process.exitCode = results.every(Boolean) ? 0 : 1;
