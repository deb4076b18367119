/**
 * `pnpm docs:draft FILE [--name OperationId] [--write] [--spec DIR]`: drafts the spec file of an
 * operation from its reference page (HTML or a text copy). Prints the draft; with --write, puts it
 * at spec/paths/<group>/<OperationId>.yaml (never over an existing file). Either way it says which
 * line to add to spec/openapi.yaml.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths.ts';
import { draftOperation } from './drafter.ts';
import { readPage } from './read-page.ts';
import { loadSpec } from './spec-reader.ts';

const usage = 'usage: pnpm docs:draft FILE [--name OperationId] [--write] [--spec DIR]';
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: { name: { type: 'string' }, write: { type: 'boolean', default: false }, spec: { type: 'string' } },
    allowPositionals: true,
  });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(64);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length) {
  console.error(usage);
  process.exit(64);
}
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by pnpm to where it was called from, not a build input
const cwd = process.env.INIT_CWD ?? process.cwd();
const specDir = parsed.values.spec ? resolve(cwd, parsed.values.spec) : join(repoRoot, 'spec');
try {
  const spec = loadSpec(specDir);
  const page = readPage(readFileSync(resolve(cwd, file), 'utf8'), file);
  const draft = draftOperation(page, spec, parsed.values.name);
  const existing = spec.operations.find((op) => op.operationId === draft.operationId);
  if (existing) console.error(`note: the spec has ${draft.operationId} already (spec/${existing.file})`);
  const target = join(specDir, 'paths', draft.folder, `${draft.operationId}.yaml`);
  if (parsed.values.write) {
    if (existsSync(target)) throw new Error(`${relative(cwd, target)} exists; not overwriting it`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, draft.yaml);
    console.error(`wrote ${relative(cwd, target)}`);
  } else {
    process.stdout.write(draft.yaml);
  }
  console.error(
    `add to spec/openapi.yaml under paths:\n  ${page.path}:\n    ${page.method?.toLowerCase()}:\n      $ref: paths/${draft.folder}/${draft.operationId}.yaml`,
  );
  if (draft.unclear.length) console.error(`${draft.unclear.length} unclear point(s), listed at the top of the draft`);
} catch (error) {
  console.error(`docs:draft: ${(error as Error).message}`);
  process.exit(1);
}
