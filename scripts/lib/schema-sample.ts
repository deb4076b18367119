/**
 * A deterministic value that a JSON Schema (OpenAPI 3.1) accepts, for building requests to
 * operations that document no example: the schema's own examples first, else its enum, else a
 * value made from its type, required properties, format, pattern and bounds. The same schema
 * always gives the same value, so a failure can be replayed.
 */

import { sampleFromPattern } from './pattern-sample.ts';
import { resolveRef } from './resolve-ref.ts';
import type { SchemaNode, SpecDocument } from './spec-operations.ts';

/** Recursive schemas (a folder holding folders) stop here: an empty object or array. */
const MAX_DEPTH = 8;

const FORMATS: Record<string, string> = {
  'date-time': '2025-11-03T07:01:40Z',
  date: '2025-11-03',
  time: '07:01:40Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b',
  byte: 'c2FtcGxl',
  int64: '1',
  int32: '1',
};

/** The first documented value of a schema: `const`, `examples[0]`, `example` or `default`. */
function documented(schema: Record<string, unknown>): { value: unknown } | undefined {
  if ('const' in schema) return { value: schema.const };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  if ('example' in schema) return { value: schema.example };
  if ('default' in schema) return { value: schema.default };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { value: schema.enum[0] };
  return undefined;
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const { type } = schema;
  if (Array.isArray(type)) return type.find((name) => name !== 'null') ?? type[0];
  if (typeof type === 'string') return type;
  if (schema.properties || schema.required) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function sampleNumber(schema: Record<string, unknown>, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let low = typeof schema.minimum === 'number' ? schema.minimum : Number.NEGATIVE_INFINITY;
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low, schema.exclusiveMinimum + step);
  let high = typeof schema.maximum === 'number' ? schema.maximum : Number.POSITIVE_INFINITY;
  if (typeof schema.exclusiveMaximum === 'number') high = Math.min(high, schema.exclusiveMaximum - step);
  if (low > high) throw new Error(`no number lies between ${low} and ${high}`);
  const value = Math.min(Math.max(1, low), high);
  return integer ? Math.ceil(value) : value;
}

function sampleString(schema: Record<string, unknown>): string {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  let value: string;
  if (typeof schema.pattern === 'string') value = sampleFromPattern(schema.pattern);
  else if (typeof schema.format === 'string' && schema.format in FORMATS) value = FORMATS[schema.format] as string;
  else value = 'sample'.padEnd(minLength, 'x').slice(0, Math.max(minLength, Math.min(6, maxLength)));
  if (value.length < minLength || value.length > maxLength)
    throw new Error(`cannot make a string of ${minLength} to ${maxLength} characters for ${JSON.stringify(schema)}`);
  return value;
}

function merge(values: unknown[]): unknown {
  const objects = values.filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
  if (objects.length === 0) return values.at(-1);
  return Object.assign({}, ...objects);
}

/**
 * A value the schema accepts, built deterministically (see the file's comment). Objects get their
 * required properties only; arrays `minItems` items, at least one unless `maxItems` is 0.
 * Throws when the schema leaves no value it can build (a pattern it cannot read, bounds that
 * exclude each other), naming the problem.
 */
export function sampleFromSchema(document: SpecDocument, node: SchemaNode, depth = 0): unknown {
  const schema = resolveRef(document, node);
  if (schema === true || schema === undefined) return 'sample';
  if (schema === false) throw new Error('the schema `false` accepts no value');
  const known = documented(schema);
  if (known) return known.value;
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part: SchemaNode) => sampleFromSchema(document, part, depth));
    const { allOf: _allOf, ...rest } = schema;
    return Object.keys(rest).some((key) => key === 'properties' || key === 'required' || key === 'type')
      ? merge([...parts, sampleFromSchema(document, rest, depth)])
      : merge(parts);
  }
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches) && branches.length > 0) return sampleFromSchema(document, branches[0], depth);
  switch (typeOf(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      if (depth >= MAX_DEPTH) return value;
      const properties: Record<string, SchemaNode> = schema.properties ?? {};
      for (const name of schema.required ?? [])
        value[name] = sampleFromSchema(document, properties[name] ?? true, depth + 1);
      return value;
    }
    case 'array': {
      const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const count = schema.maxItems === 0 || depth >= MAX_DEPTH ? 0 : Math.max(minItems, 1);
      return Array.from({ length: count }, () => sampleFromSchema(document, schema.items ?? true, depth + 1));
    }
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema);
  }
}
