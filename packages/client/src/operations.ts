import { operationIndex } from '@koodrive/types';

export interface OperationFacts {
  /** The operationId, or `METHOD /path` when the spec does not know the route. */
  operationId: string;
  /** Whether the spec marks it safe to repeat (`x-koodrive-idempotent`). */
  idempotent: boolean;
}

// "GET /koodrive/ose/v1/space/usage/quota" → its facts
const operationsByRoute = new Map<string, OperationFacts>(
  Object.entries(operationIndex).map(([operationId, operation]) => [
    `${operation.method} ${operation.path}`,
    { operationId, idempotent: operation.idempotent },
  ]),
);

/** The operation at a method and path template. */
export function operationFor(method: string, schemaPath: string): OperationFacts {
  return (
    operationsByRoute.get(`${method} ${schemaPath}`) ?? { operationId: `${method} ${schemaPath}`, idempotent: false }
  );
}
