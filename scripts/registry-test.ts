/**
 * `pnpm test:registry`: the documentation-to-consumer loop, once, end to end, against a real
 * registry. In a throw-away copy of the workspace (the real one's versions and changesets are
 * never touched):
 *
 * 1. release what is pending: `changeset version`, build, `changeset publish` to a Verdaccio on
 *    loopback; a consumer project outside the workspace installs @koodrive/client by a `^` range
 *    from it and type-checks;
 * 2. a reference page changes (a fixture page with a new optional query parameter): `docs:check`
 *    reports it as additive; the spec is edited and `docs:check` agrees; `pnpm generate`; `pnpm
 *    spec:diff` classifies the change as additive; a changeset bumps @koodrive/types a minor;
 *    `changeset version`, build, `changeset publish`;
 * 3. the consumer, whose code uses the new parameter and does not type-check against the first
 *    release, runs `npm update`, gets the new versions within its range, and type-checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { repoRoot } from './lib/paths.ts';
import { type LocalRegistry, startVerdaccio } from './lib/verdaccio.ts';
import { commitAll, copyWorkspace } from './lib/workspace-copy.ts';

const started = Date.now();
const step = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

const root = mkdtempSync(join(tmpdir(), 'koodrive-registry-'));
const work = join(root, 'workspace');
const consumer = join(root, 'consumer');
const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);
let registry: LocalRegistry | undefined;

/** Runs a command; on failure, throws with its output. `allowFail` returns the failure instead. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}, allowFail = false) {
  try {
    return {
      code: 0,
      out: execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env } }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    const out = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    if (allowFail) return { code: failed.status, out };
    throw new Error(`${command} ${args.join(' ')} failed (exit ${failed.status}) in ${cwd}:\n${out.slice(-4000)}`);
  }
}

function expect(condition: unknown, message: string): void {
  if (!condition) throw new Error(message);
}

const version = (pkg: string) =>
  (JSON.parse(readFileSync(join(work, 'packages', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** Builds the three packages as `pnpm build` does (types, then the two that depend on it). */
function build() {
  for (const pkg of ['types', 'client', 'testing'])
    run(bin('tsc'), ['-p', 'tsconfig.build.json'], join(work, 'packages', pkg));
}

try {
  registry = await startVerdaccio(join(root, 'registry'));
  // npm and pnpm read the registry and a token (Verdaccio lets anyone publish @koodrive/* here) from this file.
  const npmrc = join(root, 'npmrc');
  const host = registry.url.replace(/^http:/, '');
  writeFileSync(npmrc, `registry=${registry.url}\n${host}:_authToken=registry-test\n`);
  const publishEnv = { NPM_CONFIG_USERCONFIG: npmrc, npm_config_registry: registry.url, CI: 'true' };
  step(`Verdaccio 6.8.0 listens on ${registry.url}`);

  copyWorkspace(work);
  step(`workspace copied to ${work}`);

  // 1. The first release: whatever changesets are pending.
  run(bin('changeset'), ['version'], work, publishEnv);
  build();
  commitAll(work, 'release');
  const published = run(bin('changeset'), ['publish'], work, publishEnv).out;
  const first = { types: version('types'), client: version('client') };
  expect(
    published.includes(`@koodrive/client@${first.client}`),
    `changeset publish did not publish the client:\n${published}`,
  );
  step(`published @koodrive/types@${first.types} and @koodrive/client@${first.client}`);

  mkdirSync(consumer);
  writeFileSync(join(consumer, '.npmrc'), `@koodrive:registry=${registry.url}\n`);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify(
      {
        name: 'registry-consumer',
        private: true,
        type: 'module',
        dependencies: { '@koodrive/client': `^${first.client}` },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'node16',
        moduleResolution: 'node16',
        noEmit: true,
        lib: ['ES2022', 'DOM'],
        types: [],
        skipLibCheck: false,
      },
      files: ['consumer.ts'],
    }),
  );
  const consumerCode = (query: string) =>
    [
      "import { createKooDriveClient, unwrap } from '@koodrive/client';",
      "const kd = createKooDriveClient({ userId: '1505084218764547200', auth: { type: 'token', token: 'token' } });",
      `export const rows = unwrap(kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { query: ${query} } }));`,
      '',
    ].join('\n');
  writeFileSync(join(consumer, 'consumer.ts'), consumerCode('{ limit: 10, offset: 0 }'));
  run('npm', ['install', '--no-audit', '--no-fund', 'typescript@~5.9.3'], consumer, { npm_config_loglevel: 'error' });
  const installed = () =>
    JSON.parse(run('npm', ['ls', '--all', '--json', '@koodrive/client', '@koodrive/types'], consumer).out) as {
      dependencies: Record<string, { version: string; dependencies?: Record<string, { version: string }> }>;
    };
  const tsc = (allowFail = false) => run(join(consumer, 'node_modules/.bin/tsc'), ['-p', '.'], consumer, {}, allowFail);
  tsc();
  expect(
    installed().dependencies['@koodrive/client']?.version === first.client,
    'the consumer did not install the first release',
  );
  step(`consumer installed @koodrive/client@^${first.client} from the registry and type-checks`);

  // 2. A reference page changes.
  const changedPage = join(repoRoot, 'scripts/test/fixtures/docs/derived/GetSpaceUsageByQuota.parameter-added.txt');
  const report = run(bin('tsx'), ['scripts/docs/check.ts', '--page', changedPage], work, {}, true);
  expect(report.code === 1, `docs:check should exit 1 on the changed page:\n${report.out}`);
  expect(
    report.out.includes('parameters.query.keyWord: parameter added'),
    `docs:check did not report keyWord:\n${report.out}`,
  );
  step('docs:check reports: additive parameters.query.keyWord: parameter added');

  // The spec edit a maintainer makes from that report.
  const opFile = join(work, 'spec/paths/space/GetSpaceUsageByQuota.yaml');
  const doc = parseDocument(readFileSync(opFile, 'utf8'));
  const parameters = doc.get('parameters') as { items: unknown[] };
  parameters.items.splice(
    2,
    0,
    doc.createNode({
      name: 'keyWord',
      in: 'query',
      required: false,
      description: 'Keeps the rows whose quota matches (registry test).',
      schema: { type: 'string' },
    }),
  );
  writeFileSync(opFile, doc.toString());
  const agreed = run(bin('tsx'), ['scripts/docs/check.ts', '--page', changedPage], work, {}, true);
  expect(agreed.code === 0, `docs:check should agree after the spec edit:\n${agreed.out}`);

  run('pnpm', ['run', '--silent', 'generate'], work);
  step('spec edited; docs:check agrees; pnpm generate regenerated the bundle and the types');
  const diff = run('pnpm', ['run', '--silent', 'spec:diff'], work, {}, true);
  expect(diff.code === 0, `spec:diff failed:\n${diff.out}`);
  expect(
    /additive\s+GET \/koodrive\/ose\/v1\/space\/usage\/quota query keyWord: parameter added/.test(diff.out) &&
      /: additive \(0 breaking, 1 additive\)/.test(diff.out),
    `spec:diff should classify the change as additive:\n${diff.out}`,
  );
  step(`spec:diff: ${diff.out.trim().split('\n').at(-1)}`);

  writeFileSync(
    join(work, '.changeset/query-keyword.md'),
    "---\n'@koodrive/types': minor\n---\n\nGetSpaceUsageByQuota takes an optional `keyWord` query parameter, as its reference page now documents.\n",
  );
  run(bin('changeset'), ['version'], work, publishEnv);
  build();
  commitAll(work, 'release keyWord');
  run(bin('changeset'), ['publish'], work, publishEnv);
  const second = { types: version('types'), client: version('client') };
  expect(
    second.types !== first.types && second.client !== first.client,
    `nothing was bumped: ${JSON.stringify(second)}`,
  );
  step(`published @koodrive/types@${second.types} and @koodrive/client@${second.client}`);

  // 3. The consumer upgrades within its range.
  writeFileSync(join(consumer, 'consumer.ts'), consumerCode("{ limit: 10, offset: 0, keyWord: '100' }"));
  const before = tsc(true);
  expect(
    before.code !== 0 && before.out.includes('keyWord'),
    `the first release should not know keyWord:\n${before.out}`,
  );
  run('npm', ['update', '--no-audit', '--no-fund'], consumer, { npm_config_loglevel: 'error' });
  const now = installed().dependencies['@koodrive/client'];
  expect(now?.version === second.client, `npm update installed @koodrive/client@${now?.version}, not ${second.client}`);
  expect(
    now?.dependencies?.['@koodrive/types']?.version === second.types,
    `the upgrade did not bring @koodrive/types@${second.types}`,
  );
  tsc();
  step(
    `consumer upgraded to @koodrive/client@${second.client} (@koodrive/types@${second.types}) and type-checks with keyWord`,
  );
  console.log(`registry test passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  registry?.stop();
  rmSync(root, { recursive: true, force: true });
}
