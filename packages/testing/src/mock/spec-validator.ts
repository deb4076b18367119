/**
 * Checks a request against the spec the way a strict server would: the route, path and query
 * parameters (coerced from strings to their declared types), required headers and their formats,
 * and the JSON body. Schemas are JSON Schema 2020-12, the dialect of OpenAPI 3.1, checked by ajv.
 */
import { openapiDocument } from '@koodrive/types/openapi';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parseJsonExactly } from './json.js';
import { remembered } from './remembered.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const DOCUMENT_ID = 'koodrive';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface Route {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParamNames: string[];
  /** The security alternatives the operation accepts (scheme names); an empty one means none needed. */
  security: string[][];
  /** Compiled on first use, so that a mock of a large spec starts at once. */
  parameters: Array<Parameter & { readonly check: ValidateFunction }>;
  body?: { required: boolean; readonly check: ValidateFunction };
}

/** A property that is computed on first read, then kept. */
function lazily<T extends object, K extends string, V>(target: T, key: K, compute: () => V): T & Record<K, V> {
  let value: V | undefined;
  return Object.defineProperty(target, key, {
    enumerable: true,
    get: () => {
      value ??= compute();
      return value;
    },
  }) as T & Record<K, V>;
}

export interface IncomingRequestParts {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  bodyText: string;
}

export interface ValidRequest {
  route: Route;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export type Validation =
  | { ok: true; request: ValidRequest }
  | { ok: false; status: 400; problem: string; route: Route }
  | { ok: false; status: 404 | 405; problem: string };

function resolveRef<T>(value: T | { $ref: string }, document: Json = openapiDocument): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value as T;
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, segment) => (node as Json)[segment.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolveRef(target as T, document);
}

/**
 * A schema taken from the spec, as a schema of its own: its `#/…` refs made absolute
 * (`koodrive#/…`), so that an ajv from createSpecAjv resolves them in the document it was given.
 */
export function withAbsoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withAbsoluteRefs);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${DOCUMENT_ID}${value}`
        : withAbsoluteRefs(value),
    ]),
  );
}

function describeErrors(check: ValidateFunction, subject: string): string {
  const first = check.errors?.[0];
  if (!first) return `${subject} is invalid`;
  const path = first.instancePath.replace(/^\/value/, '');
  const where = path ? `${subject}${path.replace(/\//g, '.')}` : subject;
  return `${where} ${first.message ?? 'is invalid'}`;
}

const INT32 = 2 ** 31;

/** An operation's security alternatives as scheme names; no `security` at all means none needed. */
function securityOf(operation: Json, document: Json): string[][] {
  const security = (operation.security ?? document.security ?? []) as Record<string, unknown>[];
  return security.length === 0 ? [[]] : security.map((alternative) => Object.keys(alternative));
}

/**
 * An ajv for the spec's schemas: JSON Schema 2020-12 with the standard formats and OpenAPI's
 * int32/int64, and the whole document added as `koodrive`, so `{ $ref: 'koodrive#/components/…' }`
 * compiles any schema in it with its own $refs resolved.
 */
export function createSpecAjv(
  options: { coerceTypes?: boolean; allErrors?: boolean } = {},
  document: Json = openapiDocument,
): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, ...options });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 });
  // JSON numbers beyond 2^53 arrive rounded, so only integrality can be checked for int64.
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

/**
 * Checks requests against the spec as the mock does: route (404/405), parameters, headers and JSON
 * body, with ajv (JSON Schema 2020-12); a route with a literal path wins over a template.
 */
export function createSpecValidator(document: Json = openapiDocument) {
  // The ajvs know the components only: adding a document costs a walk through all of it, and the
  // paths, four fifths of the spec, grow with it. A path's schemas are compiled on first use, as
  // schemas of their own whose `#/components/…` refs point into the components added here.
  const components = { components: document.components ?? {} };
  const ajv = createSpecAjv({}, components);
  const coercing = createSpecAjv({ coerceTypes: true }, components);

  const routes: Route[] = [];
  const paths = (document.paths ?? {}) as Record<string, Json>;
  for (const [template, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const parameters = ((operation.parameters ?? []) as Array<Parameter | { $ref: string }>).map((raw) => {
        const parameter = resolveRef(raw, document);
        // A parameter's value is wrapped in an object so that coercion ("10" → 10) can rewrite it.
        return lazily({ ...parameter }, 'check', () =>
          coercing.compile({ type: 'object', properties: { value: withAbsoluteRefs(parameter.schema ?? {}) } }),
        );
      });
      const requestBody = operation.requestBody ? resolveRef(operation.requestBody as Json, document) : undefined;
      const jsonBody = (requestBody?.content as Json | undefined)?.['application/json'];
      const pathParamNames = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
      const pattern = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`,
      );
      routes.push({
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        template,
        pattern,
        pathParamNames,
        security: securityOf(operation, document),
        parameters,
        ...(jsonBody
          ? {
              body: lazily({ required: requestBody?.required === true }, 'check', () =>
                ajv.compile(withAbsoluteRefs((jsonBody as Json).schema ?? {}) as Json),
              ),
            }
          : {}),
      });
    }
  }

  // As OpenAPI says, a literal path wins over a template (`/space/group` over `/space/{ownerId}`).
  routes.sort((a, b) => a.pathParamNames.length - b.pathParamNames.length);

  function routeOf(method: string, pathname: string) {
    const candidates = routes
      .map((route) => ({ route, found: route.pattern.exec(pathname) }))
      .filter((candidate) => candidate.found);
    // The path is routed before the method: the most literal path that matches owns it, and a method
    // it lacks is a 405, never a fall-through to a template (GET /v1/cancel is not GetJobDetail's).
    const fewest = candidates[0]?.route.pathParamNames.length;
    const owners = candidates.filter((candidate) => candidate.route.pathParamNames.length === fewest);
    return { candidates, route: owners.find((candidate) => candidate.route.method === method) };
  }

  // Matching tries every route's pattern, so its answers are kept (the routes never change once
  // built), by `METHOD /path`: a method has no space.
  const routeOfKey = remembered((key) => {
    const space = key.indexOf(' ');
    return routeOf(key.slice(0, space), key.slice(space + 1));
  }, 1024);
  const match = (method: string, pathname: string) => routeOfKey(`${method} ${pathname}`);

  function validate(parts: IncomingRequestParts): Validation {
    const { candidates, route: matched } = match(parts.method, parts.pathname);
    if (!matched?.found) {
      if (candidates.length > 0)
        return { ok: false, status: 405, problem: `${parts.method} is not allowed on ${parts.pathname}` };
      return { ok: false, status: 404, problem: `no KooDrive operation at ${parts.method} ${parts.pathname}` };
    }
    const { route, found } = matched;
    const invalid = (problem: string): Validation => ({ ok: false, status: 400, problem, route });
    const pathParams: Record<string, string> = {};
    route.pathParamNames.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(found[index + 1] ?? '');
    });
    const query: Record<string, unknown> = {};
    for (const parameter of route.parameters) {
      const raw =
        parameter.in === 'query'
          ? parameter.schema?.type === 'array'
            ? // An array is sent exploded, as openapi-fetch and the reference write it: `status=0&status=1`.
              parts.searchParams.getAll(parameter.name).filter((value) => value !== '')
            : (parts.searchParams.get(parameter.name) ?? undefined)
          : parameter.in === 'header'
            ? parts.headers[parameter.name.toLowerCase()]
            : parameter.in === 'path'
              ? pathParams[parameter.name]
              : undefined;
      const subject = `${parameter.in} ${parameter.name}`;
      if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
        if (parameter.required) return invalid(`${subject} is required`);
        continue;
      }
      const holder = { value: raw as unknown };
      if (!parameter.check(holder)) return invalid(describeErrors(parameter.check, subject));
      if (parameter.in === 'query') query[parameter.name] = holder.value;
    }
    let body: unknown;
    if (route.body) {
      if (parts.bodyText === '') {
        if (route.body.required) return invalid('the request body is required');
      } else {
        try {
          body = JSON.parse(parts.bodyText);
        } catch {
          return invalid('the request body is not JSON');
        }
        if (!route.body.check(body)) return invalid(describeErrors(route.body.check, 'body'));
        // The schema check reads numbers as JSON.parse does; the handler gets int64 values exactly.
        body = parseJsonExactly(parts.bodyText);
      }
    }
    return { ok: true, request: { route, pathParams, query, body } };
  }

  return { routes, validate };
}

/** The validator createSpecValidator makes. */
export type SpecValidator = ReturnType<typeof createSpecValidator>;
