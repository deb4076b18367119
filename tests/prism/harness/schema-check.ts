/**
 * Checks a value against a schema of the spec with ajv (JSON Schema 2020-12), the schema's own
 * `$ref`s resolved in the document. Used to keep values taken from the mock's data only where the
 * spec allows them, so that a violation Prism reports is never one the test made up.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaNode, SpecDocument } from '../../../scripts/lib/spec-operations.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const DOCUMENT_ID = 'koodrive-spec';

function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${DOCUMENT_ID}${value}` : rebase(value),
    ]),
  );
}

/** `accepts(schema, value)`: whether the schema accepts the value, query-style (`"1"` is an integer). */
export function createSchemaCheck(document: SpecDocument) {
  const ajv = new Ajv2020({ strict: false, coerceTypes: true });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(document, DOCUMENT_ID);
  const compiled = new Map<SchemaNode, ReturnType<Ajv2020['compile']>>();
  return (schema: SchemaNode, value: unknown): boolean => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(rebase(schema) as object);
      compiled.set(schema, validate);
    }
    // Coercion may rewrite the value in place: check a copy.
    return validate(structuredClone(value)) === true;
  };
}
