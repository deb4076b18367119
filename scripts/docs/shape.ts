/**
 * One way to describe a value's type on both sides of the comparison: a page's Type cell
 * (`Long`, `Array of SpaceQuotaUsage objects`) and a spec schema both become a Shape, so that
 * compare.ts compares like with like.
 */
import type { DocField } from './page-model.ts';

/** The JSON types a value may have. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/** A value's type: its JSON types, whether integers are int64 (Long), the items of an array, an object's fields. */
export interface Shape {
  /** Empty when the type could not be read (then it is not compared). */
  types: Set<JsonType>;
  int64: boolean;
  items?: Shape;
  /** The fields of an object; undefined when not known (no table, or a free-form object). */
  fields?: FieldShape[];
}

/** A field of an object or a parameter: its name, whether it is mandatory (undefined: not said), its type. */
export interface FieldShape {
  name: string;
  required?: boolean;
  shape: Shape;
}

const SCALAR: Record<string, { type: JsonType; int64?: boolean }> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  int: { type: 'integer' },
  int32: { type: 'integer' },
  long: { type: 'integer', int64: true },
  int64: { type: 'integer', int64: true },
  double: { type: 'number' },
  float: { type: 'number' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  file: { type: 'string' },
};

/** The shape of a scalar type name, singular or plural (`strings`, `Long`); undefined for other names. */
function scalar(name: string): Shape | undefined {
  const known = SCALAR[name.toLowerCase()] ?? SCALAR[name.toLowerCase().replace(/s$/, '')];
  return known ? { types: new Set([known.type]), int64: known.int64 ?? false } : undefined;
}

/** The shape of a page's Type cell, with the fields of the object table it names. */
export function shapeOfDocType(type: string, children?: DocField[]): Shape {
  const text = type.trim();
  const fields = children?.map(fieldShapeOfDoc);
  const arrayOf = /^(?:Array of (.+?)|List<(.+)>|(.+)\[\])$/i.exec(text);
  if (arrayOf) {
    const inner = (arrayOf[1] ?? arrayOf[2] ?? arrayOf[3] ?? '').trim();
    const item = scalar(inner) ?? { types: new Set<JsonType>(['object']), int64: false, ...(fields ? { fields } : {}) };
    if (item.types.has('object') && fields) item.fields = fields;
    return { types: new Set(['array']), int64: false, items: item };
  }
  if (/^array$/i.test(text)) return { types: new Set(['array']), int64: false };
  const known = scalar(text);
  if (known) return known.types.has('object') && fields ? { ...known, fields } : known;
  if (/^[\w$]+ objects?$/i.test(text) || /^Map<.+>$/i.test(text))
    return { types: new Set(['object']), int64: false, ...(fields ? { fields } : {}) };
  return { types: new Set(), int64: false };
}

/** A page's field as a FieldShape. */
export function fieldShapeOfDoc(field: DocField): FieldShape {
  return {
    name: field.name,
    ...(field.mandatory === undefined ? {} : { required: field.mandatory }),
    shape: shapeOfDocType(field.type, field.children),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: schemas are plain parsed YAML, already dereferenced
type Schema = Record<string, any>;

/** The shape of a dereferenced JSON schema: allOf merged, oneOf/anyOf as a union, `null` left out. */
export function shapeOfSchema(schema: Schema | undefined, seen: Set<Schema> = new Set()): Shape {
  const shape: Shape = { types: new Set(), int64: false };
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return shape;
  const inner = new Set([...seen, schema]);
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of own) if (type !== 'null') shape.types.add(type as JsonType);
  if (schema.format === 'int64') shape.int64 = true;
  if (schema.properties || schema.required) {
    if (!own.length) shape.types.add('object');
    const required = new Set<string>(schema.required ?? []);
    shape.fields = Object.entries<Schema>(schema.properties ?? {}).map(([name, property]) => ({
      name,
      required: required.has(name),
      shape: shapeOfSchema(property, inner),
    }));
  }
  if (schema.items) {
    if (!own.length) shape.types.add('array');
    shape.items = shapeOfSchema(schema.items, inner);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    for (const member of (schema[key] ?? []) as Schema[]) merge(shape, shapeOfSchema(member, inner), key === 'allOf');
  }
  return shape;
}

/** Merges `other` into `shape`: its types, int64, items and fields (allOf also merges required). */
function merge(shape: Shape, other: Shape, allOf: boolean): void {
  for (const type of other.types) shape.types.add(type);
  shape.int64 ||= other.int64;
  if (other.items) {
    if (shape.items) merge(shape.items, other.items, allOf);
    else shape.items = other.items;
  }
  if (other.fields) {
    shape.fields ??= [];
    const fields = shape.fields;
    for (const field of other.fields) {
      const existing = fields.find((f) => f.name === field.name);
      if (!existing) fields.push(field);
      else {
        if (allOf) existing.required ||= field.required;
        merge(existing.shape, field.shape, allOf);
      }
    }
  }
}

/** How a shape reads in a report: `integer (int64)`, `array of object`, `integer or string`. */
export function describeShape(shape: Shape): string {
  if (shape.types.size === 0) return 'unknown';
  return [...shape.types]
    .sort()
    .map((type) =>
      type === 'integer' && shape.int64
        ? 'integer (int64)'
        : type === 'array' && shape.items
          ? `array of ${describeShape(shape.items)}`
          : type,
    )
    .join(' or ');
}
