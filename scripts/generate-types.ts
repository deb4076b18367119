/**
 * `pnpm generate`: bundles the spec (done by the npm script before this), then writes the generated
 * files of @koodrive/types and @koodrive/testing and the operations table in README.md.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSpec, generatedDir, generatedFixturesDir, repoRoot } from './lib/paths.ts';
import {
  renderGeneratedFiles,
  renderOperationsTable,
  renderTestingFiles,
  withOperationsTable,
  withSpecVersion,
} from './lib/render-types.ts';

function writeDir(dir: string, files: Record<string, string>): void {
  const outDir = join(repoRoot, dir);
  mkdirSync(outDir, { recursive: true });
  for (const stale of readdirSync(outDir)) if (!(stale in files)) rmSync(join(outDir, stale));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
  console.log(`wrote ${Object.keys(files).length} files to ${dir}`);
}

const bundle = readFileSync(join(repoRoot, bundledSpec), 'utf8');
writeDir(generatedDir, await renderGeneratedFiles(bundle));
writeDir(generatedFixturesDir, renderTestingFiles(bundle));
const readme = join(repoRoot, 'README.md');
writeFileSync(readme, withOperationsTable(readFileSync(readme, 'utf8'), renderOperationsTable(bundle)));
console.log('wrote the operations table in README.md');
const typesManifest = join(repoRoot, 'packages/types/package.json');
writeFileSync(typesManifest, withSpecVersion(readFileSync(typesManifest, 'utf8'), bundle));
console.log('recorded the spec version in packages/types/package.json');
