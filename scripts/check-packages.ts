/**
 * `pnpm check:packages`: what a publish would ship, checked as consumers will see it: publint
 * (package.json, exports, files) and Are the Types Wrong (types resolve under node16 and bundler;
 * the packages are ESM only, so CommonJS resolutions are not expected to work).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.ts';

const PACKAGES = ['types', 'client', 'testing', 'transfer'];
const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);

let failed = false;
for (const name of PACKAGES) {
  const dir = join(repoRoot, 'packages', name);
  const checks: [string, string[]][] = [
    ['publint', ['--strict']],
    // openapi.yaml is a data file, not a module to resolve types for.
    [
      'attw',
      ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', './openapi.yaml', '--format', 'table-flipped'],
    ],
  ];
  for (const [tool, args] of checks) {
    try {
      execFileSync(bin(tool), args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
      console.log(`${tool} @koodrive/${name}: ok`);
    } catch (error) {
      failed = true;
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      console.error(`${tool} @koodrive/${name}: failed\n${stdout}${stderr}`);
    }
  }
}
process.exit(failed ? 1 : 0);
