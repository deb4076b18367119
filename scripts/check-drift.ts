/**
 * `pnpm check:drift`: fails when the committed bundle or generated types differ from what the spec
 * produces now, so nobody edits generated files by hand or forgets `pnpm generate`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSpec } from './lib/bundle-spec.ts';
import { bundledSpec, generatedDir, generatedFixturesDir, repoRoot } from './lib/paths.ts';
import {
  renderGeneratedFiles,
  renderOperationsTable,
  renderTestingFiles,
  withOperationsTable,
  withSpecVersion,
} from './lib/render-types.ts';

const readIfExists = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

const freshBundle = bundleSpec(join(mkdtempSync(join(tmpdir(), 'koodrive-drift-')), 'koodrive.yaml'));
const expected: Record<string, string> = { [bundledSpec]: freshBundle };
for (const [name, content] of Object.entries(await renderGeneratedFiles(freshBundle))) {
  expected[join(generatedDir, name)] = content;
}
for (const [name, content] of Object.entries(renderTestingFiles(freshBundle))) {
  expected[join(generatedFixturesDir, name)] = content;
}

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
expected['README.md'] = withOperationsTable(readme, renderOperationsTable(freshBundle));
const typesManifest = 'packages/types/package.json';
expected[typesManifest] = withSpecVersion(readFileSync(join(repoRoot, typesManifest), 'utf8'), freshBundle);

const drifted = Object.entries(expected)
  .filter(([file, content]) => readIfExists(join(repoRoot, file)) !== content)
  .map(([file]) => file);
const extra = [generatedDir, generatedFixturesDir]
  .flatMap((dir) => readdirSync(join(repoRoot, dir)).map((name) => join(dir, name)))
  .filter((file) => !(file in expected));

if (drifted.length > 0 || extra.length > 0) {
  for (const file of drifted) console.error(`out of date: ${file}`);
  for (const file of extra) console.error(`not generated from the spec: ${file}`);
  console.error('The generated files do not match spec/. Run `pnpm generate` and commit the result.');
  process.exit(1);
}
console.log(`generated files match the spec (${Object.keys(expected).length} files)`);
