import { operationRules } from '@koodrive/types';

export interface OperationFacts {
  /** The operationId, or `METHOD /path` when the spec does not know the route. */
  operationId: string;
  /** Whether the spec marks it safe to repeat (`x-koodrive-idempotent`). */
  idempotent: boolean;
}

// "GET /koodrive/ose/v1/space/usage/quota" → its facts
const operationsByRoute = new Map<string, OperationFacts>(
  Object.entries(operationRules).map(([operationId, operation]) => [
    `${operation.method} ${operation.path}`,
    { operationId, idempotent: operation.idempotent },
  ]),
);

export interface PagedOperationFacts {
  operationId: string;
  method: 'GET' | 'POST';
  /** Where `offset` and `limit` go. */
  pagination: 'query' | 'body';
}

const pagedOperations = new Map<string, PagedOperationFacts>(
  Object.entries(operationRules).flatMap(([operationId, operation]) => {
    const { pagination, method, path } = operation as {
      pagination: 'query' | 'body' | null;
      method: string;
      path: string;
    };
    return pagination && (method === 'GET' || method === 'POST')
      ? [[path, { operationId, method, pagination }] as const]
      : [];
  }),
);

/** The offset/limit operation at a path template, if there is one. */
export function pagedOperationAt(schemaPath: string): PagedOperationFacts | undefined {
  return pagedOperations.get(schemaPath);
}

/** The operation at a method and path template. */
export function operationFor(method: string, schemaPath: string): OperationFacts {
  return (
    operationsByRoute.get(`${method} ${schemaPath}`) ?? { operationId: `${method} ${schemaPath}`, idempotent: false }
  );
}
