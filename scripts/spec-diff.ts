/**
 * `pnpm spec:diff [git-ref]`: what the spec's change since a ref means for consumers, and a gate.
 * Compares the bundled spec committed at the ref (default: the last release tag of
 * @koodrive/types, else the previous commit) with the one in the working tree, prints each change
 * as breaking or additive, and fails when a change is breaking but no pending changeset declares a
 * major bump of @koodrive/types.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledSpec, repoRoot } from './lib/paths.ts';
import { diffSpecs } from './lib/spec-diff.ts';

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function defaultRef(): string {
  try {
    return git('describe', '--tags', '--abbrev=0', '--match', '@koodrive/types@*');
  } catch {
    return 'HEAD~1';
  }
}

function specAt(ref: string): Record<string, unknown> | undefined {
  try {
    return parse(git('show', `${ref}:${bundledSpec}`));
  } catch {
    return undefined;
  }
}

/** Whether a pending changeset bumps @koodrive/types by a major version. */
function majorChangesetForTypes(): boolean {
  const dir = join(repoRoot, '.changeset');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .some((file) =>
      /^\s*["']?@koodrive\/types["']?\s*:\s*major\s*$/m.test(
        readFileSync(join(dir, file), 'utf8').split('---')[1] ?? '',
      ),
    );
}

const ref = process.argv[2] ?? defaultRef();
const before = specAt(ref);
if (!before) {
  console.log(`no bundled spec at ${ref}: nothing to compare`);
  process.exit(0);
}
const after = parse(readFileSync(join(repoRoot, bundledSpec), 'utf8'));
const changes = diffSpecs(before, after);
const breaking = changes.filter((change) => change.kind === 'breaking');
for (const change of changes) console.log(`${change.kind.padEnd(8)} ${change.where}: ${change.what}`);
const verdict = breaking.length ? 'breaking' : changes.length ? 'additive' : 'none';
console.log(
  `spec change since ${ref}: ${verdict} (${breaking.length} breaking, ${changes.length - breaking.length} additive)`,
);
if (breaking.length && !majorChangesetForTypes()) {
  console.error(
    'The change is breaking, but no changeset declares a major bump of @koodrive/types: run `pnpm changeset`.',
  );
  process.exit(1);
}
