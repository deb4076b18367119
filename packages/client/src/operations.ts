import { operationIndex } from '@koodrive/types';

// "GET /koodrive/ose/v1/space/usage/quota" → "GetSpaceUsageByQuota"
const operationIdByRoute = new Map<string, string>(
  Object.entries(operationIndex).map(([operationId, { method, path }]) => [`${method} ${path}`, operationId]),
);

/** The operationId for a method and a path template, or the route itself when the spec does not know it. */
export function operationIdFor(method: string, schemaPath: string): string {
  return operationIdByRoute.get(`${method} ${schemaPath}`) ?? `${method} ${schemaPath}`;
}
