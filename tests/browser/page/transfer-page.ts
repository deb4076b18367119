/**
 * The transfer page: @koodrive/transfer as a web app bundles it, uploading the File the user picked
 * in the page's <input type="file"> to the mock KooDrive on another origin (its storage endpoint
 * too), and downloading it back as a stream. In a browser there is no node:crypto: every SHA-256
 * is hash-wasm's, including the states of parallel parts. Each scenario answers plain data.
 */
import { createKooDriveClient, KooDriveAbortError } from '@koodrive/client';
import { downloadFile, resumeUpload, type TransferProgress, type UploadState, uploadFile } from '@koodrive/transfer';

/** What the test tells the page: where the mock is and who may call it. */
export interface TransferSetup {
  mockUrl: string;
  userId: string;
  token: string;
}

const RECORD_KEY = 'koodrive-upload';

const input = document.createElement('input');
input.type = 'file';
input.id = 'file';
document.body.append(input);

const client = (setup: TransferSetup) =>
  createKooDriveClient({ baseUrl: setup.mockUrl, userId: setup.userId, auth: { type: 'token', token: setup.token } });

/** The File picked in the page. */
function pickedFile(): File {
  const file = input.files?.[0];
  if (!file) throw new Error('no file picked');
  return file;
}

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
const digest = async (bytes: ArrayBuffer) => hex(await crypto.subtle.digest('SHA-256', bytes));

/** Downloads a file as a stream and answers its size and SHA-256 (Web Crypto's, over the whole). */
async function downloadBack(setup: TransferSetup, fileId: string, containerId: string, sha256: string) {
  const progress: TransferProgress[] = [];
  const { stream, size } = await downloadFile(client(setup), fileId, {
    containerId,
    sha256,
    onProgress: (event) => progress.push(event),
  });
  const bytes = await new Response(stream).arrayBuffer();
  return { announced: size, received: bytes.byteLength, sha256: await digest(bytes), lastProgress: progress.at(-1) };
}

const scenarios = {
  /** Where the page runs: no Node globals, so no node:crypto either. */
  environment: () => ({ hasNodeProcess: 'process' in globalThis, isSecureContext }),

  /** Uploads the picked File (parallel parts), then downloads it back and compares. */
  async uploadAndDownload(setup: TransferSetup, options: { partSize: number; flashUpload?: boolean }) {
    const file = pickedFile();
    const progress: number[] = [];
    const upload = uploadFile(client(setup), file, {
      parentFolder: 'root',
      partSize: options.partSize,
      flashUpload: options.flashUpload ?? false,
      onProgress: ({ loaded }) => progress.push(loaded),
    });
    const result = await upload.done;
    const back = await downloadBack(setup, result.fileId, result.containerId ?? '', result.sha256);
    return { result, progress, fileSha256: await digest(await file.arrayBuffer()), back };
  },

  /** Starts an upload, aborts it once `stopAfter` parts are stored, and keeps its record in localStorage. */
  async interruptedUpload(setup: TransferSetup, options: { partSize: number; stopAfter: number }) {
    const controller = new AbortController();
    let parts = 0;
    const upload = uploadFile(client(setup), pickedFile(), {
      parentFolder: 'root',
      partSize: options.partSize,
      signal: controller.signal,
      onProgress: () => {
        if (++parts === options.stopAfter) controller.abort();
      },
    });
    const error = await upload.done.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    localStorage.setItem(RECORD_KEY, JSON.stringify(upload.state()));
    return { aborted: error instanceof KooDriveAbortError, record: upload.state() };
  },

  /** After a reload: resumes the upload from localStorage's record with the File picked again. */
  async resumeAfterReload(setup: TransferSetup) {
    const record = JSON.parse(localStorage.getItem(RECORD_KEY) ?? 'null') as UploadState;
    const result = await resumeUpload(client(setup), pickedFile(), record).done;
    const back = await downloadBack(setup, result.fileId, result.containerId ?? '', result.sha256);
    return { result, back, fileSha256: await digest(await pickedFile().arrayBuffer()) };
  },
};

/** The scenarios, as the tests call them. */
export type TransferPageScenarios = typeof scenarios;
(globalThis as { scenarios?: TransferPageScenarios }).scenarios = scenarios;
