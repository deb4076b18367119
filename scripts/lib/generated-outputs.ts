/**
 * Everything `pnpm generate` derives from the bundled spec, as repository paths and their contents:
 * one list, written by generate-types.ts and compared by check-drift.ts, so an output added here
 * is both generated and checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listOperations, type Spec } from './operation-facts.ts';
import { generatedClientDir, generatedDir, generatedFixturesDir, repoRoot } from './paths.ts';
import { renderClientFiles } from './render-client.ts';
import {
  renderGeneratedFiles,
  renderOperationsTable,
  renderTestingFiles,
  withOperationsTable,
  withSpecVersion,
} from './render-types.ts';

export interface GeneratedOutputs {
  /** Repository path → content. */
  files: Record<string, string>;
  /** Folders that hold nothing but generated files: anything else in them is stale. */
  generatedDirs: string[];
}

const PARTLY_GENERATED = { readme: 'README.md', typesManifest: 'packages/types/package.json' };

export async function renderGeneratedOutputs(bundle: string): Promise<GeneratedOutputs> {
  const files: Record<string, string> = {};
  const add = (dir: string, rendered: Record<string, string>) => {
    for (const [name, content] of Object.entries(rendered)) files[join(dir, name)] = content;
  };
  add(generatedDir, await renderGeneratedFiles(bundle));
  add(generatedFixturesDir, renderTestingFiles(bundle));
  add(generatedClientDir, renderClientFiles(listOperations(parse(bundle) as Spec)));
  const current = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
  files[PARTLY_GENERATED.readme] = withOperationsTable(current(PARTLY_GENERATED.readme), renderOperationsTable(bundle));
  files[PARTLY_GENERATED.typesManifest] = withSpecVersion(current(PARTLY_GENERATED.typesManifest), bundle);
  return { files, generatedDirs: [generatedDir, generatedFixturesDir, generatedClientDir] };
}

/** Every file under a generated folder, as repository paths (missing folders have none). */
export function filesUnder(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(repoRoot, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
