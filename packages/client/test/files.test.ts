/**
 * The 16 file operations (File List Query, File Management, File Favorites, Cloud Decompression)
 * called through the client against the mock KooDrive over loopback: what goes on the wire, what
 * comes back, cursor paging with `kd.paginate`, and the documented failures as KooDriveApiErrors.
 * The bytes go to the mock's storage endpoint with plain fetch, as the URLs are presigned.
 */
import { createHash } from 'node:crypto';
import {
  addFile,
  createFolder,
  ensureIndividualSpace,
  makeMockState,
  type RunningMockKooDrive,
  recycleFile,
  startMockKooDrive,
} from '@koodrive/testing';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batchStarFile,
  clearRecycleFile,
  completeFile,
  createDirectory,
  createFile,
  GetFullPath,
  getDepartmentFiles,
  getDownLoadUrl,
  getFile,
  getPersonalFiles,
  listFile,
  listStarFile,
  renameFile,
  Search,
  StatsDir,
  uploadUrl,
} from '../src/generated/operations/index.js';
import { createKooDriveClient, KooDriveApiError, unwrap } from '../src/index.js';
import { TOKEN, USER_ID } from './helpers.js';

const APP = { appId: 'files-app', appSecret: 'files-secret' };
const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (length: number, seed: number) => Uint8Array.from({ length }, (_, index) => (index * 31 + seed) & 255);

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('file operations through the client', () => {
  let mock: RunningMockKooDrive;
  let kd: ReturnType<typeof createKooDriveClient>;
  let containerId: string;

  beforeEach(async () => {
    let tick = Date.now();
    const state = makeMockState();
    containerId = ensureIndividualSpace(state, USER_ID).containerId as string;
    mock = await startMockKooDrive({
      tokens: [TOKEN],
      apps: { [APP.appId]: APP.appSecret },
      state,
      storage: { partSize: 5 * MiB },
      // A clock that moves a millisecond per reading, so that files starred in one call keep their order.
      clock: () => {
        tick += 1;
        return new Date(tick);
      },
    });
    kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'token', token: TOKEN } });
  });
  afterEach(() => mock.close());

  /** The last KooDrive request the mock received (storage requests aside). */
  const lastCall = () => {
    const request = mock.requests.filter((item) => !item.url.pathname.startsWith('/mock-storage/')).at(-1);
    return {
      operationId: request?.operationId,
      method: request?.method,
      path: request?.url.pathname,
      body: request?.bodyText ? JSON.parse(request.bodyText) : undefined,
    };
  };

  it('uploads (createFile, uploadUrl, completeFile), reads back (getFile, GetFullPath, StatsDir) and downloads (getDownLoadUrl)', async () => {
    const folder = await unwrap(
      createDirectory(kd, { body: { containerId, fileName: 'Projects', fileType: '10', parentFolder: [] } }),
    );
    expect(lastCall()).toMatchObject({
      operationId: 'createDirectory',
      method: 'POST',
      path: '/koodrive/ose/v1/directory',
    });
    const bytes = bytesOf(5 * MiB + 1000, 3);
    const created = await unwrap(
      createFile(kd, {
        body: { fileName: 'plan.bin', fileType: '45', parentFolder: [folder.id as string], length: bytes.length },
      }),
    );
    expect(created).toMatchObject({ containerId, rapidUpload: false, parentFolder: [folder.id] });
    const fileId = created.fileId as string;
    const [first] = created.multiParts ?? [];
    expect(first).toMatchObject({ partNumber: 1, partSize: 5 * MiB, partOffset: 0 });
    expect((await fetch(first?.uploadUrl as string, { method: 'PUT', body: bytes.subarray(0, 5 * MiB) })).status).toBe(
      200,
    );
    // The last part through uploadUrl, with the SHA-256 state of the bytes before it.
    const more = await unwrap(
      uploadUrl(kd, { body: { fileId, multiParts: [{ partNumber: 2, partSize: 1000, partOffset: 5 * MiB }] } }),
    );
    expect(lastCall()).toMatchObject({ operationId: 'uploadUrl', path: '/koodrive/ose/v1/files/multipart/uploadUrl' });
    const url = more.multiParts?.[0]?.uploadUrl as string;
    expect((await fetch(url, { method: 'PUT', body: bytes.subarray(5 * MiB) })).status).toBe(200);
    await unwrap(completeFile(kd, { body: { fileId, sha256: sha256(bytes) } }));

    const details = await unwrap(getFile(kd, { params: { path: { fileId } }, body: { containerId } }));
    expect(details).toMatchObject({ id: fileId, fileName: 'plan.bin', parentFolder: [folder.id], recycled: false });
    const path = await unwrap(GetFullPath(kd, { params: { query: { fileId, containerId } } }));
    expect(path.namePath).toBe(`/root${containerId}/Projects/plan.bin`);
    expect(path.fileIdPath).toBe(`/DEUI7pa0C24Aroot${containerId}/${folder.id}/${fileId}`);
    const stats = await unwrap(StatsDir(kd, { params: { query: { fileId: 'root', containerId } } }));
    expect(stats.data).toEqual({ totalSize: bytes.length, subDirCount: 1, subFileCount: 1 });
    expect(lastCall()).toMatchObject({ operationId: 'StatsDir', method: 'GET' });

    const links = await unwrap(getDownLoadUrl(kd, { body: { containerId, fileIds: [fileId, folder.id as string] } }));
    expect(links.batchCode).toBe(0);
    expect(links.downloads?.[1]).toMatchObject({ fileId: folder.id, code: '13000406' });
    const download = await fetch(links.downloads?.[0]?.url as string);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('flash-uploads known content, and reports a wrong SHA-256 at completeFile as 13000402', async () => {
    const bytes = bytesOf(4096, 5);
    await addFile(mock.state, { containerId, parentId: 'root', name: 'known.bin', content: bytes });
    const flash = await unwrap(
      createFile(kd, {
        body: {
          fileName: 'copy.bin',
          fileType: '45',
          parentFolder: ['root'],
          length: bytes.length,
          sha256: sha256(bytes),
        },
      }),
    );
    expect(flash).toMatchObject({ rapidUpload: true, fileName: 'copy.bin' });
    await unwrap(getFile(kd, { params: { path: { fileId: flash.fileId as string } }, body: { containerId } }));

    const other = bytesOf(4096, 6);
    const upload = await unwrap(
      createFile(kd, { body: { fileName: 'other.bin', fileType: '45', parentFolder: ['root'], length: other.length } }),
    );
    await fetch(upload.multiParts?.[0]?.uploadUrl as string, { method: 'PUT', body: other });
    const { error } = await completeFile(kd, { body: { fileId: upload.fileId as string, sha256: sha256(bytes) } });
    expect(error).toBeInstanceOf(KooDriveApiError);
    expect(error).toMatchObject({ status: 400, code: 13000402, operationId: 'completeFile' });
  });

  it('renames, searches page by page (Search) and refuses a taken name', async () => {
    const docs = createFolder(mock.state, { containerId, parentId: 'root', name: 'docs' });
    for (const name of ['alpha report.txt', 'beta report.txt', 'gamma.txt', 'delta report.txt', 'notes.txt'])
      await addFile(mock.state, { containerId, parentId: docs.id, name, content: name });
    const gamma = [...mock.state.files.nodes.values()].find((node) => node.name === 'gamma.txt');
    await unwrap(
      renameFile(kd, {
        params: { path: { fileId: gamma?.id as string } },
        body: { containerId, name: 'gamma report.txt' },
      }),
    );
    expect(lastCall()).toMatchObject({ operationId: 'renameFile', path: `/koodrive/ose/v1/files/rename/${gamma?.id}` });
    const { error } = await renameFile(kd, {
      params: { path: { fileId: gamma?.id as string } },
      body: { containerId, name: 'notes.txt' },
    });
    expect(error).toMatchObject({ code: 13000405 });

    const found = await collect(
      kd.paginate(
        Search,
        { body: { searchType: 'personal', pageInfo: { pageSize: 2, pageCursor: '' }, filter: { keyWord: 'REPORT' } } },
        { pageSize: 2 },
      ),
    );
    expect(found.map((file) => file.fileName)).toEqual([
      'alpha report.txt',
      'beta report.txt',
      'delta report.txt',
      'gamma report.txt',
    ]);
    expect(found[0]).toMatchObject({
      containerId,
      containerType: '1',
      namePath: `/root${containerId}/docs/alpha report.txt`,
    });
    const searches = mock.requests.filter((request) => request.operationId === 'Search');
    expect(searches).toHaveLength(2);
    expect(JSON.parse(searches[1]?.bodyText ?? '{}').pageInfo.pageCursor).toEqual(expect.any(String));
  });

  it('stars files (batchStarFile) and lists them page by page (listStarFile)', async () => {
    const files = [];
    for (const name of ['a.txt', 'b.txt', 'c.txt'])
      files.push(await addFile(mock.state, { containerId, parentId: 'root', name, content: name }));
    const starred = await unwrap(
      batchStarFile(kd, {
        body: {
          starred: true,
          subRequestList: [
            ...files.map((file) => ({ containerId, fileId: file.id })),
            { containerId, fileId: 'FnoSuchFile' },
          ],
        },
      }),
    );
    expect(starred.status).toBe(1);
    expect(starred.subResponseList?.map((item) => item.code)).toEqual(['0', '0', '0', '13000302']);
    const listed = await collect(
      kd.paginate(listStarFile, { params: { query: { sortDirection: 1 } } }, { pageSize: 2 }),
    );
    expect(listed.map((file) => file.fileName)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(mock.requests.filter((request) => request.operationId === 'listStarFile')).toHaveLength(2);
    const { error } = await listStarFile(kd, { params: { query: { pageCursor: 'forged' } } });
    expect(error).toMatchObject({ code: 13000102 });
  });

  it('lists folders and the recycle bin (getPersonalFiles, getDepartmentFiles) and empties the bin (clearRecycleFile)', async () => {
    const old = createFolder(mock.state, { containerId, parentId: 'root', name: 'old' });
    recycleFile(mock.state, old.id);
    await unwrap(
      getPersonalFiles(kd, { params: { path: { type: '0' } }, body: { containerId, parentFileId: 'root' } }),
    );
    expect(lastCall()).toMatchObject({ operationId: 'getPersonalFiles', path: '/koodrive/ose/v1/files/0' });
    await unwrap(
      getPersonalFiles(kd, { params: { path: { type: '1' } }, body: { containerId, parentFileId: old.id } }),
    );
    const listingFile = await getPersonalFiles(kd, {
      params: { path: { type: '0' } },
      body: { containerId, parentFileId: 'FnoSuchFolder' },
    });
    expect(listingFile.error).toMatchObject({ code: 13000302 });

    const department = mock.state.spaces.find((space) => String(space.type) === '0');
    const teamContainer = department?.containerId as string;
    const groupId = department?.ownerId as string;
    await unwrap(
      getDepartmentFiles(kd, {
        params: { path: { groupId, type: '0' }, query: { team_type: 0 } },
        body: { containerId: teamContainer, parentFileId: 'root', pageInfo: { pageSize: 10 } },
      }),
    );
    expect(lastCall()).toMatchObject({ path: `/koodrive/ose/v1/files/${groupId}/0` });
    const wrongTeam = await getDepartmentFiles(kd, {
      params: { path: { groupId: '1289173600000000999', type: '0' } },
      body: { containerId: teamContainer, parentFileId: 'root' },
    });
    expect(wrongTeam.error).toMatchObject({ code: 13000415 });

    await unwrap(clearRecycleFile(kd, { body: { containerId } }));
    expect(lastCall()).toMatchObject({ operationId: 'clearRecycleFile', body: { containerId } });
    expect(mock.state.files.nodes.has(old.id)).toBe(false);
    await unwrap(clearRecycleFile(kd, { body: { container: containerId } }));
  });

  it('lists the entries of an archive (listFile), also with app authentication', async () => {
    const zip = zipSync({ 'a/': new Uint8Array(0), 'a/b.txt': new TextEncoder().encode('bee') });
    const archive = await addFile(mock.state, { containerId, parentId: 'root', name: 'x.zip', content: zip });
    const app = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'app', ...APP } });
    const listed = await unwrap(listFile(app, { body: { containerId, fileId: archive.id } }));
    expect(mock.requests.at(-1)?.headers.authorization).toMatch(/^HMAC-SHA256 AppId=files-app,/);
    expect(listed.data?.uncompressedFileList).toEqual([
      expect.objectContaining({ name: 'a', type: '2' }),
      expect.objectContaining({ name: 'a/b.txt', type: '1', fileSize: '3' }),
    ]);
  });
});
