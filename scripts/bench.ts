/**
 * `pnpm bench`: the performance goals of app authentication, as ratios of two things measured
 * side by side in this one run (rounds interleaved, medians taken), so a noisy machine slows both.
 *
 * 1. signer throughput (Node path) / a bare createHash + createHmac loop over the same canonical string   ≥ 0.60
 * 2. app-signed GET through the whole client / bare openapi-fetch, both against a stubbed fetch           ≥ 0.50
 * 3. app-signed requests per second / unsigned bare openapi-fetch, against the mock KooDrive in another
 *    process on loopback                                                                                  ≥ 0.90
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { join } from 'node:path';
import { createAppSigner, createKooDriveClient, formatXDate } from '@koodrive/client';
import type { paths } from '@koodrive/types';
import createClient from 'openapi-fetch';
import { repoRoot } from './lib/paths.ts';

const APP = { appId: 'bench-app', appSecret: 'bench-secret-0123456789' };
const TOKEN = 'bench-token';
const USER_ID = '1505084218764547200';
const QUOTA_PATH = '/koodrive/ose/v1/space/usage/quota';
const ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Operations per second of `run` (which performs `batch` operations) over about `ms` milliseconds. */
async function opsPerSecond(run: () => Promise<number> | number, ms: number): Promise<number> {
  let operations = 0;
  const start = performance.now();
  while (performance.now() - start < ms) operations += await run();
  return (operations * 1000) / (performance.now() - start);
}

/** Runs the two contenders in alternating rounds and returns the median rate of each. */
async function sideBySide(a: () => Promise<number> | number, b: () => Promise<number> | number, ms: number) {
  await opsPerSecond(a, ms / 4);
  await opsPerSecond(b, ms / 4);
  const ratesA: number[] = [];
  const ratesB: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ratesA.push(await opsPerSecond(a, ms));
    ratesB.push(await opsPerSecond(b, ms));
  }
  return { a: median(ratesA), b: median(ratesB) };
}

function report(name: string, ours: number, baseline: number, goal: number): boolean {
  const ratio = ours / baseline;
  const verdict = ratio >= goal ? 'meets' : 'MISSES';
  console.log(
    `${name}\n  ${Math.round(ours).toLocaleString('en')} vs ${Math.round(baseline).toLocaleString('en')} ops/s → ratio ${ratio.toFixed(2)} (${verdict} the goal ≥ ${goal.toFixed(2)})`,
  );
  return ratio >= goal;
}

async function signerThroughput(): Promise<boolean> {
  const signer = createAppSigner(APP);
  if (signer.cryptoKind !== 'node') throw new Error('expected the node:crypto path');
  const request = {
    method: 'GET',
    url: new URL(`https://intl.myhuaweicloud-koodrive.com${QUOTA_PATH}?limit=100&offset=200`),
    headers: { 'x-date': formatXDate(new Date()), 'x-user-id': USER_ID },
  };
  const { canonicalRequest } = await signer.sign(request);
  const key = createSecretKey(APP.appSecret, 'utf8');
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
  const { a, b } = await sideBySide(signed, bare, 400);
  return report('1. signer (node:crypto) vs bare createHash + createHmac', a, b, 0.6);
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

const requiredHeaders = () => ({ 'X-User-Id': USER_ID, 'X-Date': formatXDate(new Date()), Host: 'unused' });

async function wholeStack(): Promise<boolean> {
  const baseUrl = 'https://intl.myhuaweicloud-koodrive.com';
  const bare = createClient<paths>({ baseUrl, fetch: stubbedFetch() });
  const kd = createKooDriveClient({ baseUrl, userId: USER_ID, auth: { type: 'app', ...APP }, fetch: stubbedFetch() });
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
  const { a, b } = await sideBySide(ourCalls, bareCalls, 500);
  return report('2. app-signed GET through @koodrive/client vs bare openapi-fetch (stubbed fetch)', a, b, 0.5);
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
      TOKEN,
      '--app',
      `${APP.appId}:${APP.appSecret}`,
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

async function loopback(): Promise<boolean> {
  const mock = await startMockProcess();
  try {
    const bare = createClient<paths>({ baseUrl: mock.url });
    const kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'app', ...APP } });
    // Steady load: IN_FLIGHT workers, each sending its next request as soon as its last one answers.
    const IN_FLIGHT = 8;
    const PER_WORKER = 25;
    const wave = async (call: () => Promise<{ response: Response }>) => {
      const worker = async () => {
        for (let i = 0; i < PER_WORKER; i++) {
          const { response } = await call();
          if (response.status !== 200) throw new Error(`a benchmark request failed with HTTP ${response.status}`);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      return IN_FLIGHT * PER_WORKER;
    };
    const unsigned = () =>
      wave(() =>
        bare.GET(QUOTA_PATH, {
          params: { query: { limit: 10 }, header: requiredHeaders() },
          headers: { Authorization: `Bearer ${TOKEN}`, Host: undefined as never },
        }),
      );
    const signed = () => wave(() => kd.GET(QUOTA_PATH, { params: { query: { limit: 10 } } }));
    const { a, b } = await sideBySide(signed, unsigned, 1500);
    return report(
      '3. app-signed vs unsigned bare openapi-fetch requests/s, mock KooDrive in another process',
      a,
      b,
      0.9,
    );
  } finally {
    mock.stop();
  }
}

console.log(`KooDrive benchmarks (${ROUNDS} interleaved rounds each, medians; Node ${process.version})\n`);
const results = [await signerThroughput(), await wholeStack(), await loopback()];
process.exitCode = results.every(Boolean) ? 0 : 1;
