/**
 * One contender of benchmark 3, run in a process of its own so that the two client stacks never
 * share JIT state: `tsx bench-loopback-client.ts <signed|unsigned> <mock url> <ms>`. Warms up for
 * a third of the time, then prints the requests per second it sustained with 8 requests in flight.
 */
import { createKooDriveClient, formatXDate } from '@koodrive/client';
import type { paths } from '@koodrive/types';
import createClient from 'openapi-fetch';
import { BENCH_APP, BENCH_TOKEN, BENCH_USER_ID, QUOTA_PATH } from './lib/bench-constants.ts';

const [contender, baseUrl, msText] = process.argv.slice(2);
if ((contender !== 'signed' && contender !== 'unsigned') || !baseUrl || !msText) {
  throw new Error('usage: bench-loopback-client.ts <signed|unsigned> <mock url> <ms>');
}
const IN_FLIGHT = 8;

const bare = createClient<paths>({ baseUrl });
const kd = createKooDriveClient({ baseUrl, userId: BENCH_USER_ID, auth: { type: 'app', ...BENCH_APP } });
const call =
  contender === 'signed'
    ? () => kd.GET(QUOTA_PATH, { params: { query: { limit: 10 } } })
    : () =>
        bare.GET(QUOTA_PATH, {
          params: {
            query: { limit: 10 },
            header: { 'X-User-Id': BENCH_USER_ID, 'X-Date': formatXDate(new Date()), Host: '' },
          },
          headers: { Authorization: `Bearer ${BENCH_TOKEN}`, Host: undefined as never },
        });

/** Requests completed in `ms` with IN_FLIGHT workers, each sending its next request when its last answers. */
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
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return done;
}

const ms = Number(msText);
await requestsIn(ms / 3);
const start = performance.now();
const done = await requestsIn(ms);
console.log(JSON.stringify({ contender, rps: (done * 1000) / (performance.now() - start) }));
