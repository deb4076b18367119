/**
 * What to send to an operation: its path, query and header parameters and its body, from the
 * reference's examples where the spec records them (parameter examples; request bodies from
 * @koodrive/testing's generated fixtures) and otherwise built from the schemas.
 */
import { fixtures } from '@koodrive/testing';
import { resolveRef } from '../../../scripts/lib/resolve-ref.ts';
import { sampleFromSchema } from '../../../scripts/lib/schema-sample.ts';
import type { SpecDocument, SpecOperation, SpecParameter } from '../../../scripts/lib/spec-operations.ts';

/** A call's input, as kd.GET/POST/PUT/DELETE take it. */
export interface CallInput {
  /** Where the values came from, for failure messages. */
  source: string;
  params: {
    path: Record<string, string>;
    query: Record<string, unknown>;
    header: Record<string, string>;
  };
  body?: unknown;
}

/** Headers the client sets itself (or the HTTP stack does): never passed by the test. */
const MANAGED_HEADERS = new Set(['authorization', 'x-user-id', 'x-date', 'x-traceid', 'language', 'host']);

const typesOf = (document: SpecDocument, parameter: SpecParameter): string[] => {
  const schema = resolveRef(document, parameter.schema);
  const type = typeof schema === 'object' ? schema?.type : undefined;
  return Array.isArray(type) ? type : type ? [type] : [];
};

/** A documented value in the type the parameter declares (examples of integer queries are sometimes strings). */
export function asDeclared(document: SpecDocument, parameter: SpecParameter, value: unknown): unknown {
  const types = typesOf(document, parameter);
  if (typeof value === 'string' && /^-?\d+$/.test(value) && !types.includes('string') && types.includes('integer'))
    return Number(value);
  return value;
}

function parameterValue(document: SpecDocument, parameter: SpecParameter): unknown {
  const value = parameter.example !== undefined ? parameter.example : sampleFromSchema(document, parameter.schema);
  return asDeclared(document, parameter, value);
}

/** Whether the call sends the parameter: path parameters always, others when required or documented. */
const sends = (parameter: SpecParameter) =>
  parameter.in === 'path' ||
  ((parameter.in === 'query' || parameter.in === 'header') &&
    (parameter.required || (parameter.in === 'query' && parameter.example !== undefined)) &&
    !(parameter.in === 'header' && MANAGED_HEADERS.has(parameter.name.toLowerCase())));

/** The request body of an operation: its first documented example (a fixture), else one built from its schema. */
function bodyFor(document: SpecDocument, operation: SpecOperation): { body?: unknown } {
  const documented = (fixtures as Record<string, { requests?: Record<string, unknown> }>)[operation.operationId]
    ?.requests;
  const example = documented && Object.values(documented)[0];
  if (example !== undefined) return { body: example };
  if (!operation.requestBody) return {};
  return { body: sampleFromSchema(document, operation.requestBody.schema) };
}

/** The documented (or schema-built) input of an operation. */
export function documentedInput(document: SpecDocument, operation: SpecOperation): CallInput {
  const input: CallInput = { source: 'examples and schemas', params: { path: {}, query: {}, header: {} } };
  for (const parameter of operation.parameters.filter(sends)) {
    const value = parameterValue(document, parameter);
    if (parameter.in === 'path') input.params.path[parameter.name] = String(value);
    else if (parameter.in === 'query') input.params.query[parameter.name] = value;
    else input.params.header[parameter.name] = String(value);
  }
  return { ...input, ...bodyFor(document, operation) };
}
