/** `pnpm generate`: bundles the spec (done by the npm script before this) and writes @koodrive/types' generated files. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSpec, generatedDir, repoRoot } from './lib/paths.ts';
import { renderGeneratedFiles } from './lib/render-types.ts';

const files = await renderGeneratedFiles(readFileSync(join(repoRoot, bundledSpec), 'utf8'));
const outDir = join(repoRoot, generatedDir);
mkdirSync(outDir, { recursive: true });
for (const stale of readdirSync(outDir)) if (!(stale in files)) rmSync(join(outDir, stale));
for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
console.log(`wrote ${Object.keys(files).length} files to ${generatedDir}`);
