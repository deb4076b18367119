import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.ts';

/** Everything a command printed, stdout and stderr together. */
function printed(command: string, args: string[]): string {
  const { stdout, stderr } = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  return `${stdout}${stderr}`;
}

const NOTICE = 'Node.js 20 support is ending';

describe('Redocly CLI through scripts/redocly.ts', () => {
  it('says what it checked, without the Node 20 notice Redocly prints on every run', { timeout: 60_000 }, () => {
    const lint = ['lint', 'spec/openapi.yaml'];
    const quiet = printed(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'scripts/redocly.ts'), ...lint]);
    expect(quiet).toContain('Your API description is valid');
    expect(quiet).not.toContain(NOTICE);
    if (process.versions.node.startsWith('20.')) {
      expect(printed(join(repoRoot, 'node_modules/.bin/redocly'), lint)).toContain(NOTICE);
    }
  });
});
