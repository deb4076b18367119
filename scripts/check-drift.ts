/**
 * `pnpm check:drift`: fails when the committed bundle or anything derived from it differs from what
 * the spec produces now, so nobody edits generated files by hand or forgets `pnpm generate`.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSpec } from './lib/bundle-spec.ts';
import { filesUnder, renderGeneratedOutputs } from './lib/generated-outputs.ts';
import { bundledSpec, repoRoot } from './lib/paths.ts';

const readIfExists = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

const freshBundle = bundleSpec(join(mkdtempSync(join(tmpdir(), 'koodrive-drift-')), 'koodrive.yaml'));
const { files, generatedDirs } = await renderGeneratedOutputs(freshBundle);
const expected: Record<string, string> = { [bundledSpec]: freshBundle, ...files };

const drifted = Object.entries(expected)
  .filter(([file, content]) => readIfExists(join(repoRoot, file)) !== content)
  .map(([file]) => file);
const extra = generatedDirs.flatMap(filesUnder).filter((file) => !(file in expected));

if (drifted.length > 0 || extra.length > 0) {
  for (const file of drifted) console.error(`out of date: ${file}`);
  for (const file of extra) console.error(`not generated from the spec: ${file}`);
  console.error('The generated files do not match spec/. Run `pnpm generate` and commit the result.');
  process.exit(1);
}
console.log(`generated files match the spec (${Object.keys(expected).length} files)`);
