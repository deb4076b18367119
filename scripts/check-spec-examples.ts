/**
 * Checks every example in the spec against its schema, straight from the split spec (bundled to a
 * temporary file), so that a spec edit can be checked before `pnpm generate`. The contract test in
 * @koodrive/testing checks the same on the generated bundle.
 *
 *   pnpm spec:examples [pointer-substring]     e.g. pnpm spec:examples files~1create
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { bundleSpec } from './lib/bundle-spec.ts';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function examplesIn(node: unknown, pointer: string, found: [string, string, unknown][]) {
  if (node === null || typeof node !== 'object') return found;
  const object = node as Json;
  if (pointer.startsWith('/components/schemas/') && pointer.split('/').length === 4 && Array.isArray(object.examples))
    for (const [index, value] of object.examples.entries())
      found.push([`${pointer}/examples/${index}`, pointer, value]);
  if (object.schema && object.examples && !Array.isArray(object.examples))
    for (const [name, example] of Object.entries(object.examples as Record<string, { value?: unknown }>))
      found.push([`${pointer}/examples/${name}`, `${pointer}/schema`, example.value]);
  for (const [key, child] of Object.entries(object)) examplesIn(child, `${pointer}/${escapePointer(key)}`, found);
  return found;
}

const directory = mkdtempSync(join(tmpdir(), 'koodrive-spec-'));
try {
  const document = parse(bundleSpec(join(directory, 'bundle.yaml'))) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(document, 'koodrive');
  const filter = process.argv[2] ?? '';
  let failures = 0;
  let checked = 0;
  for (const [where, schemaPointer, value] of examplesIn(document, '', [])) {
    if (!where.includes(filter)) continue;
    checked++;
    const validate = ajv.compile({ $ref: `koodrive#${schemaPointer}` });
    if (validate(value)) continue;
    failures++;
    console.log(`✗ ${where}`);
    for (const error of validate.errors ?? []) console.log(`    ${error.instancePath || '(root)'} ${error.message}`);
  }
  console.log(`${checked} examples checked, ${failures} invalid`);
  process.exitCode = failures ? 1 : 0;
} finally {
  rmSync(directory, { recursive: true, force: true });
}
