/**
 * Fetches reference pages politely for `docs:check --online`: one request at a time with a pause
 * between them, a User-Agent that names the project, and a disk cache that answers a page fetched
 * recently without asking the site, and otherwise asks with If-None-Match / If-Modified-Since.
 * A 429 or 503 is retried once after its Retry-After (at most a minute).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The User-Agent docs:check sends. */
export const USER_AGENT = 'koodrive-sdk-docs-check/1 (+https://github.com/koodrive-sdk/koodrive-ts)';

/** How the fetcher behaves; everything but `cacheDir` has a default, and tests replace fetch and sleep. */
export interface FetcherOptions {
  cacheDir: string;
  fetch?: (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;
  userAgent?: string;
  /** A cached page younger than this is used without asking the site (default 12 hours). */
  maxAgeMs?: number;
  /** The pause between two requests to the site (default 2 s). */
  delayMs?: number;
  /** How long one request may take (default 30 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** A fetched page, or why there is none. */
export type Fetched = { ok: true; body: string; fromCache: boolean; stale?: boolean } | { ok: false; error: string };

interface CacheMeta {
  url: string;
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
}

/** Fetches pages one at a time through the cache. */
export class PoliteFetcher {
  private queue: Promise<unknown> = Promise.resolve();
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  private readonly options: Required<Omit<FetcherOptions, 'fetch'>> & Pick<FetcherOptions, 'fetch'>;

  constructor(options: FetcherOptions) {
    this.options = {
      userAgent: USER_AGENT,
      maxAgeMs: 12 * 3600_000,
      delayMs: 2000,
      timeoutMs: 30_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
      ...options,
    };
    mkdirSync(options.cacheDir, { recursive: true });
  }

  /** The page at `url`; calls made together still reach the site one after the other. */
  get(url: string): Promise<Fetched> {
    const next = this.queue.then(() => this.fetchOne(url));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private files(url: string) {
    const key = createHash('sha256').update(url).digest('hex').slice(0, 24);
    return { body: join(this.options.cacheDir, `${key}.html`), meta: join(this.options.cacheDir, `${key}.json`) };
  }

  private readCache(url: string): { meta: CacheMeta; body: string } | undefined {
    const files = this.files(url);
    try {
      const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as CacheMeta;
      return meta.url === url ? { meta, body: readFileSync(files.body, 'utf8') } : undefined;
    } catch {
      return undefined;
    }
  }

  private writeCache(url: string, body: string, meta: CacheMeta): void {
    const files = this.files(url);
    writeFileSync(files.body, body);
    writeFileSync(files.meta, JSON.stringify(meta));
  }

  private async request(url: string, headers: Record<string, string>): Promise<Response> {
    const { fetch: fetcher = globalThis.fetch, delayMs, sleep, now, timeoutMs } = this.options;
    const wait = this.lastRequestAt + delayMs - now();
    if (wait > 0) await sleep(wait);
    this.lastRequestAt = now();
    return fetcher(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  }

  private async fetchOne(url: string): Promise<Fetched> {
    const { now, maxAgeMs, userAgent, sleep } = this.options;
    const cached = this.readCache(url);
    if (cached && now() - cached.meta.fetchedAt < maxAgeMs) return { ok: true, body: cached.body, fromCache: true };
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html' };
    if (cached?.meta.etag) headers['if-none-match'] = cached.meta.etag;
    if (cached?.meta.lastModified) headers['if-modified-since'] = cached.meta.lastModified;
    try {
      let response = await this.request(url, headers);
      if (response.status === 429 || response.status === 503) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : 10_000, 60_000));
        response = await this.request(url, headers);
      }
      if (response.status === 304 && cached) {
        this.writeCache(url, cached.body, { ...cached.meta, fetchedAt: now() });
        return { ok: true, body: cached.body, fromCache: true };
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.text();
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      this.writeCache(url, body, {
        url,
        fetchedAt: now(),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      });
      return { ok: true, body, fromCache: false };
    } catch (error) {
      const reason = `${url}: ${(error as Error).message}`;
      // An old copy is better than none, and the report says it is old.
      return cached ? { ok: true, body: cached.body, fromCache: true, stale: true } : { ok: false, error: reason };
    }
  }
}
