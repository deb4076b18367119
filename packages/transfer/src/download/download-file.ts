/**
 * `downloadFile`: a file's bytes as a ReadableStream, or written to a path (Node) or a
 * WritableStream; and `downloadFiles` for many files, their links asked for 100 at a time.
 */
import { KooDriveError, KooDriveValidationError, type RetryOptions } from '@koodrive/client';
import { checkTimeout, DEFAULT_IDLE_TIMEOUT_MS } from '../deadline.js';
import { isAbort, transferAbortError } from '../errors.js';
import type { TransferClient } from '../koodrive-calls.js';
import { storageRetryPolicy } from '../retry.js';
import { nodeFs, nodeFsPromises } from '../runtime.js';
import { ProgressCounter, type TransferProgress } from '../upload/progress.js';
import type { FetchFunction } from '../upload/put-part.js';
import { type DownloadLink, getDownloadLinks } from './links.js';
import { ResumableDownload } from './resumable-download.js';

/** What `downloadFile` takes. */
export interface DownloadOptions {
  /** The space that holds the file (getDownLoadUrl asks for it). */
  containerId: string;
  /** Aborts the download at once; the promise (or the stream) rejects with a KooDriveAbortError. */
  signal?: AbortSignal;
  /** Told the bytes received so far, only ever growing, ending at the file's size. */
  onProgress?: (progress: TransferProgress) => void;
  /**
   * The SHA-256 the file must have (hex), e.g. `uploadFile`'s result: the bytes are hashed as they
   * arrive and a mismatch fails the download. KooDrive's file details document no digest, so none
   * is checked unless given.
   */
  sha256?: string;
  /** The size the file must have, when known. */
  size?: number;
  /** A link from `getDownloadLinks`, to skip asking for one (a fresh one is asked for if it has expired). */
  url?: string;
  /** Retries after a failure without an answer or a transient status, and resumptions after a break without progress: the client's settings (2, 0.5 s to 8 s), or `false`. */
  retry?: RetryOptions | false;
  /**
   * The longest the storage may stay silent, in ms (no answer to the GET, or no byte of the body):
   * past it the attempt counts as broken and the download resumes where it stood. Default 60 000;
   * 0 for no limit.
   */
  idleTimeout?: number;
  /** The fetch used for the storage GET (default: the global fetch). */
  fetch?: FetchFunction;
}

/** Where `downloadFile` writes: a path (Node) or a WritableStream (e.g. the File System Access API's). */
export type DownloadTarget = string | WritableStream<Uint8Array>;

/** A download as a stream: read `stream` to the end (a break resumes, a mismatch errors the stream at its end). */
export interface DownloadStream {
  fileId: string;
  /** The file's name, when getDownLoadUrl gave it. */
  fileName?: string;
  /** The size the storage announced. */
  size?: number;
  stream: ReadableStream<Uint8Array>;
}

/** A download written to its target, checked. */
export interface DownloadedFile {
  fileId: string;
  fileName?: string;
  /** Bytes written. */
  size: number;
  /** The SHA-256 checked (when `sha256` was given). */
  sha256?: string;
  /** The path written, for a path target. */
  path?: string;
}

function check(fileId: string, options: DownloadOptions): void {
  if (typeof fileId !== 'string' || fileId === '')
    throw new KooDriveValidationError('fileId', 'must be a non-empty string');
  if (typeof options?.containerId !== 'string' || options.containerId === '')
    throw new KooDriveValidationError(
      'containerId',
      'must name the space that holds the file (getDownLoadUrl asks for it)',
    );
  if (options.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(options.sha256))
    throw new KooDriveValidationError('sha256', 'must be 64 hex digits');
  checkTimeout('idleTimeout', options.idleTimeout, DEFAULT_IDLE_TIMEOUT_MS);
}

function start(kd: TransferClient, fileId: string, options: DownloadOptions, signal: AbortSignal): ResumableDownload {
  return new ResumableDownload({
    kd,
    fileId,
    containerId: options.containerId,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    policy: storageRetryPolicy(options.retry),
    signal,
    idleTimeoutMs: options.idleTimeout ?? DEFAULT_IDLE_TIMEOUT_MS,
    ...(options.url ? { url: options.url } : {}),
    ...(options.sha256 ? { sha256: options.sha256 } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
    progress: (total) => new ProgressCounter(total, options.onProgress),
  });
}

/** A download's bytes as a ReadableStream (pull-based: nothing is read ahead of the reader beyond one chunk). */
function streamOf(download: ResumableDownload, fail: (error: unknown) => unknown): ReadableStream<Uint8Array> {
  const bytes = download.bytes();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await bytes.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(fail(error));
      }
    },
    async cancel() {
      await bytes.return(undefined);
    },
  });
}

/** Writes the bytes to a file: to `<path>.koodrive-download` first, renamed to `path` once checked. */
async function writeToPath(download: ResumableDownload, path: string): Promise<number> {
  const fs = nodeFs();
  const fsp = nodeFsPromises();
  if (!fs || !fsp)
    throw new KooDriveValidationError('to', 'is a path, and this runtime has no file system (pass a WritableStream)');
  const partial = `${path}.koodrive-download`;
  const file = fs.createWriteStream(partial);
  let writeError: unknown;
  file.on('error', (error) => {
    writeError = error;
  });
  const drained = () =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: unknown) => {
        file.off('drain', done);
        file.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      file.on('drain', done).on('error', done);
    });
  let written = 0;
  try {
    for await (const chunk of download.bytes()) {
      if (writeError) throw writeError;
      written += chunk.byteLength;
      if (!file.write(chunk)) await drained();
    }
    await new Promise<void>((resolve, reject) => {
      file.end((error?: unknown) => (error ? reject(error) : resolve()));
    });
    if (writeError) throw writeError;
    await fsp.rename(partial, path);
    return written;
  } catch (error) {
    file.destroy();
    await fsp.rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Downloads a file: getDownLoadUrl for its link (unless `url` is given), then a streamed GET of the
 * link, resumed with a Range request when the connection breaks, its length checked (and its
 * SHA-256 when `sha256` is given). With `to`, writes the file and resolves when it is written and
 * checked; without, resolves with a ReadableStream as soon as the download has begun.
 *
 * @example
 * await downloadFile(kd, fileId, { containerId, to: './report.pdf' });                  // Node
 * const { stream } = await downloadFile(kd, fileId, { containerId });                   // anywhere
 * await stream.pipeTo(writable);
 */
export function downloadFile(
  kd: TransferClient,
  fileId: string,
  options: DownloadOptions & { to: DownloadTarget },
): Promise<DownloadedFile>;
export function downloadFile(
  kd: TransferClient,
  fileId: string,
  options: DownloadOptions & { to?: undefined },
): Promise<DownloadStream>;
export async function downloadFile(
  kd: TransferClient,
  fileId: string,
  options: DownloadOptions & { to?: DownloadTarget },
): Promise<DownloadedFile | DownloadStream> {
  check(fileId, options);
  const { to } = options;
  if (
    to !== undefined &&
    typeof to !== 'string' &&
    !(typeof WritableStream !== 'undefined' && to instanceof WritableStream)
  )
    throw new KooDriveValidationError('to', 'must be a file path or a WritableStream');
  const signal = options.signal ?? new AbortController().signal;
  // An abort from the caller becomes a KooDriveAbortError, wherever it stopped the download.
  const fail = (error: unknown) =>
    signal.aborted && (isAbort(error) || error === signal.reason) ? transferAbortError('downloadFile', fileId) : error;
  const download = start(kd, fileId, options, signal);
  try {
    await download.open();
    const named = download.fileName !== undefined ? { fileName: download.fileName } : {};
    if (to === undefined) {
      return {
        fileId,
        ...named,
        ...(download.size !== undefined ? { size: download.size } : {}),
        stream: streamOf(download, fail),
      };
    }
    let size: number;
    if (typeof to === 'string') {
      size = await writeToPath(download, to);
    } else {
      size = 0;
      await streamOf(download, fail)
        .pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              size += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
        )
        .pipeTo(to);
    }
    return {
      fileId,
      ...named,
      size,
      ...(download.sha256 ? { sha256: download.sha256 } : {}),
      ...(typeof to === 'string' ? { path: to } : {}),
    };
  } catch (error) {
    throw fail(error);
  }
}

/** What `downloadFiles` takes. */
export interface DownloadFilesOptions extends Omit<DownloadOptions, 'url' | 'sha256' | 'size'> {
  /** Where each file goes: a path or a WritableStream, from its ID and name. */
  to: (file: { fileId: string; fileName?: string }) => DownloadTarget;
  /** Files downloaded at once; default 4. */
  concurrency?: number;
}

/** One file's outcome in `downloadFiles`. */
export type DownloadOutcome =
  | { fileId: string; ok: true; file: DownloadedFile }
  | {
      fileId: string;
      ok: false;
      error: unknown /** The service's answer, when it gave no link. */;
      link?: DownloadLink;
    };

/**
 * Downloads many files of one space: their links from getDownLoadUrl, 100 per call, then the files
 * `concurrency` at a time. Each file has its own outcome; one failing does not stop the others
 * (an abort stops them all).
 */
export async function downloadFiles(
  kd: TransferClient,
  fileIds: readonly string[],
  options: DownloadFilesOptions,
): Promise<DownloadOutcome[]> {
  const { to, concurrency = 4, ...rest } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new KooDriveValidationError('concurrency', `must be a whole number from 1, got ${concurrency}`);
  const links = await getDownloadLinks(kd, {
    containerId: options.containerId,
    fileIds,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const outcomes: DownloadOutcome[] = new Array(links.length);
  let next = 0;
  const worker = async () => {
    while (next < links.length) {
      const index = next++;
      const link = links[index] as DownloadLink;
      if (!link.url) {
        outcomes[index] = {
          fileId: link.fileId,
          ok: false,
          error: new KooDriveError(
            `getDownLoadUrl gave no link for ${link.fileId}: ${link.msg ?? `code ${link.code}`}`,
          ),
          link,
        };
        continue;
      }
      try {
        const target = to({ fileId: link.fileId, ...(link.fileName !== undefined ? { fileName: link.fileName } : {}) });
        const file = await downloadFile(kd, link.fileId, { ...rest, url: link.url, to: target });
        outcomes[index] = {
          fileId: link.fileId,
          ok: true,
          file: link.fileName ? { fileName: link.fileName, ...file } : file,
        };
      } catch (error) {
        if (options.signal?.aborted) throw error;
        outcomes[index] = { fileId: link.fileId, ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, links.length) }, worker));
  return outcomes;
}
