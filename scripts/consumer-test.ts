/**
 * `pnpm test:consumer`: installs the packages as a consumer would and uses them, to catch what
 * workspace links hide (a file left out of `files`, a wrong `exports` path, a dependency kept in
 * devDependencies). Packs the three packages with pnpm, installs the tarballs with plain npm into a
 * fresh project outside the workspace, type-checks scripts/consumer/consumer.ts under
 * moduleResolution node16 and bundler, then runs it against the packed mock KooDrive. Then runs
 * scripts/consumer/runtimes.ts with the same installed packages in Bun and Deno (pinned
 * devDependencies), each against a fresh mock KooDrive started by Node from the packed bin.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockCli } from './lib/mock-process.ts';
import { repoRoot } from './lib/paths.ts';

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error' },
  });

/** Starts the packed mock KooDrive's bin under Node. */
const startPackedMock = (project: string) =>
  startMockCli(join(project, 'node_modules/@koodrive/testing/dist/cli.js'), [
    ...['--rows', '12', '--token', 'runtime-token', '--app', 'runtime-app:runtime-secret'],
  ]);

// Bun and Deno, as installed from the npm registry; they send nothing home and check for no update.
const runtimes = {
  bun: [join(repoRoot, 'node_modules/.bin/bun'), 'runtimes.ts'],
  deno: [join(repoRoot, 'node_modules/.bin/deno'), 'run', '--allow-net', '--allow-read', '--allow-env', 'runtimes.ts'],
} as const;
const runtimeEnv = { DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1' };

const project = mkdtempSync(join(tmpdir(), 'koodrive-consumer-'));
try {
  for (const name of ['types', 'client', 'testing'])
    run('pnpm', ['pack', '--pack-destination', project], join(repoRoot, 'packages', name));
  const tarballs = readdirSync(project).filter((file) => file.endsWith('.tgz'));
  console.log(`packed: ${tarballs.join(', ')}`);

  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'koodrive-consumer', private: true, type: 'module' }),
  );
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      ...tarballs.map((file) => `./${file}`),
      'msw@^2.7',
      'typescript@~5.9.3',
      '@types/node@^20',
    ],
    project,
  );
  copyFileSync(join(repoRoot, 'scripts/consumer/consumer.ts'), join(project, 'consumer.ts'));
  copyFileSync(join(repoRoot, 'scripts/consumer/runtimes.ts'), join(project, 'runtimes.ts'));

  const base = {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    skipLibCheck: false,
  };
  const configs = {
    'tsconfig.node16.json': { ...base, module: 'node16', moduleResolution: 'node16', outDir: 'out' },
    'tsconfig.bundler.json': { ...base, module: 'preserve', moduleResolution: 'bundler', noEmit: true },
  };
  for (const [file, compilerOptions] of Object.entries(configs)) {
    writeFileSync(join(project, file), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    run(join(project, 'node_modules/.bin/tsc'), ['-p', file], project);
    console.log(`type-checks under ${compilerOptions.moduleResolution}`);
  }

  const result = JSON.parse(run(process.execPath, ['out/consumer.js'], project)) as Record<string, unknown>;
  const expected = { rows: 12, created: '1505084218764547299', missingSpaceCode: 13000301, fixture: 'success' };
  for (const [key, value] of Object.entries(expected)) {
    if (result[key] !== value)
      throw new Error(`the consumer got ${key} = ${JSON.stringify(result[key])}, expected ${JSON.stringify(value)}`);
  }
  if (!((result.operations as number) >= 18 && (result.mswHandlers as number) >= 18))
    throw new Error(`too few operations: ${JSON.stringify(result)}`);
  console.log(`ran against the packed mock KooDrive: ${JSON.stringify(result)}`);

  const expectedInRuntimes = {
    tokenRows: 5,
    appRows: 12,
    created: '1505084218764547299',
    missingSpaceCode: 13000301,
    aborted: true,
    webCryptoAgrees: true,
  };
  for (const [name, [binary, ...args]] of Object.entries(runtimes)) {
    const mock = await startPackedMock(project);
    try {
      const output = execFileSync(binary, [...args, mock.url], {
        cwd: project,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...runtimeEnv },
      });
      const seen = JSON.parse(output) as Record<string, unknown>;
      for (const [key, value] of Object.entries(expectedInRuntimes)) {
        if (seen[key] !== value)
          throw new Error(`in ${name}, ${key} = ${JSON.stringify(seen[key])}, expected ${JSON.stringify(value)}`);
      }
      console.log(`runs in ${seen.runtime} (${seen.cryptoKind} signing; WebCrypto agrees)`);
    } finally {
      mock.stop();
    }
  }
} catch (error) {
  const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
  console.error(`consumer test failed: ${(error as Error).message}\n${stdout}${stderr}`);
  process.exitCode = 1;
} finally {
  rmSync(project, { recursive: true, force: true });
}
