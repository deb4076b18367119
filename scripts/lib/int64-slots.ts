/**
 * Where a JSON value may hold an int64 number, by its schema: the paths of the fields the schema
 * declares `type: integer` (alone or with other types) and `format: int64`, in the value as it is,
 * plus such fields its objects leave out. A test puts numbers beyond 2^53 there and checks that a
 * reader gets them exactly.
 */
import { resolveRef } from './resolve-ref.ts';
import type { SchemaNode, SpecDocument } from './spec-operations.ts';

/** A path into a JSON value: property names and array indexes. */
export type JsonPath = (string | number)[];

/** One place for an int64 number, and the smallest value its schema allows there (when it says). */
export interface Int64Slot {
  path: JsonPath;
  minimum?: number;
}

const MAX_DEPTH = 12;

type Schema = Record<string, unknown>;

const typesOf = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];

/** Whether a (resolved) schema is an int64 integer, alone or beside other types. */
export function isInt64(schema: unknown): boolean {
  return (
    typeof schema === 'object' &&
    schema !== null &&
    (schema as Schema).format === 'int64' &&
    typesOf(schema as Schema).includes('integer')
  );
}

const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Whether a branch of oneOf/anyOf can describe a value of this kind. */
function fits(document: SpecDocument, node: SchemaNode, value: unknown): boolean {
  const schema = resolveRef(document, node);
  if (typeof schema !== 'object' || schema === null) return schema === true;
  const types = typesOf(schema);
  const kind = kindOf(value);
  if (types.length === 0) return kind === 'object' ? !schema.items : kind !== 'array' || !schema.properties;
  return types.some((type) => type === kind || (kind === 'number' && type === 'integer'));
}

function visit(document: SpecDocument, node: SchemaNode, value: unknown, path: JsonPath, found: Int64Slot[]): void {
  const schema = resolveRef(document, node);
  if (typeof schema !== 'object' || schema === null || path.length > MAX_DEPTH) return;
  if (isInt64(schema) && (typeof value === 'number' || typeof value === 'string' || value === undefined)) {
    found.push({ path, ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}) });
    return;
  }
  for (const part of (schema.allOf as SchemaNode[] | undefined) ?? []) visit(document, part, value, path, found);
  const branches = (schema.oneOf ?? schema.anyOf) as SchemaNode[] | undefined;
  const branch = branches?.find((candidate) => fits(document, candidate, value));
  if (branch !== undefined) visit(document, branch, value, path, found);
  if (Array.isArray(value)) {
    if (schema.items === undefined) return;
    for (const [index, item] of value.entries())
      visit(document, schema.items as SchemaNode, item, [...path, index], found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [name, property] of Object.entries((schema.properties as Record<string, SchemaNode>) ?? {})) {
    // An int64 field the value leaves out is a slot too; other absent fields have nothing to visit.
    if (name in record || isInt64(resolveRef(document, property)))
      visit(document, property, record[name], [...path, name], found);
  }
}

/** Whether a schema declares an int64 integer anywhere in what it describes. */
export function declaresInt64(document: SpecDocument, node: SchemaNode, seen = new Set<unknown>()): boolean {
  const schema = resolveRef(document, node);
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return false;
  seen.add(schema);
  if (isInt64(schema)) return true;
  const children = [
    ...((schema.allOf as SchemaNode[]) ?? []),
    ...((schema.oneOf as SchemaNode[]) ?? []),
    ...((schema.anyOf as SchemaNode[]) ?? []),
    ...Object.values((schema.properties as Record<string, SchemaNode>) ?? {}),
    ...(schema.items === undefined ? [] : [schema.items as SchemaNode]),
  ];
  return children.some((child) => declaresInt64(document, child, seen));
}

/** The int64 slots of `value` under `schema` (see the file's comment), depth first; never the value itself. */
export function int64Slots(document: SpecDocument, schema: SchemaNode, value: unknown): Int64Slot[] {
  const found: Int64Slot[] = [];
  visit(document, schema, value, [], found);
  // allOf parts may describe the same field twice.
  const seen = new Set<string>();
  return found.filter((slot) => {
    if (slot.path.length === 0) return false;
    const key = JSON.stringify(slot.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `value` with each slot set to a big integer, written as an exact JSON integer: the JSON text a
 * service would send. Slots are set in order; `values` is cycled when shorter.
 */
export function withBigIntegers(value: unknown, slots: readonly Int64Slot[], values: readonly bigint[]): string {
  if (values.length === 0) throw new Error('withBigIntegers needs at least one value');
  const copy = structuredClone(value);
  const marks = new Map<string, bigint>();
  slots.forEach((slot, index) => {
    const mark = `\u0000int64-${index}\u0000`;
    marks.set(mark, values[index % values.length] as bigint);
    const parent = slot.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy);
    (parent as Record<string | number, unknown>)[slot.path.at(-1) as string | number] = mark;
  });
  return JSON.stringify(copy).replace(/"\\u0000int64-\d+\\u0000"/g, (quoted) => {
    const digits = marks.get(JSON.parse(quoted) as string);
    return String(digits);
  });
}

/** The value at a path, or undefined. */
export function valueAt(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}
