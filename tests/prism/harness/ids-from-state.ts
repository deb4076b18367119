/**
 * Inputs for an operation whose stateful mock route does not know the reference's example IDs:
 * the same input with its IDs taken from the mock's data. Every path and sent query parameter, and
 * every field of the body whose name ends in `Id`/`Ids` (or `Url`, `Code`, `Token`), is a slot; a
 * record of the mock's data (an object in its lists, maps and nested objects) fills the slots whose
 * names it has as fields. The records that fill the most slots (path parameters first) are used in
 * turn, so that IDs that belong together (a file and its space) come from one record; the other ID
 * slots are filled from any record. Values the spec does not allow in a slot are never used.
 */
import type { SchemaNode, SpecDocument, SpecOperation, SpecParameter } from '../../../scripts/lib/spec-operations.ts';
import { asDeclared, type CallInput } from './call-inputs.ts';

type Scalar = string | number | boolean;
type JsonPath = (string | number)[];

/** Lower case without `_` and `-`: `owner_id` and `ownerId` are one name. */
const normalize = (name: string) => name.toLowerCase().replace(/[_-]/g, '');
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
/** Field names that name something the mock holds: `containerId`, `fileIds`, `parent_id`, `shortUrl`… */
const isIdName = (name: string) => /(ids?|url|code|token)$/.test(name);

/** Lists of the mock's data whose items are not named by the list's singular: files and folders are `nodes`. */
const LIST_ITEMS: Record<string, string> = { nodes: 'file' };

/**
 * The scalar fields of every record in the mock's data, by normalized name. The `id` of a record
 * in a list or map also goes by the list's singular name: an `id` in `departments` is a `departmentId`.
 */
function recordsIn(value: unknown, listName = '', found: Map<string, Scalar>[] = []): Map<string, Scalar>[] {
  if (Array.isArray(value)) for (const item of value) recordsIn(item, listName, found);
  else if (value instanceof Map) for (const item of value.values()) recordsIn(item, listName, found);
  else if (isRecord(value)) {
    const fields = new Map<string, Scalar>();
    for (const [name, field] of Object.entries(value)) {
      if (isScalar(field)) fields.set(normalize(name), field);
      else recordsIn(field, normalize(name), found);
    }
    const id = fields.get('id');
    const singular = LIST_ITEMS[listName] ?? listName.replace(/s$/, '');
    if (id !== undefined && singular && !fields.has(`${singular}id`)) fields.set(`${singular}id`, id);
    found.push(fields);
  }
  return found;
}

interface Slot {
  name: string;
  where:
    | { in: 'path'; parameter: SpecParameter }
    | { in: 'query'; parameter: SpecParameter }
    | { in: 'body'; path: JsonPath };
}

function bodySlots(value: unknown, path: JsonPath = [], found: Slot[] = []): Slot[] {
  if (!isRecord(value)) return found;
  for (const [key, field] of Object.entries(value)) {
    const name = normalize(key);
    if (isScalar(field) && isIdName(name)) found.push({ name, where: { in: 'body', path: [...path, key] } });
    else if (Array.isArray(field)) {
      for (const [index, item] of field.entries()) {
        if (isScalar(item) && isIdName(name))
          found.push({ name: name.replace(/s$/, ''), where: { in: 'body', path: [...path, key, index] } });
        else bodySlots(item, [...path, key, index], found);
      }
    } else bodySlots(field, [...path, key], found);
  }
  return found;
}

function setAt(target: unknown, path: JsonPath, value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], target);
  (parent as Record<string | number, unknown>)[path.at(-1) as string | number] = value;
}

function valueAt(target: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target);
}

/** A value of the mock's data as a slot takes it: a path's string, a query's declared type, a body example's type. */
function asSlotValue(document: SpecDocument, slot: Slot, value: Scalar, input: CallInput): unknown {
  const { where } = slot;
  if (where.in === 'path') return String(value);
  if (where.in === 'query') return asDeclared(document, where.parameter, value);
  const current = valueAt(input.body, where.path);
  if (typeof current === 'number' && typeof value === 'string') {
    // Prism's proxy rounds integers beyond 2^53 in bodies: such an ID cannot go through it as a number.
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : undefined;
  }
  return typeof current === 'string' ? String(value) : value;
}

/** How many records, best first, the inputs are made from. */
const RECORDS_TRIED = 4;

/**
 * Inputs with their IDs from the mock's data (see the file's comment): one for each of the
 * records that fill the most slots (at most RECORDS_TRIED, newest first among equals), so that a
 * record the route cannot use (a space's root folder, a file still uploading) is not the only
 * one tried. Empty when the data changes nothing. `accepts` says whether a schema of the spec
 * allows a value.
 */
export function inputsWithStateIds(
  document: SpecDocument,
  base: CallInput,
  operation: SpecOperation,
  state: unknown,
  accepts: (schema: SchemaNode, value: unknown) => boolean,
): CallInput[] {
  const slots: Slot[] = [];
  for (const parameter of operation.parameters) {
    const sent =
      (parameter.in === 'path' && parameter.name in base.params.path) ||
      (parameter.in === 'query' && parameter.name in base.params.query);
    if (sent && parameter.in === 'path')
      slots.push({ name: normalize(parameter.name), where: { in: 'path', parameter } });
    if (sent && parameter.in === 'query')
      slots.push({ name: normalize(parameter.name), where: { in: 'query', parameter } });
  }
  slots.push(...bodySlots(base.body));
  if (slots.length === 0) return [];
  const records = recordsIn(state);
  nameSlots(slots, records, operation.path);
  const fits = (record: Map<string, Scalar>) => slots.filter((slot) => record.has(slot.name));
  const score = (record: Map<string, Scalar>) => {
    const filled = fits(record);
    return filled.filter((slot) => slot.where.in === 'path').length * 1000 + filled.length;
  };
  // Newest first among equals: what the creating operations made before the space roots the mock starts with.
  const ranked = records
    .map((record, index) => ({ record, index, score: score(record) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.index - a.index);
  const inputs: CallInput[] = [];
  const seen = new Set<string>();
  for (const { record } of ranked) {
    if (inputs.length >= RECORDS_TRIED) break;
    const input = fillFrom(document, base, operation, slots, record, records, accepts);
    const key = input && JSON.stringify([input.params, input.body]);
    if (!input || !key || seen.has(key)) continue;
    seen.add(key);
    inputs.push(input);
  }
  return inputs;
}

/**
 * Names each slot as the mock's data would: a bare `id` by the path it is sent to (`id` in
 * /permission/template/ref/{id} is a `templateId`), a name no record has by its longest ID-like
 * ending that one has (`srcUserId` by `userId`).
 */
function nameSlots(slots: Slot[], records: Map<string, Scalar>[], path: string): void {
  const known = new Set(records.flatMap((record) => [...record.keys()]));
  const segments = path
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith('{'))
    .reverse()
    .map((segment) => `${normalize(segment).replace(/s$/, '')}id`);
  for (const slot of slots) {
    if (slot.name === 'id') slot.name = segments.find((name) => known.has(name)) ?? slot.name;
    if (known.has(slot.name)) continue;
    for (let start = 1; start < slot.name.length - 3; start++) {
      const ending = slot.name.slice(start);
      if (isIdName(ending) && known.has(ending)) {
        slot.name = ending;
        break;
      }
    }
  }
}

/** The input with the slots `record` fills from it, other ID slots from any record; undefined if nothing changed. */
function fillFrom(
  document: SpecDocument,
  base: CallInput,
  operation: SpecOperation,
  slots: Slot[],
  record: Map<string, Scalar>,
  records: Map<string, Scalar>[],
  accepts: (schema: SchemaNode, value: unknown) => boolean,
): CallInput | undefined {
  const input: CallInput = {
    ...base,
    source: 'IDs from the mock’s data',
    params: { path: { ...base.params.path }, query: { ...base.params.query }, header: { ...base.params.header } },
    ...(base.body === undefined ? {} : { body: structuredClone(base.body) }),
  };
  const bodySchema = operation.requestBody?.schema;
  /** Puts a value in a slot when the spec allows it there; says whether it did. */
  const place = (slot: Slot, raw: Scalar): boolean => {
    const value = asSlotValue(document, slot, raw, input);
    if (value === undefined) return false;
    const { where } = slot;
    if (where.in === 'path' || where.in === 'query') {
      if (!accepts(where.parameter.schema, value)) return false;
      if (where.in === 'path') input.params.path[where.parameter.name] = value as string;
      else input.params.query[where.parameter.name] = value;
      return true;
    }
    const { path } = where;
    const before = valueAt(input.body, path);
    setAt(input.body, path, value);
    if (bodySchema === undefined || accepts(bodySchema, input.body)) return true;
    setAt(input.body, path, before);
    return false;
  };
  let changed = 0;
  // Two slots of one name (srcUserId and dstUserId) get different values.
  const used = new Map<string, Set<Scalar>>();
  const fill = (slot: Slot, value: Scalar) => {
    if (used.get(slot.name)?.has(value) || !place(slot, value)) return false;
    used.set(slot.name, (used.get(slot.name) ?? new Set()).add(value));
    changed++;
    return true;
  };
  const filled = new Set<Slot>();
  for (const slot of slots) if (record.has(slot.name) && fill(slot, record.get(slot.name) as Scalar)) filled.add(slot);
  for (const slot of slots) {
    if (filled.has(slot) || (slot.where.in === 'query' && !isIdName(slot.name))) continue;
    for (const other of [...records].reverse())
      if (other.has(slot.name) && fill(slot, other.get(slot.name) as Scalar)) break;
  }
  return changed > 0 ? input : undefined;
}
