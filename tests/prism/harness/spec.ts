/**
 * The spec the contract tests judge: @koodrive/types' bundle, read when the tests start, so that
 * every operation added to the spec is called without a change here. `KOODRIVE_PRISM_SPEC` names
 * another bundle (e.g. one made from the split spec before `pnpm generate`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { bundledSpec, repoRoot } from '../../../scripts/lib/paths.ts';
import { listOperations, type SpecDocument } from '../../../scripts/lib/spec-operations.ts';

/** The file given to Prism. */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: the Prism tests run outside turbo
export const specPath = resolve(repoRoot, process.env.KOODRIVE_PRISM_SPEC ?? bundledSpec);
/** The parsed spec. */
export const document = parse(readFileSync(specPath, 'utf8')) as SpecDocument;
/** Every operation of the spec. */
export const operations = listOperations(document);

/** The document without `format: int64` on integers, deep-copied. */
function withoutInt64Format(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutInt64Format);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  const types = (node as { type?: unknown }).type;
  const integer = types === 'integer' || (Array.isArray(types) && types.includes('integer'));
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && value === 'int64' && integer) continue;
    copy[key] = withoutInt64Format(value);
  }
  return copy;
}

/**
 * The spec for Prism's validating proxy, written to a temporary file: the bundle without
 * `format: int64`. Prism checks int64 as a JavaScript number and reports every integer beyond
 * ±(2^53 − 1) as out of range, so the mock's exact 19-digit Longs (valid int64 values) would be
 * refused; they are still checked as integers. Exact int64 reading is the dynamic mode's property test.
 * `remove` deletes the file.
 */
export function specForProxy(): { file: string; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'koodrive-prism-'));
  const file = join(directory, 'koodrive-proxy.yaml');
  writeFileSync(file, stringify(withoutInt64Format(document)));
  return { file, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
