/**
 * Prints one closing line for all vitest runs (the packages' and the scripts'), `Tests: N passed, N failed, N skipped`,
 * from the JSON reports they wrote, and fails when any test failed or none ran.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/paths.ts';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

// Every suite of the test command: each package with tests, the scripts', and each suite under tests/.
const suitesIn = (dir: string, marker: string) =>
  readdirSync(join(repoRoot, dir))
    .filter((name) => existsSync(join(repoRoot, dir, name, marker)))
    .map((name) => `${dir}/${name}`);
const reports = [...suitesIn('packages', 'test'), 'scripts', ...suitesIn('tests', 'vitest.config.ts')];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of reports) {
  const file = join(repoRoot, dir, 'test-results.json');
  if (!existsSync(file)) {
    console.error(`no test report in ${dir}: did its tests run?`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
