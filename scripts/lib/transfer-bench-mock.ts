/**
 * The mock KooDrive of `pnpm bench:transfer`, in a process of its own: started with the storage
 * options given as JSON in argv[2], it prints one line `ready {"url","containerId"}` and serves
 * until killed. Uploaded bytes spill to a temporary directory, removed when it stops.
 */
import { ensureIndividualSpace, type MockStorageOptions, makeMockState, startMockKooDrive } from '@koodrive/testing';
import { BENCH_TOKEN, BENCH_USER_ID } from './bench-constants.ts';

const storage = JSON.parse(process.argv[2] ?? '{}') as MockStorageOptions;
const state = makeMockState();
const space = ensureIndividualSpace(state, BENCH_USER_ID);
const mock = await startMockKooDrive({ tokens: [BENCH_TOKEN], state, storage: { spillDir: true, ...storage } });
console.log(`ready ${JSON.stringify({ url: mock.url, containerId: space.containerId })}`);
const stop = () => {
  mock.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
