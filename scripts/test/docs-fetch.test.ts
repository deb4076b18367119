import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOnline } from '../docs/check-pages.ts';
import { PoliteFetcher, USER_AGENT } from '../docs/fetch-pages.ts';
import { loadSpec } from '../docs/spec-reader.ts';
import { repoRoot } from '../lib/paths.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fetcher over a stubbed site: `answer` decides each response; the clock only moves when slept. */
function setUp(
  answer: (url: string, headers: Record<string, string>) => Response | Promise<Response>,
  maxAgeMs = 1000,
) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'docs-cache-'));
  dirs.push(cacheDir);
  let clock = 0;
  let inFlight = 0;
  const log: { url: string; headers: Record<string, string>; at: number; concurrent: number }[] = [];
  const slept: number[] = [];
  const options = {
    cacheDir,
    maxAgeMs,
    delayMs: 2000,
    now: () => clock,
    sleep: async (ms: number) => {
      slept.push(ms);
      clock += ms;
    },
    fetch: async (url: string, init: { headers: Record<string, string> }) => {
      inFlight++;
      log.push({ url, headers: init.headers, at: clock, concurrent: inFlight });
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return answer(url, init.headers);
    },
  };
  return { fetcher: new PoliteFetcher(options), log, slept, advance: (ms: number) => (clock += ms), cacheDir };
}

describe('PoliteFetcher', () => {
  it('asks one page at a time, pausing between requests, with a User-Agent naming the project', async () => {
    const { fetcher, log } = setUp((url) => new Response(`<p>${url}</p>`));
    const pages = await Promise.all(
      ['https://a.test/1.html', 'https://a.test/2.html', 'https://a.test/3.html'].map((u) => fetcher.get(u)),
    );
    expect(pages.map((p) => p.ok && p.body)).toEqual([
      '<p>https://a.test/1.html</p>',
      '<p>https://a.test/2.html</p>',
      '<p>https://a.test/3.html</p>',
    ]);
    expect(log.map((entry) => entry.concurrent)).toEqual([1, 1, 1]);
    expect(log.map((entry) => entry.at)).toEqual([0, 2000, 4000]);
    expect(log.every((entry) => entry.headers['user-agent'] === USER_AGENT)).toBe(true);
    expect(USER_AGENT).toMatch(/koodrive-sdk/);
  });

  it('answers from the disk cache while it is fresh, then revalidates with the ETag', async () => {
    let calls = 0;
    const { fetcher, log, advance } = setUp((_url, headers) => {
      calls++;
      if (headers['if-none-match'] === '"v1"') return new Response(null, { status: 304 });
      return new Response('<p>v1</p>', { headers: { etag: '"v1"' } });
    });
    const url = 'https://a.test/page.html';
    expect(await fetcher.get(url)).toEqual({ ok: true, body: '<p>v1</p>', fromCache: false });
    expect(await fetcher.get(url)).toEqual({ ok: true, body: '<p>v1</p>', fromCache: true });
    expect(calls).toBe(1);
    advance(5000);
    expect(await fetcher.get(url)).toEqual({ ok: true, body: '<p>v1</p>', fromCache: true });
    expect(calls).toBe(2);
    expect(log[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it('waits out a 429 once (Retry-After, at most a minute)', async () => {
    let calls = 0;
    const { fetcher, slept } = setUp(() =>
      ++calls === 1 ? new Response('', { status: 429, headers: { 'retry-after': '7' } }) : new Response('<p>ok</p>'),
    );
    expect(await fetcher.get('https://a.test/x.html')).toMatchObject({ ok: true, body: '<p>ok</p>' });
    expect(slept).toContain(7000);
  });

  it('reports a failure with the URL, and falls back to a stale cached copy when there is one', async () => {
    let fail = false;
    const { fetcher, advance } = setUp(() =>
      fail ? new Response('gone', { status: 404 }) : new Response('<p>old</p>'),
    );
    expect(await fetcher.get('https://a.test/missing.html')).toEqual({
      ok: true,
      body: '<p>old</p>',
      fromCache: false,
    });
    fail = true;
    advance(5000);
    expect(await fetcher.get('https://a.test/missing.html')).toEqual({
      ok: true,
      body: '<p>old</p>',
      fromCache: true,
      stale: true,
    });
    expect(await fetcher.get('https://a.test/other.html')).toEqual({
      ok: false,
      error: 'https://a.test/other.html: HTTP 404',
    });
  });

  it('fetches each operation page of the spec for checkOnline, and compares it', async () => {
    const spec = loadSpec(join(repoRoot, 'spec'));
    const html = readFileSync(join(import.meta.dirname, 'fixtures/docs/GetSpaceUsageByQuota.html'), 'utf8');
    const { fetcher, log } = setUp((url) =>
      url.endsWith('/GetSpaceUsageByQuota.html') ? new Response(html) : new Response('', { status: 404 }),
    );
    const results = await checkOnline(spec, fetcher, new Set(['GetSpaceUsageByQuota', 'GetSpaceUsageByOverview']));
    expect(log.map((entry) => entry.url)).toEqual([
      'https://support.huaweicloud.com/intl/en-us/api-koodrive/GetSpaceUsageByOverview.html',
      'https://support.huaweicloud.com/intl/en-us/api-koodrive/GetSpaceUsageByQuota.html',
    ]);
    expect(results.map((r) => [r.operationId, r.status, r.problem])).toEqual([
      [
        'GetSpaceUsageByOverview',
        'unreadable',
        'https://support.huaweicloud.com/intl/en-us/api-koodrive/GetSpaceUsageByOverview.html: HTTP 404',
      ],
      ['GetSpaceUsageByQuota', 'agrees', undefined],
    ]);
  });
});
