/**
 * The client's call types. The per-operation work (managed headers made optional, documented
 * headers spelled out, paging fields loosened) is done by the generator in generated/calls.ts, so a
 * call costs the type checker a few indexed accesses, whatever the size of the spec.
 */
import type { OperationCalls, PagedCalls, PagedPaths, PathCalls } from './generated/calls.js';
import type { KooDriveResult, KooDriveSuccess } from './response/read-result.js';

export type { OperationCalls, PagedCalls, PagedPaths, PathCalls };

/** An operationId of the spec. */
export type OperationName = keyof OperationCalls;

/** What a call resolves to: `{ data }` or `{ error }`, or only `{ data }` on a client that throws on every failure. */
export type KooDriveCallResult<ThrowOnError extends boolean, Data> = ThrowOnError extends true
  ? KooDriveSuccess<Data>
  : KooDriveResult<Data>;

/** `kd.GET`, `kd.POST`, …: a call by path, typed by the spec. */
export type KooDriveMethod<Method extends keyof PathCalls, ThrowOnError extends boolean = false> = <
  Path extends keyof PathCalls[Method],
>(
  url: Path,
  ...init: PathCalls[Method][Path] extends { args: infer Args extends unknown[] } ? Args : never
) => Promise<KooDriveCallResult<ThrowOnError, PathCalls[Method][Path] extends { data: infer Data } ? Data : never>>;

/** The success data of an operation, by operationId. */
export type OperationData<Name extends OperationName> = OperationCalls[Name]['data'];

/** The init of an operation's call, by operationId. */
export type OperationInit<Name extends OperationName> = NonNullable<OperationCalls[Name]['args'][0]>;

/** An operation that pages, by operationId. */
export type PagedOperationName = keyof PagedCalls;

/** A path that `kd.paginate` walks. */
export type PagedPath = keyof PagedPaths;

/** The rows `paginate` yields for an operation that pages. */
export type PageItem<Name extends PagedOperationName> = PagedCalls[Name]['item'];
