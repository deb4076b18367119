/**
 * What a consumer's type check costs: `tsc --extendedDiagnostics` on a file making six identical
 * calls, through @koodrive/client and through bare openapi-fetch typed with the same `paths`, for a
 * spec of any size (the real one, or one grown by `syntheticSpec`). Both consumers compile against
 * declaration files with skipLibCheck, as an app does against installed packages, so the counts are
 * the calls' own work.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Spec } from './operation-facts.ts';
import { repoRoot } from './paths.ts';
import { materializeVariant } from './spec-variant.ts';

const tsc = join(repoRoot, 'node_modules/.bin/tsc');
const openapiFetchTypes = join(repoRoot, 'packages/client/node_modules/openapi-fetch/dist/index.d.mts');

const COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: true,
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  typeRoots: [join(repoRoot, 'node_modules/@types')],
  types: ['node'],
};

function writeJson(file: string, value: unknown) {
  writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Emits the declarations of the variant's @koodrive/types and @koodrive/client. */
function emitDeclarations(root: string) {
  writeJson(join(root, 'tsconfig.decl.json'), {
    compilerOptions: {
      ...COMPILER_OPTIONS,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: root,
      outDir: join(root, 'decl'),
      paths: { '@koodrive/types': ['./types/index.ts'], 'openapi-fetch': [openapiFetchTypes] },
    },
    files: [join(root, 'types/index.ts'), join(root, 'client/src/index.ts')],
  });
  try {
    execFileSync(tsc, ['-p', join(root, 'tsconfig.decl.json')], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`declarations failed:\n${(error as { stdout?: string }).stdout}`);
  }
}

/** Type instantiations of checking one consumer file. */
function instantiations(root: string, name: string, source: string): number {
  const dir = join(root, 'consumer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.ts`), source);
  writeJson(join(dir, `tsconfig.${name}.json`), {
    compilerOptions: {
      ...COMPILER_OPTIONS,
      noEmit: true,
      paths: {
        '@koodrive/types': [join(root, 'decl/types/index.d.ts')],
        '@koodrive/client': [join(root, 'decl/client/src/index.d.ts')],
        'openapi-fetch': [openapiFetchTypes],
      },
    },
    files: [join(dir, `${name}.ts`)],
  });
  const output = execFileSync(tsc, ['-p', join(dir, `tsconfig.${name}.json`), '--extendedDiagnostics'], {
    encoding: 'utf8',
  });
  const count = /Instantiations:\s+(\d+)/.exec(output)?.[1];
  if (count === undefined) throw new Error(`tsc printed no instantiation count for ${name}:\n${output}`);
  return Number(count);
}

const CALLS = 6;
const QUOTA = '/koodrive/ose/v1/space/usage/quota';

/** Instantiations of six identical calls through the client and through bare openapi-fetch, for `spec`. */
export async function typeCheckCost(spec: Spec): Promise<{ client: number; bare: number }> {
  const variant = await materializeVariant(spec);
  try {
    emitDeclarations(variant.root);
    const repeat = (line: string) => Array.from({ length: CALLS }, () => `  ${line}`).join('\n');
    const client = instantiations(
      variant.root,
      'client',
      [
        "import { createKooDriveClient } from '@koodrive/client';",
        "const kd = createKooDriveClient({ userId: '1', auth: { type: 'token', token: 't' } });",
        'export async function run() {',
        repeat(`await kd.GET('${QUOTA}', { params: { query: { limit: 10 } } });`),
        '}',
      ].join('\n'),
    );
    const bare = instantiations(
      variant.root,
      'bare',
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from '@koodrive/types';",
        "const client = createClient<paths>({ baseUrl: 'https://intl.myhuaweicloud-koodrive.com' });",
        "const header = { 'X-User-Id': '1', 'X-Date': '20251103T070140Z', Host: 'h' };",
        'export async function run() {',
        repeat(`await client.GET('${QUOTA}', { params: { query: { limit: 10 }, header } });`),
        '}',
      ].join('\n'),
    );
    return { client, bare };
  } finally {
    variant.remove();
  }
}
