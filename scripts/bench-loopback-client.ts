/**
 * One contender of benchmark 3, in a client process of its own so that no two client stacks share
 * JIT state: `tsx bench-loopback-client.ts <contender> <mock url> <in flight>`.
 *
 * It warms up, prints `ready`, then for every line `<ms>` read from stdin sends requests for that
 * long (each of the in-flight workers sends its next request when its last one is answered) and
 * prints `{"rps":…,"cpuMicrosPerRequest":…}`. The parent alternates the contenders in short slices,
 * so a slow stretch of a shared machine falls on all of them alike.
 */
import { createInterface } from 'node:readline';
import { createKooDriveClient, formatXDate, generateTraceId } from '@koodrive/client';
import { createAppSigner } from '@koodrive/client/app-signature';
import type { paths } from '@koodrive/types';
import createClient from 'openapi-fetch';
import { BENCH_APP, BENCH_TOKEN, BENCH_USER_ID, LOOPBACK_CONTENDERS, QUOTA_PATH } from './lib/bench-constants.ts';

const [contender, baseUrl, inFlightText] = process.argv.slice(2);
const inFlight = Number(inFlightText);
if (!LOOPBACK_CONTENDERS.includes(contender as never) || !baseUrl || !(inFlight > 0)) {
  throw new Error(`usage: bench-loopback-client.ts <${LOOPBACK_CONTENDERS.join('|')}> <mock url> <in flight>`);
}

const query = { limit: 10 };
const bare = createClient<paths>({ baseUrl });
const signed = createKooDriveClient({ baseUrl, userId: BENCH_USER_ID, auth: { type: 'app', ...BENCH_APP } });
const token = createKooDriveClient({ baseUrl, userId: BENCH_USER_ID, auth: { type: 'token', token: BENCH_TOKEN } });

// openapi-fetch with the headers and the app signature the client would send, and nothing else of
// the client: what signing costs without the reliability layer.
const signer = createAppSigner(BENCH_APP);
const signedRaw = createClient<paths>({ baseUrl, headers: { 'X-User-Id': BENCH_USER_ID, language: 'en-US' } });
signedRaw.use({
  async onRequest({ request }) {
    request.headers.set('X-Traceid', generateTraceId());
    request.headers.set('X-Date', formatXDate(new Date()));
    const { headers } = await signer.sign({ method: request.method, url: request.url, headers: request.headers });
    request.headers.set('Authorization', headers.Authorization);
    return request;
  },
});

// Unsigned bare openapi-fetch, with the headers the mock requires set by hand.
const bareCall = () =>
  bare.GET(QUOTA_PATH, {
    params: { query, header: { 'X-User-Id': BENCH_USER_ID, 'X-Date': formatXDate(new Date()), Host: '' } },
    headers: { Authorization: `Bearer ${BENCH_TOKEN}`, Host: undefined as never },
  });

const calls: Record<string, () => Promise<{ response: Response }>> = {
  bare: bareCall,
  // The same again, in a process of its own: the run's noise floor.
  control: bareCall,
  // The whole client with app authentication: the goal's contender.
  signed: () => signed.GET(QUOTA_PATH, { params: { query } }),
  // openapi-fetch with KooDrive's headers and the signer only (no retries, timeouts, input checks or result reading).
  'signed-raw': () => signedRaw.GET(QUOTA_PATH, { params: { query } } as never),
  // The whole client with a token: what the reliability layer costs without signing.
  token: () => token.GET(QUOTA_PATH, { params: { query } }),
};
const call = calls[contender as string] as () => Promise<{ response: Response }>;

/** Requests answered in `ms`, with every worker sending its next request as soon as its last is answered. */
async function requestsIn(ms: number): Promise<number> {
  const deadline = performance.now() + ms;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { response } = await call();
      if (response.status !== 200) throw new Error(`a ${contender} request failed with HTTP ${response.status}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done;
}

await requestsIn(1500);
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const done = await requestsIn(Number(line));
  const cpu = process.cpuUsage(cpuBefore);
  const rps = (done * 1000) / (performance.now() - started);
  console.log(JSON.stringify({ rps, cpuMicrosPerRequest: (cpu.user + cpu.system) / done }));
}
