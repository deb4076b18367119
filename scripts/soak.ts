/**
 * `pnpm soak`: thousands of calls through @koodrive/client against the mock KooDrive in another
 * process, which injects faults at set rates (503 with and without Retry-After, resets, hung and
 * cut-off answers, HTML 502s, clock skew for app signatures, expired session tokens, refused
 * credentials). Token, session and app-signed clients; every call of a round sharing one
 * AbortSignal, some rounds aborted half-way, some calls aborted on their own.
 *
 * Checks, and exits 1 when one fails: each call ended in data or a typed error within its bound;
 * retries exactly where the README's rules allow, per fault the mock reports; no unhandled
 * rejection; no process warning; at most one listener on a shared signal; heap and handles back
 * to where they started; the process exits by itself.
 *
 *   pnpm soak --short        about 30 s (the test command runs it)
 *   pnpm soak --minutes 10   a long run before a release, with its memory curve
 *
 * This launcher bundles the soak (lib/soak-main.ts) with esbuild, the packages left as imports of
 * their built `dist`, and runs it with plain `node --expose-gc`: under tsx every dynamic import the
 * client makes would go through the loader's worker thread, which a real server does not pay for.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './lib/paths.ts';

/** Longer than any run takes: a soak that hangs fails instead. */
const HARD_LIMIT_MS = { short: 3 * 60_000, extraForLong: 3 * 60_000 };

const outfile = join(repoRoot, 'node_modules/.cache/koodrive-soak/soak-main.mjs');
await build({
  entryPoints: [join(repoRoot, 'scripts/lib/soak-main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

const args = process.argv.slice(2);
const minutes = Number(args[args.indexOf('--minutes') + 1]);
const limitMs =
  args.includes('--minutes') && minutes > 0 ? minutes * 60_000 + HARD_LIMIT_MS.extraForLong : HARD_LIMIT_MS.short;
const mockCli = join(repoRoot, 'packages/testing/dist/cli.js');
const child = spawn(process.execPath, ['--expose-gc', outfile, ...args, '--mock-cli', mockCli], { stdio: 'inherit' });
const limit = setTimeout(() => {
  console.error(`soak: FAIL it did not finish within ${Math.round(limitMs / 60_000)} minutes`);
  // SIGTERM first: the soak then stops its mock KooDrive process.
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
}, limitMs);
child.on('exit', (code, signal) => {
  clearTimeout(limit);
  process.exitCode = code ?? (signal ? 1 : 0);
});
