/**
 * What the generators know of each operation, read once from the bundled spec: its route, API
 * group, parameters and headers, whether it is safe to repeat, how it pages and which credentials
 * it accepts. @koodrive/types records these facts at run time; @koodrive/client's generated call
 * types and per-operation functions are written from them.
 */
import { resolveRef } from './resolve-ref.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain parsed YAML
export type Spec = Record<string, any>;

/** What the client checks of a path or query parameter before sending. */
export interface ParameterRule {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type?: string;
  minimum?: number;
  maximum?: number;
  /**
   * Values this path parameter must not take, each with the operation whose literal route the path
   * would then be (`/v1/{job_id}` with "jobs" is GetJobList's `/v1/jobs`): a server routes a literal
   * path first, so such a call would reach another operation.
   */
  reserved?: Record<string, string>;
}

/** A header the operation's page documents. */
export interface HeaderFact {
  name: string;
  required: boolean;
}

/** How an operation pages, in the terms `paginate` follows. */
export type PagingFacts =
  | {
      style: 'offset';
      in: 'query' | 'body';
      /** The response's array of rows. */
      items: string;
    }
  | {
      style: 'cursor';
      in: 'query' | 'body';
      /** Dotted path of the request field that takes the cursor, e.g. `pageInfo.pageCursor`. */
      cursor: string;
      /** Dotted path of the request field that takes the page size, if any. */
      pageSize?: string;
      /** The response field with the next page's cursor (absent on the last page). */
      nextCursor: string;
      /** The response's array of rows. */
      items: string;
    };

export interface OperationFacts {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  docsUrl: string;
  /** Repeating it is harmless: a GET, or a read the spec marks `x-koodrive-idempotent`. */
  safe: boolean;
  /** The security alternatives in the spec's order; an empty alternative means no Authorization. */
  security: string[][];
  parameters: ParameterRule[];
  headers: HeaderFact[];
  paging: PagingFacts | null;
  hasQuery: boolean;
  requiredQuery: boolean;
  hasPathParams: boolean;
  hasBody: boolean;
  requiredBody: boolean;
  hasJsonSuccess: boolean;
}

function parameterRule(spec: Spec, parameter: Spec): ParameterRule {
  const schema = resolveRef(spec, parameter.schema ?? {});
  const type = Array.isArray(schema.type) ? undefined : schema.type;
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    ...(type ? { type } : {}),
    ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
    ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
  };
}

/** The top-level properties of a schema, following $refs and allOf. */
export function propertiesOf(spec: Spec, node: Spec | undefined): Record<string, Spec> {
  const schema = resolveRef(spec, node ?? {});
  const own = Object.fromEntries(
    Object.entries<Spec>(schema.properties ?? {}).map(([name, value]) => [name, resolveRef(spec, value)]),
  );
  return Object.assign({}, ...(schema.allOf ?? []).map((part: Spec) => propertiesOf(spec, part)), own);
}

const isArraySchema = (schema: Spec) =>
  schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));

function pagingOf(operationId: string, op: Spec, queryNames: string[], bodyNames: string[], success: Spec) {
  const declared = op['x-koodrive-pagination'] as Spec | undefined;
  const arrays = Object.entries(success)
    .filter(([, schema]) => isArraySchema(schema))
    .map(([name]) => name);
  const items = (declared?.items as string | undefined) ?? (arrays.length === 1 ? arrays[0] : undefined);
  if (declared) {
    if (!items) throw new Error(`${operationId}: x-koodrive-pagination needs \`items\``);
    if (declared.style === 'cursor') {
      if (!declared.cursor || !declared.nextCursor)
        throw new Error(`${operationId}: cursor paging needs \`cursor\` and \`nextCursor\``);
      return {
        style: 'cursor',
        in: declared.in === 'query' ? 'query' : 'body',
        cursor: declared.cursor,
        ...(declared.pageSize ? { pageSize: declared.pageSize } : {}),
        nextCursor: declared.nextCursor,
        items,
      } satisfies PagingFacts;
    }
    return { style: 'offset', in: declared.in === 'query' ? 'query' : 'body', items } satisfies PagingFacts;
  }
  const pages = (names: string[]) => names.includes('offset') && names.includes('limit');
  const where = pages(queryNames) ? 'query' : pages(bodyNames) ? 'body' : null;
  if (!where || !items) return null;
  return { style: 'offset', in: where, items } satisfies PagingFacts;
}

/** Every operation of the bundled spec with its facts, sorted by operationId. */
export function listOperations(spec: Spec): OperationFacts[] {
  const operations: OperationFacts[] = [];
  for (const [path, item] of Object.entries<Spec>(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const params: Spec[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveRef(spec, p));
      const query = params.filter((p) => p.in === 'query');
      const requestBody = resolveRef(spec, op.requestBody ?? {});
      const bodyNames = Object.keys(propertiesOf(spec, requestBody.content?.['application/json']?.schema));
      const success = propertiesOf(
        spec,
        resolveRef(spec, op.responses?.['200'] ?? {}).content?.['application/json']?.schema,
      );
      const security = (op.security ?? spec.security ?? []) as Record<string, unknown>[];
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        tag: op.tags?.[0] ?? '',
        summary: op.summary ?? '',
        docsUrl: op.externalDocs?.url ?? '',
        safe: method === 'get' || op['x-koodrive-idempotent'] === true,
        security: security.length === 0 ? [[]] : security.map((alternative) => Object.keys(alternative)),
        parameters: params.filter((p) => p.in === 'path' || p.in === 'query').map((p) => parameterRule(spec, p)),
        headers: params.filter((p) => p.in === 'header').map((p) => ({ name: p.name, required: p.required === true })),
        paging: pagingOf(
          op.operationId,
          op,
          query.map((p) => p.name),
          bodyNames,
          success,
        ),
        hasQuery: query.length > 0,
        requiredQuery: query.some((p) => p.required === true),
        hasPathParams: params.some((p) => p.in === 'path'),
        hasBody: Boolean(op.requestBody),
        requiredBody: requestBody.required === true,
        hasJsonSuccess: Boolean(op.responses?.['200']?.content?.['application/json']),
      });
    }
  }
  reserveLiteralSegments(operations);
  return operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

const isTemplateSegment = (segment: string) => /^\{[^}]+\}$/.test(segment);

/**
 * Records, on each path parameter, the literal segments of other routes it could become: a path
 * whose segments equal the template's everywhere else, with a literal where the template has the
 * parameter.
 */
function reserveLiteralSegments(operations: OperationFacts[]): void {
  for (const op of operations) {
    const template = op.path.split('/');
    for (const rule of op.parameters) {
      if (rule.in !== 'path') continue;
      const at = template.indexOf(`{${rule.name}}`);
      for (const other of operations) {
        const path = other.path.split('/');
        const literal = path[at];
        if (path.length !== template.length || literal === undefined || isTemplateSegment(literal)) continue;
        const same = template.every(
          (segment, index) =>
            index === at ||
            segment === path[index] ||
            (isTemplateSegment(segment) && isTemplateSegment(path[index] ?? '')),
        );
        if (!same) continue;
        rule.reserved ??= {};
        rule.reserved[literal] ??= `${other.operationId}: ${other.method} ${other.path}`;
      }
    }
  }
}

/** The module name of an API group: `File Management` → `file-management`, `Sharing - Shared by You` → `shared-by-you`. */
export function groupModule(tag: string): string {
  return tag
    .replace(/^Sharing - /, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The namespace name of an API group: `file-management` → `fileManagement`. */
export function groupNamespace(tag: string): string {
  return groupModule(tag).replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
