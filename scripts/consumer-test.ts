/**
 * `pnpm test:consumer`: installs the packages as a consumer would and uses them, to catch what
 * workspace links hide (a file left out of `files`, a wrong `exports` path, a dependency kept in
 * devDependencies, one that should be optional). Packs the four packages with pnpm and installs the
 * tarballs with plain npm into a fresh project outside the workspace, then:
 * 1. without msw: checks that neither msw nor openapi-msw came along (only `@koodrive/testing/msw`
 *    needs them) and that the packed `mock-koodrive` bin serves;
 * 2. with msw and openapi-msw added: type-checks scripts/consumer/consumer.ts and runtimes.ts under
 *    moduleResolution node16 and bundler, and runs consumer.ts (client and in-process mock) on
 *    Node 20, 22 and 24;
 * 3. runs runtimes.ts (calls, signatures, a transfer round trip) on Node 20, 22 and 24, Bun and
 *    Deno, each against a fresh packed mock started by the packed bin (under the same Node for the
 *    Node runs, Node 20 for Bun and Deno).
 * Node 22 and 24, Bun and Deno are pinned devDependencies from the npm registry.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockCli } from './lib/mock-process.ts';
import { repoRoot } from './lib/paths.ts';

const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error', ...env },
  });

const npmInstall = (project: string, specs: string[]) =>
  run('npm', ['install', '--no-audit', '--no-fund', ...specs], project);

/** Node 20 is the one running this script; 22 and 24 come from scripts/consumer/node-versions. */
const nodeVersions = {
  'Node 20': process.execPath,
  'Node 22': join(repoRoot, 'scripts/consumer/node-versions/node_modules/node22/bin/node'),
  'Node 24': join(repoRoot, 'scripts/consumer/node-versions/node_modules/node24/bin/node'),
};

// Bun and Deno, as installed from the npm registry; they send nothing home and check for no update.
const otherRuntimes = {
  Bun: [join(repoRoot, 'node_modules/.bin/bun'), 'runtimes.ts'],
  Deno: [join(repoRoot, 'node_modules/.bin/deno'), 'run', '--allow-net', '--allow-read', '--allow-env', 'runtimes.ts'],
} as const;
const runtimeEnv = { DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1' };

/** Starts the packed mock KooDrive's bin, as a user's `npx mock-koodrive` would, under `node`. */
const startPackedMock = (project: string, args: string[], node?: string) =>
  startMockCli(join(project, 'node_modules/.bin/mock-koodrive'), args, node);

function expectFields(where: string, seen: Record<string, unknown>, expected: Record<string, unknown>) {
  for (const [key, value] of Object.entries(expected)) {
    if (seen[key] !== value)
      throw new Error(`${where}: ${key} = ${JSON.stringify(seen[key])}, expected ${JSON.stringify(value)}`);
  }
}

const project = mkdtempSync(join(tmpdir(), 'koodrive-consumer-'));
try {
  for (const [name, binary] of Object.entries(nodeVersions)) {
    if (!existsSync(binary))
      throw new Error(`${name} is missing at ${binary}: run pnpm install (scripts/consumer/node-versions pins it)`);
  }
  for (const name of ['types', 'client', 'testing', 'transfer'])
    run('pnpm', ['pack', '--pack-destination', project], join(repoRoot, 'packages', name));
  const tarballs = readdirSync(project).filter((file) => file.endsWith('.tgz'));
  console.log(`packed: ${tarballs.join(', ')}`);

  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'koodrive-consumer', private: true, type: 'module' }),
  );

  // 1. The packages alone: msw stays out, the main entry and the bin work without it.
  npmInstall(project, [...tarballs.map((file) => `./${file}`), 'typescript@~5.9.3', '@types/node@^20']);
  const pulledIn = ['msw', 'openapi-msw'].filter((name) => existsSync(join(project, 'node_modules', name)));
  if (pulledIn.length > 0)
    throw new Error(
      `installing the packages installed ${pulledIn.join(' and ')}: only @koodrive/testing/msw needs them`,
    );
  const bare = await startPackedMock(project, ['--rows', '3', '--token', 'bare-token']);
  try {
    const response = await fetch(`${bare.url}/koodrive/ose/v1/space/usage/quota`, {
      headers: {
        authorization: 'Bearer bare-token',
        'x-user-id': '1505084218764547200',
        'x-date': '20251103T070140Z',
        'x-traceid': 'b'.repeat(58),
        language: 'en-US',
      },
    });
    expectFields('the packed mock-koodrive bin, without msw', (await response.json()) as Record<string, unknown>, {
      code: 0,
      total: 3,
    });
  } finally {
    bare.stop();
  }
  console.log('installs without msw or openapi-msw; the packed mock-koodrive bin serves');

  // 2. With MSW, as a user of @koodrive/testing/msw installs it.
  npmInstall(project, ['msw@^2.7', 'openapi-msw@^1.3']);
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
    writeFileSync(join(project, file), JSON.stringify({ compilerOptions, files: ['consumer.ts', 'runtimes.ts'] }));
    run(join(project, 'node_modules/.bin/tsc'), ['-p', file], project);
    console.log(`type-checks under ${compilerOptions.moduleResolution}`);
  }

  const expectedOfConsumer = {
    rows: 12,
    created: '1505084218764547299',
    missingSpaceCode: 13000301,
    fixture: 'success',
    transferred: true,
  };
  for (const [name, node] of Object.entries(nodeVersions)) {
    const result = JSON.parse(run(node, ['out/consumer.js'], project)) as Record<string, unknown>;
    expectFields(`the consumer on ${name}`, result, expectedOfConsumer);
    if (!((result.operations as number) >= 18 && (result.mswHandlers as number) >= 18))
      throw new Error(`too few operations on ${name}: ${JSON.stringify(result)}`);
    console.log(`${name} (${run(node, ['--version'], project).trim()}): ran against the packed mock KooDrive`);
  }

  // 3. The client's runtime-dependent parts (fetch, timers, AbortSignal, the signer's dynamic import, crypto).
  const expectedInRuntimes = {
    tokenRows: 5,
    appRows: 12,
    created: '1505084218764547299',
    missingSpaceCode: 13000301,
    aborted: true,
    webCryptoAgrees: true,
    uploadedParts: 2,
    downloadedBytes: 5 * 1024 * 1024 + 4096,
  };
  const mockArgs = [
    ...['--rows', '12', '--token', 'runtime-token', '--app', 'runtime-app:runtime-secret'],
    ...['--user-space', '1505084218764547200'],
  ];
  const runs: { name: string; command: readonly string[]; mockNode?: string }[] = [
    ...Object.entries(nodeVersions).map(([name, node]) => ({
      name,
      command: [node, 'out/runtimes.js'],
      mockNode: node,
    })),
    ...Object.entries(otherRuntimes).map(([name, command]) => ({ name, command })),
  ];
  for (const { name, command, mockNode } of runs) {
    const [binary, ...args] = command as [string, ...string[]];
    const mock = await startPackedMock(project, mockArgs, mockNode);
    try {
      const seen = JSON.parse(run(binary, [...args, mock.url], project, runtimeEnv)) as Record<string, unknown>;
      expectFields(`in ${name}`, seen, expectedInRuntimes);
      console.log(
        `runs in ${seen.runtime} (${seen.cryptoKind} signing; WebCrypto agrees; a 2-part upload and its download)`,
      );
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
