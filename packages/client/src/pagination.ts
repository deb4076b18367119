import { KooDriveValidationError } from './errors.js';

/** Options of `paginate`. */
export interface PaginateOptions {
  /** Rows per request; default the query's `limit`, else 100 (the largest page most KooDrive lists allow). */
  pageSize?: number;
  /**
   * The field of the page that holds the rows. Default: the page's only array field (`data` for
   * GetSpaceUsageByQuota); name it when a page has several.
   */
  itemsKey?: string;
}

type Page = Record<string, unknown>;
export type FetchPage = (offset: number, limit: number) => Promise<Page>;

function itemsOf(page: Page, itemsKey: string | undefined, operation: string): unknown[] {
  if (itemsKey !== undefined) {
    const items = page[itemsKey];
    if (items === undefined) return [];
    if (!Array.isArray(items))
      throw new KooDriveValidationError('itemsKey', `${operation}'s "${itemsKey}" is not an array`);
    return items;
  }
  const arrays = Object.values(page).filter(Array.isArray);
  if (arrays.length > 1) {
    throw new KooDriveValidationError('itemsKey', `${operation}'s page has several arrays; name the one to walk`);
  }
  return arrays[0] ?? [];
}

function toCount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const count = Number(value);
  return Number.isFinite(count) ? count : undefined;
}

/**
 * Walks an offset/limit list to its end: asks for `pageSize` rows from `offset`, yields them,
 * and stops once `total` rows have been seen (or, when a page has no `total`, at a short page).
 * An empty page always stops, so a `total` that overstates cannot loop forever.
 */
export async function* paginateByOffset<Item>(
  fetchPage: FetchPage,
  start: { offset: number; pageSize: number; itemsKey?: string | undefined; operation: string },
): AsyncGenerator<Item, void, undefined> {
  const { pageSize, itemsKey, operation } = start;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new KooDriveValidationError('pageSize', `must be a whole number of at least 1, got ${pageSize}`);
  }
  if (!Number.isInteger(start.offset) || start.offset < 0) {
    throw new KooDriveValidationError('offset', `must be a whole number of at least 0, got ${start.offset}`);
  }
  let offset = start.offset;
  for (;;) {
    const page = await fetchPage(offset, pageSize);
    const items = itemsOf(page, itemsKey, operation) as Item[];
    yield* items;
    offset += items.length;
    const total = toCount(page.total);
    if (items.length === 0) return;
    if (total === undefined ? items.length < pageSize : offset >= total) return;
  }
}
