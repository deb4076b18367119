/**
 * A throw-away copy of the workspace, for tests that version, generate and publish without
 * touching the real one: the files git would see (tracked and untracked, not ignored), the
 * packages' own node_modules links (which point at the copy's packages and the store), and the
 * root's node_modules as a link to the real one (tools only). The copy is a git repository of its
 * own with one commit, so changesets can tag it and spec:diff can compare against the tag.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=registry-test', '-c', 'user.email=registry-test@localhost', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

export function copyWorkspace(target: string): void {
  const files = git(repoRoot, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter((file) => file && existsSync(join(repoRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(target, file), { verbatimSymlinks: true });
  }
  for (const name of readdirSync(join(repoRoot, 'packages'))) {
    const modules = join(repoRoot, 'packages', name, 'node_modules');
    if (existsSync(modules))
      cpSync(modules, join(target, 'packages', name, 'node_modules'), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !/[/\\]\.vite(-temp)?$/.test(source),
      });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
  git(target, 'init', '-q', '-b', 'main');
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '-m', 'the workspace as the registry test found it');
}

/** Commits everything in the copy (changesets tags commits, spec:diff reads them). */
export const commitAll = (target: string, message: string) => {
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '--allow-empty', '-m', message);
};
