/**
 * Classifies the change between two bundled KooDrive specs (Redocly's output: one document,
 * internal $refs only) as a consumer of the types and client sees it.
 *
 * breaking: an operation, parameter or response field removed; a parameter or body field newly
 *           required; a response field no longer required; a type or enum narrowed, on input or on
 *           output.
 * additive: an operation, optional parameter or field added; a type or enum widened.
 */

import { resolveRef } from './resolve-ref.ts';

// biome-ignore lint/suspicious/noExplicitAny: specs are plain parsed YAML
type Node = Record<string, any>;

export interface SpecChange {
  kind: 'breaking' | 'additive';
  where: string;
  what: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const resolver =
  (doc: Node) =>
  (node: Node | undefined): Node | undefined =>
    resolveRef(doc, node);

const typesOf = (schema: Node | undefined): Set<string> =>
  new Set(schema?.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

/**
 * A schema with its allOf members merged in (their properties, required names and types), as the
 * JSON it describes must satisfy all of them: a field moved into an allOf member is the same field.
 */
function withAllOf(schema: Node, resolve: (n?: Node) => Node | undefined): Node {
  const parts = ((schema.allOf ?? []) as Node[])
    .map((part) => resolve(part))
    .filter((part): part is Node => part !== undefined)
    .map((part) => withAllOf(part, resolve));
  if (parts.length === 0) return schema;
  const { allOf: _allOf, ...own } = schema;
  return {
    ...Object.assign({}, ...parts),
    ...own,
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), own.properties ?? {}),
    required: [...new Set([...parts.flatMap((part) => part.required ?? []), ...(own.required ?? [])])],
  };
}

/** Compares two schemas; `direction` says whether a narrowing hurts callers (input) or readers (output). */
function compareSchemas(
  before: Node | undefined,
  after: Node | undefined,
  where: string,
  direction: 'input' | 'output',
  context: {
    resolveBefore: (n?: Node) => Node | undefined;
    resolveAfter: (n?: Node) => Node | undefined;
    seen: Set<string>;
  },
  changes: SpecChange[],
): void {
  const key = `${where}|${before?.$ref ?? ''}|${after?.$ref ?? ''}`;
  if (context.seen.has(key)) return;
  context.seen.add(key);
  const resolvedA = context.resolveBefore(before);
  const resolvedB = context.resolveAfter(after);
  if (!resolvedA || !resolvedB) return;
  const a = withAllOf(resolvedA, context.resolveBefore);
  const b = withAllOf(resolvedB, context.resolveAfter);

  const typesA = typesOf(a);
  const typesB = typesOf(b);
  const lost = [...typesA].filter((type) => typesB.size > 0 && !typesB.has(type));
  const gained = [...typesB].filter((type) => typesA.size > 0 && !typesA.has(type));
  // Input: a type the caller could send is no longer accepted. Output: the reader now gets a type it did not expect.
  if (direction === 'input' && lost.length)
    changes.push({ kind: 'breaking', where, what: `no longer accepts ${lost.join(', ')}` });
  if (direction === 'output' && gained.length)
    changes.push({ kind: 'breaking', where, what: `may now be ${gained.join(', ')}` });
  if (direction === 'input' && gained.length)
    changes.push({ kind: 'additive', where, what: `also accepts ${gained.join(', ')}` });

  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const removed = a.enum.filter((value: unknown) => !b.enum.includes(value));
    const added = b.enum.filter((value: unknown) => !a.enum.includes(value));
    if (direction === 'input' && removed.length)
      changes.push({ kind: 'breaking', where, what: `enum lost ${JSON.stringify(removed)}` });
    if (direction === 'output' && added.length)
      changes.push({ kind: 'breaking', where, what: `enum may now be ${JSON.stringify(added)}` });
  }

  const propsA: Node = a.properties ?? {};
  const propsB: Node = b.properties ?? {};
  const requiredA = new Set<string>(a.required ?? []);
  const requiredB = new Set<string>(b.required ?? []);
  for (const name of Object.keys(propsA)) {
    if (!(name in propsB)) {
      changes.push({ kind: 'breaking', where: `${where}.${name}`, what: 'field removed' });
      continue;
    }
    compareSchemas(propsA[name], propsB[name], `${where}.${name}`, direction, context, changes);
  }
  for (const name of Object.keys(propsB)) {
    if (name in propsA) continue;
    const required = direction === 'input' && requiredB.has(name);
    changes.push({
      kind: required ? 'breaking' : 'additive',
      where: `${where}.${name}`,
      what: required ? 'new required field' : 'field added',
    });
  }
  if (direction === 'input') {
    for (const name of requiredB) {
      if (name in propsA && !requiredA.has(name))
        changes.push({ kind: 'breaking', where: `${where}.${name}`, what: 'now required' });
    }
  } else {
    // A reader that could count on a field must now handle its absence.
    for (const name of requiredA) {
      if (name in propsB && !requiredB.has(name))
        changes.push({ kind: 'breaking', where: `${where}.${name}`, what: 'may now be absent' });
    }
  }
  compareSchemas(a.items, b.items, `${where}[]`, direction, context, changes);
  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const listA: Node[] = a[combinator] ?? [];
    const listB: Node[] = b[combinator] ?? [];
    for (const [index, schema] of listA.entries())
      compareSchemas(schema, listB[index], where, direction, context, changes);
  }
}

export function diffSpecs(before: Node, after: Node): SpecChange[] {
  const changes: SpecChange[] = [];
  const resolveBefore = resolver(before);
  const resolveAfter = resolver(after);
  const context = { resolveBefore, resolveAfter, seen: new Set<string>() };

  for (const [path, itemB] of Object.entries<Node>(after.paths ?? {})) {
    for (const method of METHODS) {
      if (itemB[method] && !before.paths?.[path]?.[method]) {
        changes.push({ kind: 'additive', where: `${method.toUpperCase()} ${path}`, what: 'operation added' });
      }
    }
  }
  for (const [path, itemA] of Object.entries<Node>(before.paths ?? {})) {
    for (const method of METHODS) {
      const opA = itemA[method];
      if (!opA) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const opB = after.paths?.[path]?.[method];
      if (!opB) {
        changes.push({ kind: 'breaking', where, what: 'operation removed' });
        continue;
      }
      const params = (op: Node, resolve: typeof resolveBefore) =>
        new Map<string, Node>(
          (op.parameters ?? []).map((p: Node) => resolve(p) ?? p).map((p: Node) => [`${p.in} ${p.name}`, p]),
        );
      const paramsA = params(opA, resolveBefore);
      const paramsB = params(opB, resolveAfter);
      for (const [key, paramA] of paramsA) {
        const paramB = paramsB.get(key);
        if (!paramB) changes.push({ kind: 'breaking', where: `${where} ${key}`, what: 'parameter removed' });
        else {
          if (paramB.required && !paramA.required)
            changes.push({ kind: 'breaking', where: `${where} ${key}`, what: 'now required' });
          compareSchemas(paramA.schema, paramB.schema, `${where} ${key}`, 'input', context, changes);
        }
      }
      for (const [key, paramB] of paramsB) {
        if (paramsA.has(key)) continue;
        changes.push(
          paramB.required
            ? { kind: 'breaking', where: `${where} ${key}`, what: 'new required parameter' }
            : { kind: 'additive', where: `${where} ${key}`, what: 'parameter added' },
        );
      }
      const body = (op: Node, resolve: typeof resolveBefore) =>
        resolve(op.requestBody)?.content?.['application/json']?.schema;
      compareSchemas(body(opA, resolveBefore), body(opB, resolveAfter), `${where} body`, 'input', context, changes);
      const success = (op: Node, resolve: typeof resolveBefore) =>
        resolve(op.responses?.['200'])?.content?.['application/json']?.schema;
      compareSchemas(
        success(opA, resolveBefore),
        success(opB, resolveAfter),
        `${where} response`,
        'output',
        context,
        changes,
      );
    }
  }
  return changes;
}
