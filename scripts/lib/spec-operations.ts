/**
 * Every operation of a bundled spec, with what a caller needs to build a request to it and to
 * read its answers: parameters and request body (with `$ref`s followed), responses by status,
 * and the credentials its `security` accepts. Read from the document at run time, so whatever
 * iterates over it grows with the spec.
 */
import { resolveRef } from './resolve-ref.ts';

/** A parsed OpenAPI document (plain YAML/JSON). */
// biome-ignore lint/suspicious/noExplicitAny: specs are plain parsed YAML
export type SpecDocument = Record<string, any>;
/** A JSON Schema node of the document, possibly a `$ref`. */
// biome-ignore lint/suspicious/noExplicitAny: schemas are plain parsed YAML
export type SchemaNode = Record<string, any> | boolean;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** One parameter of an operation, `$ref` followed. */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: SchemaNode;
  /** The documented value (`example`, or the first of `examples`), when the spec gives one. */
  example?: unknown;
}

/** A JSON body, request or response: its schema and the documented examples by name. */
export interface SpecBody {
  schema: SchemaNode;
  examples: Record<string, unknown>;
}

/** One operation of the spec. */
export interface SpecOperation {
  operationId: string;
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** The path template, e.g. `/koodrive/ose/v1/space/{ownerId}`. */
  path: string;
  parameters: SpecParameter[];
  requestBody?: SpecBody & { required: boolean };
  /** JSON responses by status code (`"200"`, `"400"`, …). */
  responses: Record<string, SpecBody>;
  /**
   * The alternatives of `security`, each the schemes that must all be sent; an empty alternative
   * means no Authorization at all.
   */
  security: string[][];
}

/** A parameter's own documented value: `example`, or the first of its `examples` map. */
function documentedExample(parameter: { example?: unknown; examples?: Record<string, { value?: unknown }> }) {
  if (parameter.example !== undefined) return { example: parameter.example };
  const first = Object.values(parameter.examples ?? {})[0];
  return typeof first === 'object' && first !== null && 'value' in first ? { example: first.value } : {};
}

function bodyOf(document: SpecDocument, node: unknown): SpecBody | undefined {
  const media = resolveRef(document, node)?.content?.['application/json'];
  if (!media?.schema) return undefined;
  const examples: Record<string, unknown> = {};
  for (const [name, example] of Object.entries<{ value?: unknown }>(media.examples ?? {})) {
    const resolved = resolveRef(document, example);
    if (resolved && 'value' in resolved) examples[name] = resolved.value;
  }
  return { schema: media.schema, examples };
}

function parametersOf(document: SpecDocument, shared: unknown[], own: unknown[]): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const node of [...shared, ...own]) {
    const parameter = resolveRef(document, node);
    if (!parameter?.name || !parameter.in) continue;
    byKey.set(`${parameter.in}:${String(parameter.name).toLowerCase()}`, {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schema: parameter.schema ?? {},
      ...documentedExample(parameter),
    });
  }
  return [...byKey.values()];
}

/** Every operation of a bundled document, in the document's order. Throws on one without an operationId. */
export function listOperations(document: SpecDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const globalSecurity: Record<string, unknown>[] = document.security ?? [];
  for (const [path, item] of Object.entries<SpecDocument>(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (typeof operation.operationId !== 'string')
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const requestBody = resolveRef(document, operation.requestBody);
      const body = bodyOf(document, requestBody);
      const responses: Record<string, SpecBody> = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const read = bodyOf(document, response);
        if (read) responses[status] = read;
      }
      const security: Record<string, unknown>[] = operation.security ?? globalSecurity;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        parameters: parametersOf(document, item.parameters ?? [], operation.parameters ?? []),
        ...(body ? { requestBody: { ...body, required: requestBody.required === true } } : {}),
        responses,
        security: security.map((alternative) => Object.keys(alternative)),
      });
    }
  }
  return operations;
}
