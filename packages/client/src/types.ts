/**
 * The client's view of the spec's types. The spec documents X-User-Id, X-Date and Host as
 * required, but the client sends them itself, so here they (and the other managed headers) are
 * optional: callers may still set them per request.
 */
import type { paths } from '@koodrive/types';
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { KooDriveRequestOptions } from './options.js';
import type { KooDriveResult } from './response/read-result.js';

/** Headers the client manages. */
export type ManagedHeader = 'X-User-Id' | 'X-Date' | 'X-Traceid' | 'language' | 'Host';

type RelaxHeaders<Headers> =
  Headers extends Record<string, unknown>
    ? Omit<Headers, ManagedHeader> & Partial<Pick<Headers, Extract<keyof Headers, ManagedHeader>>>
    : Headers;

type RelaxOperation<Operation> = Operation extends { parameters: infer Params extends { header?: unknown } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Params, 'header'> & { header?: RelaxHeaders<NonNullable<Params['header']>> };
    }
  : Operation;

/** The spec's `paths`, with the managed headers optional. */
export type KooDrivePaths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: RelaxOperation<paths[Path][Method]> };
};

/** The JSON body of an operation's success response. */
export type SuccessBody<Operation> =
  Operation extends Record<string | number, unknown>
    ? NonNullable<Extract<FetchResponse<Operation, object, `${string}/${string}`>, { error?: never }>['data']>
    : never;

// As openapi-fetch does: the init argument is optional exactly when nothing in it is required.
// KooDrive's own per-call options (retry, timeout) are typed beside openapi-fetch's.
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & KooDriveRequestOptions & { [key: string]: unknown })?]
    : [Init & KooDriveRequestOptions & { [key: string]: unknown }];

/** `kd.GET`, `kd.POST`, …: openapi-fetch's typed call, resolving to data or a KooDriveApiError. */
export type KooDriveMethod<Method extends HttpMethod> = <
  Path extends PathsWithMethod<KooDrivePaths, Method>,
  Init extends MaybeOptionalInit<KooDrivePaths[Path], Method>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<KooDriveResult<SuccessBody<KooDrivePaths[Path][Method]>>>;

type QueryOf<Operation> = Operation extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;
type JsonBodyOf<Operation> = Operation extends {
  requestBody?: { content: { 'application/json': infer Body } } | undefined;
}
  ? Body
  : never;

/** GET paths whose query takes `offset` and `limit`. */
export type QueryPagedPath = {
  [Path in PathsWithMethod<KooDrivePaths, 'get'>]: 'offset' | 'limit' extends keyof QueryOf<KooDrivePaths[Path]['get']>
    ? Path
    : never;
}[PathsWithMethod<KooDrivePaths, 'get'>];

/** POST paths whose JSON body takes `offset` and `limit` (reads sent as POST, such as GetSpaceUsageByUser). */
export type BodyPagedPath = {
  [Path in PathsWithMethod<KooDrivePaths, 'post'>]: 'offset' | 'limit' extends keyof JsonBodyOf<
    KooDrivePaths[Path]['post']
  >
    ? Path
    : never;
}[PathsWithMethod<KooDrivePaths, 'post'>];

/** The paths `paginate` walks: every offset/limit operation. */
export type OffsetPagedPath = QueryPagedPath | BodyPagedPath;

/** The operation `paginate` calls at a path. */
export type PagedOperation<Path extends OffsetPagedPath> = Path extends QueryPagedPath
  ? KooDrivePaths[Path]['get']
  : Path extends BodyPagedPath
    ? KooDrivePaths[Path]['post']
    : never;

type ParametersOf<Operation> = Operation extends { parameters: infer Parameters } ? Parameters : never;

/** What `paginate` takes beside the path: the call's inputs, with `offset` and `limit` left to it. */
export type PaginateInit<Path extends OffsetPagedPath> = KooDriveRequestOptions & {
  params?: {
    [Key in keyof ParametersOf<PagedOperation<Path>>]?: Key extends 'query'
      ? Partial<QueryOf<PagedOperation<Path>>>
      : ParametersOf<PagedOperation<Path>>[Key];
  };
  body?: Partial<JsonBodyOf<PagedOperation<Path>>>;
  headers?: HeadersInit;
  signal?: AbortSignal;
};

/** The element type of the array field(s) of a page, e.g. SpaceQuotaUsage for GetSpaceUsageByQuota's `data`. */
export type PageItem<Body> = {
  [Key in keyof Body]-?: NonNullable<Body[Key]> extends readonly (infer Item)[] ? Item : never;
}[keyof Body];
