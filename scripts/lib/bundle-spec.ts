/** Bundles the split spec into one file with Redocly CLI, the same command `pnpm spec:bundle` runs. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, specEntry } from './paths.ts';

export function bundleSpec(outputFile: string): string {
  execFileSync(resolve(repoRoot, 'node_modules/.bin/redocly'), ['bundle', specEntry, '--output', outputFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  return readFileSync(resolve(repoRoot, outputFile), 'utf8');
}
