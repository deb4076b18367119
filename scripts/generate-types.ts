/**
 * `pnpm generate`: bundles the spec (done by the npm script before this), then writes what it
 * derives from it: the generated files of @koodrive/types and @koodrive/testing, the operations
 * table in README.md and the spec version in @koodrive/types' package.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder, renderGeneratedOutputs } from './lib/generated-outputs.ts';
import { bundledSpec, repoRoot } from './lib/paths.ts';

const { files, generatedDirs } = await renderGeneratedOutputs(readFileSync(join(repoRoot, bundledSpec), 'utf8'));
for (const file of generatedDirs.flatMap(filesUnder)) if (!(file in files)) rmSync(join(repoRoot, file));
for (const [file, content] of Object.entries(files)) {
  mkdirSync(dirname(join(repoRoot, file)), { recursive: true });
  writeFileSync(join(repoRoot, file), content);
}
console.log(`wrote ${Object.keys(files).length} files derived from the spec`);
