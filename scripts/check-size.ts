/**
 * `pnpm check:size`: @koodrive/client's browser entry, minified and gzipped with everything it
 * imports (openapi-fetch included), measured by size-limit (.size-limit.cjs) against openapi-fetch
 * alone. The entry leaves out the app-signature signer, which a client loads on demand. The gate
 * holds the client to what it adds today, so growth is noticed; the release issue's goal of at most
 * 4 kB more than openapi-fetch is printed beside it and not met yet.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.ts';

const GATE_BYTES = 6_500;
const GOAL_BYTES = 4_096;

const output = execFileSync(join(repoRoot, 'node_modules/.bin/size-limit'), ['--json'], {
  cwd: repoRoot,
  encoding: 'utf8',
});
const sizes = Object.fromEntries(
  (JSON.parse(output) as { name: string; size: number }[]).map(({ name, size }) => [name, size]),
);
const fetchSize = sizes['openapi-fetch'] ?? Number.NaN;
const clientSize = sizes['@koodrive/client'] ?? Number.NaN;
const withAppAuth = sizes['@koodrive/client with app authentication'] ?? Number.NaN;
const added = clientSize - fetchSize;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

console.log(`openapi-fetch: ${kB(fetchSize)}; @koodrive/client browser entry: ${kB(clientSize)} (adds ${kB(added)})`);
console.log(`with the app signer loaded as well: ${kB(withAppAuth)} (adds ${kB(withAppAuth - fetchSize)})`);
console.log(`gate: adds at most ${kB(GATE_BYTES)}: ${added <= GATE_BYTES ? 'ok' : 'EXCEEDED'}`);
console.log(`goal: adds at most ${kB(GOAL_BYTES)}: ${added <= GOAL_BYTES ? 'met' : 'not met yet'}`);
process.exit(Number.isNaN(added) || added > GATE_BYTES ? 1 : 0);
