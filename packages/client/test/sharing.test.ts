/**
 * Opening shares through their links (`@koodrive/client/sharing`) against the mock KooDrive over
 * HTTP: one user uploads and shares, another opens the link with its extraction code, lists and
 * downloads the file, and each reads the messages the sharing produced. Then the ways a link fails
 * (missing or wrong code, expiry, a caller the share does not name), cursor paging, the share's
 * tasks, and that the kdstoken stays out of sight.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createDirectory,
  createShare,
  getUnreadCount,
  listMessages,
  listShareFiles,
  listShareWithMe,
  updateShare,
} from '../src/generated/operations/index.js';
import { createKooDriveClient, KooDriveApiError, KooDriveValidationError, unwrap } from '../src/index.js';
import { KooDriveShareLinkError, openShareLink, readShareTask, shortCodeOf } from '../src/sharing/index.js';
import { TOKEN } from './helpers.js';
import { OWNER, RECIPIENT, upload, useSharingWorld } from './sharing-helpers.js';

const CODE = 'Kd4x9Pq2';
const DAY = 86_400_000;

async function shareWithRecipient(
  world: ReturnType<typeof useSharingWorld>,
  fileIds: string[],
  containerId: string,
  extra: { extractCode?: string; validDays?: number } = { extractCode: CODE },
) {
  const { shareLink } = await unwrap(
    createShare(world.owner, {
      body: { scope: 3, userIds: [RECIPIENT], fileIds, containerId, validDays: extra.validDays ?? 7, ...extra },
    }),
  );
  if (!shareLink?.shareId || !shareLink.shortUrl || !shareLink.linkUrl) throw new Error('createShare answered no link');
  return shareLink as { shareId: string; shortUrl: string; linkUrl: string };
}

describe('openShareLink', () => {
  const world = useSharingWorld();

  it('lets a second user open an uploaded file shared with an extraction code, list it, download it, and read the messages', async () => {
    const uploaded = await upload(world.owner, 'q3-report.txt', 'quarterly numbers, all up');
    const link = await shareWithRecipient(world, [uploaded.fileId], uploaded.containerId);

    // The recipient sees the share among those shared with them…
    const withMe = await unwrap(listShareWithMe(world.recipient));
    expect(withMe.shareLinks?.map((row) => [row.shareId, row.ownerId, row.displayName])).toContainEqual([
      link.shareId,
      OWNER,
      'q3-report.txt',
    ]);
    // …and a message saying so.
    const inbox = await unwrap(listMessages(world.recipient, { params: { query: { filterType: '000' } } }));
    const invitation = (Array.isArray(inbox.messages) ? inbox.messages : []).find((message) =>
      message.context?.includes('q3-report.txt'),
    );
    expect(invitation).toMatchObject({ sender: 'User 1', type: '000', state: 0 });

    // Opening the link (the full URL works as well as the short code) walks visit → info → verify.
    world.mock.reset();
    const share = await openShareLink(world.recipient, link.linkUrl, { extractCode: CODE });
    expect(world.mock.requests.map((request) => request.operationId)).toEqual([
      'visitShare',
      'getShareInfo',
      'verifyExtractCode',
      'listShareFiles',
    ]);
    expect(share).toMatchObject({ shortUrl: link.shortUrl, shareId: link.shareId, verified: true });
    expect(share.info).toMatchObject({ ownerId: OWNER, ownerName: 'User 1', status: 0 });
    expect(share.containerId).toBe(uploaded.containerId);

    const files = [];
    for await (const file of share.files()) files.push(file);
    expect(files.map((file) => [file.id, file.fileName, file.size])).toEqual([[uploaded.fileId, 'q3-report.txt', 25]]);
    // Every call on the share's files carried the kdstoken, as a body field.
    const listing = world.mock.requests.filter((request) => request.operationId === 'listShareFiles').at(-1);
    expect(JSON.parse(listing?.bodyText ?? '{}').kdstoken).toBe(share.kdstoken());

    const response = await share.download(uploaded.fileId);
    expect(await response.text()).toBe('quarterly numbers, all up');

    // The owner hears of the download.
    const { count } = await unwrap(getUnreadCount(world.owner));
    expect(count).toBeGreaterThanOrEqual(1);
    const ownerInbox = await unwrap(listMessages(world.owner, { params: { query: { state: 0 } } }));
    const notice = (Array.isArray(ownerInbox.messages) ? ownerInbox.messages : []).find((message) =>
      message.context?.includes('downloaded'),
    );
    expect(notice).toMatchObject({ sender: 'User 2', type: '000' });
    expect(notice?.context).toContain('q3-report.txt');
  });

  it('says when the extraction code is missing, and when it is wrong, never repeating it', async () => {
    const uploaded = await upload(world.owner, 'locked.txt', 'secret plans');
    const link = await shareWithRecipient(world, [uploaded.fileId], uploaded.containerId);

    const missing = await openShareLink(world.recipient, link.shortUrl).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(KooDriveShareLinkError);
    expect(missing).toMatchObject({ reason: 'extract-code-missing', shortUrl: link.shortUrl });
    expect((missing as Error).cause).toBeInstanceOf(KooDriveApiError);

    const wrong = await openShareLink(world.recipient, link.shortUrl, { extractCode: 'nope1234' }).catch(
      (error: unknown) => error,
    );
    expect(wrong).toMatchObject({ name: 'KooDriveShareLinkError', reason: 'extract-code-wrong' });
    expect((wrong as KooDriveApiError).message).not.toContain('nope1234');
    expect(((wrong as Error).cause as KooDriveApiError).operationId).toBe('verifyExtractCode');

    await expect(openShareLink(world.recipient, link.shortUrl, { extractCode: '' })).rejects.toThrow(
      KooDriveValidationError,
    );
  });

  it('opens a share without an extraction code without verifying anything', async () => {
    const uploaded = await upload(world.owner, 'open.txt', 'for everyone named');
    const link = await shareWithRecipient(world, [uploaded.fileId], uploaded.containerId, {});
    world.mock.reset();
    const share = await openShareLink(world.recipient, link.shortUrl);
    expect(share.verified).toBe(false);
    expect(share.kdstoken()).toBeUndefined();
    expect(world.mock.requests.map((request) => request.operationId)).not.toContain('verifyExtractCode');
    expect(await (await share.download(uploaded.fileId)).text()).toBe('for everyone named');
  });

  it('refuses an expired share by the mock clock, and a caller the share does not name', async () => {
    const uploaded = await upload(world.owner, 'brief.txt', 'short-lived');
    const link = await shareWithRecipient(world, [uploaded.fileId], uploaded.containerId, {
      extractCode: CODE,
      validDays: 1,
    });

    const outsider = await openShareLink(world.outsider, link.shortUrl, { extractCode: CODE }).catch((error) => error);
    expect(outsider).toBeInstanceOf(KooDriveApiError);
    expect(outsider).toMatchObject({ operationId: 'visitShare', status: 400 });

    const opened = await openShareLink(world.recipient, link.shortUrl, { extractCode: CODE });
    world.clock.now += DAY + 1000;
    try {
      await expect(openShareLink(world.recipient, link.shortUrl, { extractCode: CODE })).rejects.toMatchObject({
        reason: 'expired',
      });
      // A link opened before it expired stops working too.
      await expect(opened.downloadUrl(uploaded.fileId)).rejects.toMatchObject({ operationId: 'downloadShareFile' });
      const withMe = await unwrap(listShareWithMe(world.recipient));
      expect(withMe.shareLinks?.find((row) => row.shareId === link.shareId)?.status).toBe(2);
    } finally {
      world.clock.now -= DAY + 1000;
    }
  });

  it('needs the kdstoken on the access-link calls, and a fresh one once the code changed', async () => {
    const uploaded = await upload(world.owner, 'token.txt', 'guarded');
    const link = await shareWithRecipient(world, [uploaded.fileId], uploaded.containerId);
    const share = await openShareLink(world.recipient, link.shortUrl, { extractCode: CODE });

    const bare = await listShareFiles(world.recipient, { body: { shortUrl: link.shortUrl } });
    expect(bare.error?.msg).toMatch(/kdstoken/);
    const forged = await listShareFiles(world.recipient, { body: { shortUrl: link.shortUrl, kdstoken: 'f00d' } });
    expect(forged.error?.msg).toMatch(/not valid/);

    await unwrap(
      updateShare(world.owner, {
        params: { path: { shareId: link.shareId } },
        body: { validDays: 0, extractCode: 'N3wC0de9' },
      }),
    );
    await expect(share.downloadUrl(uploaded.fileId)).rejects.toThrow(/earlier extraction code/);
    const again = await openShareLink(world.recipient, link.shortUrl, { extractCode: 'N3wC0de9' });
    expect(await again.downloadUrl(uploaded.fileId)).toMatch(/\/mock-storage\/files\//);
  });

  it('pages through a shared folder with the cursor, through kd.paginate', async () => {
    const root = await upload(world.owner, 'seed.txt', 'seed');
    const folder = await unwrap(
      createDirectory(world.owner, {
        body: { fileName: 'photos', fileType: '10', parentFolder: ['root'], containerId: root.containerId },
      }),
    );
    const folderId = folder.id as string;
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    for (const name of names) await upload(world.owner, name, `content of ${name}`, folderId);
    const link = await shareWithRecipient(world, [folderId], root.containerId);
    const share = await openShareLink(world.recipient, link.shortUrl, { extractCode: CODE });

    world.mock.reset();
    const seen = [];
    for await (const file of share.files({ parentFolder: folderId, pageSize: 2, sortType: 1, sortDirection: 1 })) {
      seen.push(file.fileName);
    }
    expect(seen).toEqual(names);
    const pages = world.mock.requests.map((request) => JSON.parse(request.bodyText));
    expect(pages.map((page) => [page.pageSize, page.pageCursor])).toEqual([
      [2, undefined],
      [2, '2'],
      [2, '4'],
    ]);
    // A folder cannot be downloaded as one file.
    await expect(share.downloadUrl(folderId)).rejects.toMatchObject({ code: 13000406 });
  });

  it("runs the share's tasks: an archive to download, and a save into the recipient's own space", async () => {
    const first = await upload(world.owner, 'one.txt', 'first file');
    const second = await upload(world.owner, 'two.txt', 'second file');
    const link = await shareWithRecipient(world, [first.fileId, second.fileId], first.containerId);
    const share = await openShareLink(world.recipient, link.shortUrl, { extractCode: CODE });

    const archiveTask = await share.startDownloadTask([first.fileId, second.fileId], { zipName: 'both.zip' });
    expect(await share.getTask(archiveTask)).toMatchObject({ status: 'running', progress: 50 });
    const archived = await share.waitForTask(archiveTask, { interval: 0 });
    expect(archived).toMatchObject({ status: 'done', result: 'succeeded', progress: 100, taskType: 1 });
    const zip = new Uint8Array(await (await fetch(archived.downloadUrl as string)).arrayBuffer());
    const text = new TextDecoder().decode(zip);
    expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(text).toContain('one.txt');
    expect(text).toContain('second file');

    const space = world.mock.state.spaces.find(
      (candidate) => candidate.ownerId === RECIPIENT && candidate.type === '1',
    );
    const saveTask = await share.startSaveTask([first.fileId, 'Fnot-in-this-share'], {
      containerId: space?.containerId as string,
      fileId: 'root',
    });
    const saved = await share.waitForTask(saveTask, { interval: 0 });
    expect(saved).toMatchObject({ status: 'done', result: 'partly-failed' });
    const copy = saved.files.find((file) => file.fileId === first.fileId);
    expect(copy?.status).toBe('1');
    const node = world.mock.state.files.nodes.get(copy?.newFileId as string);
    expect(node).toMatchObject({ name: 'one.txt', containerId: space?.containerId });
    expect(saved.files.find((file) => file.fileId === 'Fnot-in-this-share')?.status).toBe('2');
  });

  it('keeps the kdstoken out of inspection and errors, and works with a throwOnError client', async () => {
    const uploaded = await upload(world.owner, 'quiet.txt', 'shh');
    const link = await shareWithRecipient(world, [uploaded.fileId], uploaded.containerId);
    const throwing = createKooDriveClient({
      baseUrl: world.mock.url,
      userId: RECIPIENT,
      auth: { type: 'token', token: TOKEN },
      throwOnError: true,
    });
    const share = await openShareLink(throwing, link.shortUrl, { extractCode: CODE });
    const token = share.kdstoken() as string;
    expect(token).toMatch(/^[0-9a-f]{42}$/);
    expect(inspect(share, { depth: 5 })).not.toContain(token);
    const failure = await share.downloadUrl('Fmissing').catch((error: Error) => error);
    expect(failure).toBeInstanceOf(KooDriveApiError);
    expect(`${(failure as Error).message} ${inspect(failure)}`).not.toContain(token);
  });
});

describe('shortCodeOf', () => {
  it('takes a short code, or the link that ends in it', () => {
    expect(shortCodeOf('1808628918000000002')).toBe('1808628918000000002');
    expect(shortCodeOf(' https://drive.example.com/cloudfile/#/sharelink/i/1808628918000000002 ')).toBe(
      '1808628918000000002',
    );
    expect(shortCodeOf('https://drive.example.com/s/1808628918000000002?from=mail')).toBe('1808628918000000002');
  });

  it('refuses what names no code', () => {
    for (const bad of ['', '   ', 'https://drive.example.com/', 'a b', 42]) {
      expect(() => shortCodeOf(bad as string)).toThrow(KooDriveValidationError);
    }
    expect(() => shortCodeOf('https://drive.example.com/')).toThrow(/shortUrl: names no short code/);
  });

  it('is what openShareLink checks before sending anything', async () => {
    const kd = createKooDriveClient({
      baseUrl: 'http://127.0.0.1:9',
      userId: OWNER,
      auth: { type: 'token', token: TOKEN },
    });
    await expect(openShareLink(kd, 'https://drive.example.com/')).rejects.toThrow(KooDriveValidationError);
  });
});

describe('readShareTask', () => {
  it('reads the states and outcomes the reference lists, and one TaskInfo object as a list', () => {
    const task = readShareTask('t1', {
      jobInfo: {
        taskStatus: 2,
        taskResultCode: 2,
        progress: 100,
        taskType: 1,
        downloadUrl: 'https://storage.example/a.zip',
      },
      taskInfos: { fileId: 'F1', status: '2' },
    });
    expect(task).toMatchObject({
      status: 'done',
      result: 'partly-failed',
      progress: 100,
      taskType: 1,
      files: [{ fileId: 'F1' }],
    });
    expect(readShareTask('t1', { jobInfo: { taskStatus: 1, taskResultCode: 1 } })).toMatchObject({
      status: 'running',
      result: undefined,
      files: [],
    });
    expect(readShareTask('t1', { jobInfo: { taskStatus: 3 } }).status).toBe('cancelled');
  });

  it('refuses an answer it cannot wait on', () => {
    expect(() => readShareTask('t1', {})).toThrow(/no jobInfo for task t1/);
    expect(() => readShareTask('t1', { jobInfo: { taskStatus: 7 } })).toThrow(/task status 7 .* does not list/);
  });
});
