/**
 * Checks a value against a schema of the spec with ajv (JSON Schema 2020-12), the schema's own
 * `$ref`s resolved in the document. Used to keep values taken from the mock's data only where the
 * spec allows them, so that a violation Prism reports is never one the test made up.
 */
import { createSpecAjv, withAbsoluteRefs } from '@koodrive/testing';
import type { SchemaNode, SpecDocument } from '../../../scripts/lib/spec-operations.ts';

/** `accepts(schema, value)`: whether the schema accepts the value, query-style (`"1"` is an integer). */
export function createSchemaCheck(document: SpecDocument) {
  const ajv = createSpecAjv({ coerceTypes: true }, document as Record<string, unknown>);
  const compiled = new Map<SchemaNode, ReturnType<typeof ajv.compile>>();
  return (schema: SchemaNode, value: unknown): boolean => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(withAbsoluteRefs(schema) as object);
      compiled.set(schema, validate);
    }
    // Coercion may rewrite the value in place: check a copy.
    return validate(structuredClone(value)) === true;
  };
}
