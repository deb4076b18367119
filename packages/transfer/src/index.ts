/**
 * @koodrive/transfer: uploads and downloads of files for KooDrive, on top of @koodrive/client,
 * kept apart from the client as AWS keeps `lib-storage`'s Upload apart from its S3 client.
 *
 * - `uploadFile(kd, source, options)`: parallel parts with running SHA-256 states, flash upload,
 *   per-part retries, abort, progress, and `state()` for `resumeUpload`.
 * - `downloadFile(kd, fileId, options)`: a streamed GET resumed with Range after a break, its
 *   length (and SHA-256, when known) checked; `downloadFiles` and `getDownloadLinks` for many.
 */
export {
  type DownloadedFile,
  type DownloadFilesOptions,
  type DownloadOptions,
  type DownloadOutcome,
  type DownloadStream,
  type DownloadTarget,
  downloadFile,
  downloadFiles,
} from './download/download-file.js';
export {
  type DownloadLink,
  type DownloadLinksOptions,
  getDownloadLinks,
  MAX_LINKS_PER_CALL,
} from './download/links.js';
export {
  describeUrl,
  KooDriveIntegrityError,
  KooDriveStorageError,
  type KooDriveStorageErrorDetails,
} from './errors.js';
export type { TransferClient } from './koodrive-calls.js';
export type { Sha256State } from './sha256/running-sha256.js';
export { guessFileType } from './upload/file-type.js';
export {
  choosePartSize,
  DEFAULT_PART_SIZE,
  MAX_PART_SIZE,
  MAX_PARTS,
  MIN_PART_SIZE,
  type PlannedPart,
  planParts,
} from './upload/plan.js';
export type { TransferProgress } from './upload/progress.js';
export type { FetchFunction } from './upload/put-part.js';
export type { UploadSource } from './upload/source.js';
export {
  DEFAULT_CONCURRENCY,
  type TransferOptions,
  type Upload,
  type UploadOptions,
  type UploadResult,
} from './upload/upload.js';
export { resumeUpload, uploadFile } from './upload/upload-file.js';
export { readUploadState, type UploadState } from './upload/upload-state.js';
