/** `uploadFile` and `resumeUpload`: the public entry points of uploads. */
import type { TransferClient } from '../koodrive-calls.js';
import type { UploadSource } from './source.js';
import { type TransferOptions, type Upload, type UploadOptions, UploadRun } from './upload.js';
import { readUploadState, type UploadState } from './upload-state.js';

/**
 * Uploads a file to KooDrive: createFile, the parts (in parallel by default) to their presigned
 * storage URLs, completeFile with the file's SHA-256. Returns at once; `done` settles when the
 * upload is complete, and `state()` is a record to resume it from.
 *
 * @example
 * const upload = uploadFile(kd, file, { parentFolder: 'root', onProgress: ({ loaded, total }) => show(loaded / total) });
 * localStorage.setItem('upload', JSON.stringify(upload.state()));   // at any time
 * const { fileId, sha256 } = await upload.done;
 */
export function uploadFile(kd: TransferClient, source: UploadSource, options: UploadOptions): Upload {
  return new UploadRun(kd, source, options);
}

/**
 * Continues an upload from its record (`upload.state()`, e.g. after a crash or a page reload),
 * sending only the parts the record does not list as stored. `source` must be the same file: its
 * size (and, for a File or a path, its modification time) is checked against the record.
 *
 * @example
 * const upload = resumeUpload(kd, file, JSON.parse(localStorage.getItem('upload')!));
 * await upload.done;
 */
export function resumeUpload(
  kd: TransferClient,
  source: UploadSource,
  state: UploadState,
  options: TransferOptions = {},
): Upload {
  let record: UploadState;
  try {
    record = readUploadState(state);
  } catch (error) {
    const failed = Promise.reject(error);
    failed.catch(() => undefined);
    return { done: failed, state: () => undefined, abort: () => undefined };
  }
  return new UploadRun(kd, source, options, record);
}
