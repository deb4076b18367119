/**
 * An operation as a function of its own, `getFile(kd, init)`: what the generated modules in
 * generated/operations/ export, one per operation, each carrying its facts. Importing one brings in
 * nothing of the others, so an app bundles only the operations it calls (as AWS SDK v3's commands).
 */
import type { OperationCalls } from '../generated/calls.js';
import type { KooDriveCallResult } from '../types.js';
import type { OperationFacts } from './operation-facts.js';

/** What an operation function needs of a client: its `request` (any KooDriveClient has one). */
export interface OperationCaller<ThrowOnError extends boolean> {
  request(operation: OperationFacts, init?: object): Promise<KooDriveCallResult<ThrowOnError, unknown>>;
}

/** A generated operation function, e.g. `getFile`. */
export interface OperationFunction<Name extends keyof OperationCalls> {
  <Caller extends OperationCaller<boolean>>(
    kd: Caller,
    ...init: OperationCalls[Name]['args']
  ): Promise<KooDriveCallResult<Caller extends OperationCaller<true> ? true : false, OperationCalls[Name]['data']>>;
  /** The operation's facts from the spec: operationId, method, path, security, paging. */
  readonly operation: OperationFacts;
  /** The operationId. */
  readonly operationId: Name;
}

/** Makes the function of one operation. */
export function defineOperation<Name extends keyof OperationCalls>(facts: OperationFacts): OperationFunction<Name> {
  const call = (kd: OperationCaller<boolean>, init?: object) => kd.request(facts, init);
  return Object.assign(call, { operation: facts, operationId: facts.id }) as unknown as OperationFunction<Name>;
}
