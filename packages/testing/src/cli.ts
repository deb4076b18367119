#!/usr/bin/env node
/**
 * mock-koodrive: runs the mock KooDrive until interrupted.
 *   mock-koodrive [--port 4010] [--host 127.0.0.1] [--rows 250] [--token TOKEN]… [--app APP_ID:APP_SECRET]…
 * Prints `mock KooDrive listening on <url>` once it is ready.
 */
import { parseArgs } from 'node:util';
import { makeMockState } from './factories/state.js';
import { startMockKooDrive } from './mock/server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    rows: { type: 'string', default: '25' },
    token: { type: 'string', multiple: true },
    app: { type: 'string', multiple: true },
  },
});

const port = Number(values.port);
const rows = Number(values.rows);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
if (!Number.isInteger(rows) || rows < 0) throw new Error(`--rows must be a whole number, got ${values.rows}`);
const apps = Object.fromEntries(
  (values.app ?? []).map((pair) => {
    const colon = pair.indexOf(':');
    if (colon < 1) throw new Error('--app takes APP_ID:APP_SECRET');
    return [pair.slice(0, colon), pair.slice(colon + 1)];
  }),
);

const mock = await startMockKooDrive({
  port,
  host: values.host,
  state: makeMockState({ quotas: rows }),
  ...(values.token ? { tokens: values.token } : {}),
  ...(values.app ? { apps } : {}),
});
console.log(`mock KooDrive listening on ${mock.url}`);
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
