/**
 * Walking a list to its end, page by page, as the loop asks for rows. Two kinds of paging, as the
 * spec records them per operation (`paging` in the operation's facts):
 * - offset: `offset` and `limit` in, `total` out;
 * - cursor: a cursor and a page size in (`pageInfo.pageCursor` …), `nextCursor` out, absent at the end.
 */
import type { OperationFacts, PagingFacts } from './operations/operation-facts.js';
import type { CallInit } from './pipeline.js';
import type { KooDriveResult } from './response/read-result.js';

/** Options of `paginate`. */
export interface PaginateOptions {
  /** Rows per request; default the call's own page size, else 100 (the largest page most KooDrive lists allow). */
  pageSize?: number;
}

type Page = Record<string, unknown>;

/**
 * What pagination needs of the client, lent to it: this module is loaded on first use, and
 * importing the client's modules here would make bundlers split them off the client's entry.
 */
export interface PagingContext extends PagingErrors {
  /** Sends one call through the client's pipeline. */
  call(facts: OperationFacts, init: CallInit): Promise<KooDriveResult<unknown>>;
  /** The operation that pages at a path. */
  pagedFactsAt(path: string): Promise<OperationFacts>;
}

/** The errors pagination throws. */
export interface PagingErrors {
  /** A paging option that is wrong (a KooDriveValidationError). */
  invalid(field: string, problem: string): Error;
  /** A page the service sent that cannot be walked (a KooDriveError). */
  broken(message: string): Error;
}
/** Fetches one page with these paging fields (dotted paths) set. */
export type FetchPage = (fields: Record<string, unknown>) => Promise<Page>;

const DEFAULT_PAGE_SIZE = 100;

/** Reads a dotted path (`pageInfo.pageSize`) of an object. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

/** A copy of `target` with dotted paths set, nested objects copied rather than changed. */
export function withFields(target: Record<string, unknown> | undefined, fields: Record<string, unknown>) {
  const result: Record<string, unknown> = { ...target };
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    let node = result;
    for (const key of keys.slice(0, -1)) {
      node[key] = { ...(node[key] as Record<string, unknown> | undefined) };
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] as string] = value;
  }
  return result;
}

function itemsOf(page: Page, itemsKey: string, operation: string, errors: PagingErrors): unknown[] {
  const items = readPath(page, itemsKey);
  if (items === undefined || items === null) return [];
  if (Array.isArray(items)) return items;
  // Some pages document a list that the reference shows as one object: that object is the page's row.
  if (typeof items === 'object') return [items];
  throw errors.broken(`${operation}: the page's "${itemsKey}" is not a list`);
}

function toCount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const count = Number(value);
  return Number.isFinite(count) ? count : undefined;
}

function assertPageSize(pageSize: number, errors: PagingErrors) {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw errors.invalid('pageSize', `must be a whole number of at least 1, got ${pageSize}`);
  }
}

/**
 * Offset paging: asks for `pageSize` rows from `offset`, yields them, and stops once `total` rows
 * have been seen (or, when a page has no `total`, at a short page). An empty page always stops, so
 * a `total` that overstates cannot loop forever.
 */
async function* byOffset(
  fetchPage: FetchPage,
  paging: PagingFacts,
  start: Page,
  pageSize: number,
  operation: string,
  errors: PagingErrors,
) {
  let offset = Number(start.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) {
    throw errors.invalid('offset', `must be a whole number of at least 0, got ${start.offset}`);
  }
  for (;;) {
    const page = await fetchPage({ offset, limit: pageSize });
    const items = itemsOf(page, paging.items, operation, errors);
    yield* items;
    offset += items.length;
    const total = toCount(page.total);
    if (items.length === 0) return;
    if (total === undefined ? items.length < pageSize : offset >= total) return;
  }
}

/**
 * Cursor paging: follows `nextCursor` until a page has none. A short or empty page is not the end
 * (the service may filter rows out of a page); a cursor that repeats the one just sent is an error
 * rather than an endless loop.
 */
async function* byCursor(
  fetchPage: FetchPage,
  paging: Extract<PagingFacts, { style: 'cursor' }>,
  start: Page,
  pageSize: number,
  operation: string,
  errors: PagingErrors,
) {
  let cursor = readPath(start, paging.cursor);
  for (;;) {
    const fields: Record<string, unknown> = paging.pageSize ? { [paging.pageSize]: pageSize } : {};
    if (cursor !== undefined && cursor !== null && cursor !== '') fields[paging.cursor] = cursor;
    const page = await fetchPage(fields);
    yield* itemsOf(page, paging.items, operation, errors);
    const next = readPath(page, paging.nextCursor);
    if (next === undefined || next === null || next === '') return;
    if (next === cursor) throw errors.broken(`${operation}: the service sent the same ${paging.nextCursor} again`);
    cursor = next;
  }
}

/** Every row of a paged operation, fetched page by page as the loop asks for them. */
export function paginate<Item>(
  fetchPage: FetchPage,
  paging: PagingFacts,
  start: Page,
  options: PaginateOptions & { operation: string; errors: PagingErrors },
): AsyncGenerator<Item, void, undefined> {
  const { operation, errors } = options;
  const ownSize = paging.style === 'offset' ? start.limit : paging.pageSize && readPath(start, paging.pageSize);
  const pageSize = options.pageSize ?? (ownSize === undefined ? DEFAULT_PAGE_SIZE : Number(ownSize));
  assertPageSize(pageSize, errors);
  return (
    paging.style === 'offset'
      ? byOffset(fetchPage, paging, start, pageSize, operation, errors)
      : byCursor(fetchPage, paging, start, pageSize, operation, errors)
  ) as AsyncGenerator<Item, void, undefined>;
}

/** `kd.paginate(target, init, options)`: the rows of a path's or an operation function's list, page by page. */
export async function* walk<Item>(
  context: PagingContext,
  target: string | { operation: OperationFacts },
  init: CallInit = {},
  options: PaginateOptions = {},
): AsyncGenerator<Item, void, undefined> {
  const facts = typeof target === 'string' ? await context.pagedFactsAt(target) : target.operation;
  const { paging } = facts;
  if (!paging) throw context.invalid('paginate', `${facts.id} does not page`);
  const start = (paging.in === 'query' ? init.params?.query : (init.body as Page | undefined)) ?? {};
  const fetchPage = async (fields: Record<string, unknown>) => {
    const page: CallInit =
      paging.in === 'query'
        ? { ...init, params: { ...init.params, query: withFields(start, fields) } }
        : { ...init, body: withFields(start, fields) };
    const result = (await context.call(facts, page)) as KooDriveResult<Page>;
    if (result.error) throw result.error;
    return result.data;
  };
  yield* paginate<Item>(fetchPage, paging, start, { ...options, operation: facts.id, errors: context });
}
