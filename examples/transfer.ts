/**
 * Uploads and downloads a file through @koodrive/transfer against the mock KooDrive: a 24 MiB
 * file written to a temporary folder is uploaded in parallel parts (each after the first with its
 * running SHA-256 state), then downloaded to another path and compared. Run it with
 * `pnpm example:transfer`.
 *
 * Against the real service, drop the mock and pass your own baseUrl (or none, for the
 * international endpoint), userId and token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKooDriveClient, KooDriveError } from '@koodrive/client';
import { ensureIndividualSpace, makeMockState, startMockKooDrive } from '@koodrive/testing';
import { downloadFile, uploadFile } from '@koodrive/transfer';

const TOKEN = 'example-token';
const USER_ID = '1505084218764547200';
const state = makeMockState();
ensureIndividualSpace(state, USER_ID);
const mock = await startMockKooDrive({ tokens: [TOKEN], state });
const kd = createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'token', token: TOKEN } });

const folder = await mkdtemp(join(tmpdir(), 'koodrive-example-'));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

try {
  const source = join(folder, 'report.bin');
  await writeFile(source, randomBytes(24 * 1024 * 1024));

  let lastShown = -1;
  const upload = uploadFile(kd, source, {
    parentFolder: 'root',
    onProgress: ({ loaded, total = 0 }) => {
      const percent = Math.floor((loaded / total) * 100);
      if (percent >= lastShown + 25 || loaded === total) console.log(`  uploaded ${mib(loaded)} of ${mib(total)}`);
      lastShown = percent;
    },
  });
  const uploaded = await upload.done;
  console.log(
    `Uploaded ${uploaded.fileName} as ${uploaded.fileId} (${mib(uploaded.size)}, SHA-256 ${uploaded.sha256.slice(0, 16)}…)`,
  );

  const target = join(folder, 'report-downloaded.bin');
  const downloaded = await downloadFile(kd, uploaded.fileId, {
    containerId: uploaded.containerId as string,
    to: target,
    sha256: uploaded.sha256,
  });
  const same = sha256(await readFile(target)) === sha256(await readFile(source));
  console.log(`Downloaded ${mib(downloaded.size)} to ${target}, SHA-256 checked: ${same ? 'identical' : 'DIFFERENT'}`);
  const storage = mock.requests.filter((request) => request.url.pathname.startsWith('/mock-storage/'));
  console.log(`Requests: ${mock.requests.length - storage.length} to KooDrive, ${storage.length} to storage`);
  if (!same) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof KooDriveError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await mock.close();
  await rm(folder, { recursive: true, force: true });
}
