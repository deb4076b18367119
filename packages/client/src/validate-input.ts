/**
 * The checks of a call's path and query parameters. Loaded with a client's first call (pipeline.ts),
 * so it imports nothing the client's entry has: the error to throw comes with the call.
 */
import type { ParameterRule as Rule } from '@koodrive/types';
import type { OperationFacts } from './operations/operation-facts.js';

/** Makes the KooDriveValidationError of this call for a field and its problem. */
export type Invalid = (field: string, problem: string) => Error;

// Paging parameters count rows: whatever their declared type, they are whole numbers from 0.
const COUNTS = new Set(['offset', 'limit']);

function checkValue(rule: Rule, value: unknown, invalid: Invalid): void {
  const field = `${rule.in} ${rule.name}`;
  const fail = (problem: string): never => {
    throw invalid(field, problem);
  };
  if (rule.type === 'integer' && !(typeof value === 'number' && Number.isInteger(value))) {
    fail(`must be a whole number, got ${JSON.stringify(value)}`);
  }
  // IDs in paths are 19-digit numbers or long codes: as a JS number they would already have lost
  // digits, so only strings are taken. Query values are text on the wire, so numbers are fine there.
  if (rule.in === 'path' && typeof value !== 'string') {
    fail(`must be a string (KooDrive IDs exceed 2^53), got ${typeof value}`);
  }
  if (rule.type === 'string' && typeof value !== 'string' && typeof value !== 'number') {
    fail(`must be a string, got ${typeof value}`);
  }
  const taken = rule.reserved && Object.hasOwn(rule.reserved, String(value)) && rule.reserved[String(value)];
  if (taken) fail(`must not be "${value}" (the path would be the route of ${taken})`);
  if (COUNTS.has(rule.name) && !(Number.isInteger(Number(value)) && Number(value) >= 0)) {
    fail(`must be a whole number of at least 0, got ${JSON.stringify(value)}`);
  }
  const number = Number(value);
  if (rule.minimum !== undefined && number < rule.minimum) fail(`must be at least ${rule.minimum}`);
  if (rule.maximum !== undefined && number > rule.maximum) fail(`must be at most ${rule.maximum}`);
}

/**
 * A path parameter stays in its segment: openapi-fetch percent-encodes everything else, but `.`
 * and `..` are path syntax that URL parsing would resolve (`/space/..` is `/`), and an empty one
 * would merge two segments. So they are refused, whatever the spec says of the parameter.
 */
function assertPathSegments(path: Record<string, unknown> | undefined, invalid: Invalid): void {
  for (const name in path) {
    const value = path[name];
    if (value === '' || value === '.' || value === '..') {
      throw invalid(
        `path ${name}`,
        value === '' ? 'must not be empty' : `must not be "${value}" (it would change the route)`,
      );
    }
  }
}

/**
 * Checks a call's path and query parameters against what the spec says of them (types, required,
 * bounds), so that a mistake is named before anything is sent rather than answered with 13000102.
 * A path value may not turn the path into another operation's literal route (`/v1/{job_id}` with
 * "jobs" is GetJobList's `/v1/jobs`): the spec's facts name those values (`reserved`).
 */
export function assertValidInput(
  facts: OperationFacts,
  params: { path?: Record<string, unknown>; query?: Record<string, unknown> } | undefined,
  invalid: Invalid,
): void {
  assertPathSegments(params?.path, invalid);
  for (const rule of facts.params ?? []) {
    const value = params?.[rule.in]?.[rule.name];
    if (value === undefined || value === null) {
      if (rule.required) throw invalid(`${rule.in} ${rule.name}`, 'is required');
      continue;
    }
    checkValue(rule, value, invalid);
  }
}
