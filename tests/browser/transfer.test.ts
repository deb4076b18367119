/**
 * @koodrive/transfer in headless Chromium: the page uploads a real File, picked in its
 * <input type="file">, to the mock KooDrive on another origin (KooDrive calls and part PUTs to the
 * mock's storage endpoint, each across origins), then downloads it back as a stream. The mock checks
 * every part's presigned URL, length and SHA-256 state, and the whole file's digest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureIndividualSpace, makeMockState, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.ts';
import { buildPages, servePages } from './harness/page-server.ts';
import type { TransferPageScenarios, TransferSetup } from './page/transfer-page.ts';

const USER_ID = '1505084218764547200';
const TOKEN = 'browser-transfer-token';
const MiB = 1024 * 1024;
const PART = 5 * MiB;

let browser: Browser;
let pages: Awaited<ReturnType<typeof servePages>>;
let mock: RunningMockKooDrive;
let setup: TransferSetup;
let folder: string;

beforeAll(async () => {
  const [launched, bundle] = await Promise.all([launchChromium(), buildPages()]);
  browser = launched;
  pages = await servePages(bundle);
  const state = makeMockState();
  ensureIndividualSpace(state, USER_ID);
  mock = await startMockKooDrive({ tokens: [TOKEN], state });
  setup = { mockUrl: mock.url, userId: USER_ID, token: TOKEN };
  folder = await mkdtemp(join(tmpdir(), 'koodrive-browser-transfer-'));
});
afterEach(() => mock.reset());
afterAll(async () => {
  await browser?.close();
  await Promise.all([pages?.close(), mock?.close(), rm(folder, { recursive: true, force: true })]);
});

/** Writes a file to disk and picks it in the page's input, as a user would (Chromium reads it from disk). */
async function pick(page: Page, name: string, bytes: Buffer): Promise<void> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  await page.setInputFiles('#file', path);
}

/** A fresh page on the transfer page, with a file of `bytes` picked in its input. */
async function openWithFile(name: string, bytes: Buffer): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${pages.origin}/transfer.html`);
  await page.waitForFunction(() => 'scenarios' in globalThis);
  await pick(page, name, bytes);
  expect(problems).toEqual([]);
  return page;
}

type Scenario = keyof TransferPageScenarios;
type Args<Name extends Scenario> =
  Parameters<TransferPageScenarios[Name]> extends [TransferSetup, ...infer Rest] ? Rest : [];

/** Runs a scenario of the transfer page in the page. */
function run<Name extends Scenario>(
  page: Page,
  name: Name,
  ...rest: Args<Name>
): Promise<Awaited<ReturnType<TransferPageScenarios[Name]>>> {
  return page.evaluate(
    ([scenario, args]) =>
      (globalThis as unknown as { scenarios: Record<string, (...a: unknown[]) => unknown> }).scenarios[scenario]?.(
        ...(args as unknown[]),
      ),
    [name, [setup, ...rest]] as const,
  ) as never;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const storageRequests = () => mock.requests.filter((request) => request.url.pathname.startsWith('/mock-storage/'));

describe('transfers in Chromium', () => {
  it('run where there are no Node globals (every SHA-256 is hash-wasm’s)', async () => {
    const page = await openWithFile('none.bin', Buffer.alloc(1));
    expect(await run(page, 'environment')).toEqual({ hasNodeProcess: false, isSecureContext: true });
    await page.context().close();
  });

  it('upload a picked File in parallel parts with their hash states, and download it back as a stream', async () => {
    const bytes = randomBytes(2 * PART + 4321);
    const page = await openWithFile('picked.bin', bytes);
    const { result, progress, fileSha256, back } = await run(page, 'uploadAndDownload', { partSize: PART });
    await page.context().close();

    expect(result).toMatchObject({
      fileName: 'picked.bin',
      size: bytes.length,
      sha256: sha256(bytes),
      partsUploaded: 3,
      rapidUpload: false,
    });
    expect(fileSha256).toBe(sha256(bytes));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(bytes.length);
    expect(back).toEqual({
      announced: bytes.length,
      received: bytes.length,
      sha256: sha256(bytes),
      lastProgress: { loaded: bytes.length, total: bytes.length },
    });

    const asked = mock.requests
      .filter((request) => request.url.pathname.endsWith('/multipart/uploadUrl'))
      .flatMap(
        (request) =>
          (JSON.parse(request.bodyText) as { multiParts: { partNumber: number; hashCtx?: number[] }[] }).multiParts,
      );
    expect(asked.filter((part) => part.partNumber > 1).every((part) => part.hashCtx?.length === 8)).toBe(true);
    const puts = storageRequests().filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(3);
    for (const put of puts) {
      expect(put.status).toBe(200);
      expect(put.headers.origin).toBe(pages.origin);
      expect(put.headers.authorization).toBeUndefined();
    }
  });

  it('skip sending the bytes of content the service already holds (flash upload)', async () => {
    const bytes = randomBytes(PART + 10);
    const page = await openWithFile('flash.bin', bytes);
    await run(page, 'uploadAndDownload', { partSize: PART });
    mock.reset();
    await pick(page, 'flash-again.bin', bytes);
    const { result, back } = await run(page, 'uploadAndDownload', { partSize: PART, flashUpload: true });
    await page.context().close();
    expect(result).toMatchObject({ rapidUpload: true, partsUploaded: 0, sha256: sha256(bytes) });
    expect(storageRequests().filter((request) => request.method === 'PUT')).toEqual([]);
    expect(back.sha256).toBe(sha256(bytes));
  });

  it('resume an upload after the page is reloaded, from a record kept in localStorage, sending only the missing parts', async () => {
    const bytes = randomBytes(3 * PART + 99);
    const page = await openWithFile('reloaded.bin', bytes);
    const first = await run(page, 'interruptedUpload', { partSize: PART, stopAfter: 2 });
    expect(first.aborted).toBe(true);
    const stored = new Set(first.record?.partsDone);
    expect(stored.size).toBeGreaterThanOrEqual(2);

    await page.reload();
    await page.waitForFunction(() => 'scenarios' in globalThis);
    // The same file on disk, picked again after the reload (same name, size and modification time).
    await page.setInputFiles('#file', join(folder, 'reloaded.bin'));
    mock.reset();
    const { result, back } = await run(page, 'resumeAfterReload');
    await page.context().close();

    expect(result).toMatchObject({
      fileId: first.record?.fileId,
      sha256: sha256(bytes),
      partsUploaded: 4 - stored.size,
    });
    const sent = storageRequests()
      .filter((request) => request.method === 'PUT')
      .map((request) => Number(request.url.searchParams.get('partNumber')));
    expect(sent.filter((part) => stored.has(part))).toEqual([]);
    expect(back.sha256).toBe(sha256(bytes));
  });
});
