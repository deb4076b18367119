/**
 * An upload, following KooDrive's documented flow: createFile (with the file's SHA-256 for a flash
 * upload, which ends there when the service already holds the content), a presigned URL per part
 * (createFile's, then uploadUrl's), a PUT of each part to storage, and completeFile with the file's
 * SHA-256.
 *
 * Two ways to hash, chosen per upload:
 * - Parts one after another (concurrency 1, or a one-part file): each part is read once, hashed by
 *   the fastest SHA-256 of the runtime (node:crypto in Node) and sent; no part needs `hashCtx`.
 * - Parts in parallel: every part but the first carries `partOffset` and `hashCtx`, the SHA-256
 *   state before it, computed by a state-exporting hash that runs ahead of the uploads (see
 *   hash-ahead.ts) while the parts stream from their source (Blob slices read from disk as sent).
 * Either way the file is hashed once and never held whole in memory.
 */
import { KooDriveError, KooDriveValidationError, type RetryOptions } from '@koodrive/client';
import { completeFile, createFile, GetSpaceByContainerID } from '@koodrive/client/operations';
import type { MultiPartInfo } from '@koodrive/types';
import { checkTimeout, DEFAULT_PART_TIMEOUT_MS } from '../deadline.js';
import { isAbort, transferAbortError } from '../errors.js';
import { callData, type TransferClient } from '../koodrive-calls.js';
import { storageRetryPolicy } from '../retry.js';
import { createSha256Digest, type Sha256Digest } from '../sha256/digest.js';
import { loadRunningSha256 } from '../sha256/load.js';
import type { Sha256State } from '../sha256/running-sha256.js';
import { guessFileType } from './file-type.js';
import { HASH_CHUNK, HashAhead, type KnownHashes } from './hash-ahead.js';
import { PartUrls } from './part-urls.js';
import { choosePartSize, type PlannedPart, planParts } from './plan.js';
import { runPool } from './pool.js';
import { ProgressCounter, type TransferProgress } from './progress.js';
import { type FetchFunction, type PutPartContext, putPart } from './put-part.js';
import { isUnreadable, type OpenedSource, openSource, sourceChanged, type UploadSource } from './source.js';
import type { UploadState } from './upload-state.js';

/** Parts in flight at once by default. */
export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

/** What an upload and a resumed upload both take. */
export interface TransferOptions {
  /** Parts uploaded at once: default 4; 1 sends them one after another (no `hashCtx` needed). */
  concurrency?: number;
  /** Aborts the upload: every part stops at once, and `done` rejects with a KooDriveAbortError. */
  signal?: AbortSignal;
  /** Told the bytes stored so far after each part: only ever growing, ending at the file's size. */
  onProgress?: (progress: TransferProgress) => void;
  /** Retries of a failed part PUT (each part alone): the client's settings and defaults (2 retries, 0.5 s to 8 s backoff), or `false`. */
  retry?: RetryOptions | false;
  /**
   * The longest a part's PUT may go unanswered, in ms, before the attempt counts as failed and is
   * retried: default 300 000 (5 minutes); 0 for no limit.
   */
  partTimeout?: number;
  /** The fetch used for storage requests (default: the global fetch). Never sends KooDrive credentials. */
  fetch?: FetchFunction;
}

/** What `uploadFile` takes beside the client and the source. */
export interface UploadOptions extends TransferOptions {
  /** The folder to upload into: a folder ID, or `root` (the root of `containerId`'s space, else of your individual space). */
  parentFolder: string;
  /** The file's name; default: the File's name or the path's last segment (required for a Blob or bytes). */
  fileName?: string;
  /** The space whose root `parentFolder: 'root'` means (createFile takes no space ID: the folder names its space). */
  containerId?: string;
  /** Bytes per part: 5 MiB to 5 GiB, a multiple of 64; default 8 MiB, grown for files that would need more than 10,000 parts. */
  partSize?: number;
  /** Send the file's SHA-256 with createFile, so that content the service already holds is not sent again (the file is hashed before any byte is sent). Default false. */
  flashUpload?: boolean;
  /** createFile's `fileType` (FileTypeCode); default guessed from the MIME type or the name's extension (45, other, when unknown). */
  fileType?: string;
  /** The file's MIME type; default the File's type. */
  mimeType?: string;
  /** What to do when the name is taken: 2 rename (append a timestamp), 3 fail, 4 keep the existing file when its name and SHA-256 match. Default: the service's. */
  autoRename?: 2 | 3 | 4;
}

/** What an upload ends with. */
export interface UploadResult {
  fileId: string;
  /** The space that holds the file, as createFile answered. */
  containerId?: string;
  /** The file's name, as createFile answered (it differs when the service renamed it). */
  fileName: string;
  size: number;
  /** The file's SHA-256, lower-case hex. */
  sha256: string;
  /** True when the service already held the content and no byte was sent (flash upload). */
  rapidUpload: boolean;
  /** True when, with `autoRename: 4`, a file of the same name and content already existed (its ID is `fileId`). */
  exist: boolean;
  /** Parts sent by this run (a resumed upload sends only the missing ones). */
  partsUploaded: number;
}

/** An upload under way. */
export interface Upload {
  /** Settles when the upload is complete, or has failed or been aborted (and nothing of it is still running). */
  readonly done: Promise<UploadResult>;
  /**
   * A serializable record of the upload (fileId, parts stored, hash state) from which
   * `resumeUpload` continues; undefined until createFile has answered.
   */
  state(): UploadState | undefined;
  /** Aborts the upload, as the `signal` option does. */
  abort(reason?: unknown): void;
}

const FORBIDDEN_NAME = /[<>|:"*?/]/;

function checkFileName(name: string): void {
  if (name === '' || name === '.' || name === '..' || name.length > 250 || FORBIDDEN_NAME.test(name))
    throw new KooDriveValidationError(
      'fileName',
      `must be 1 to 250 characters, none of < > | : " * ? /, and not "." or "..", got ${JSON.stringify(name)}`,
    );
}

function checkConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new KooDriveValidationError(
      'concurrency',
      `must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${concurrency}`,
    );
}

/** Reads the whole source once, in order, for its SHA-256 (and the parts' states when the hasher can export them). */
async function hashWhole(
  source: OpenedSource,
  parts: readonly PlannedPart[],
  signal: AbortSignal,
): Promise<KnownHashes & { sha256: string }> {
  const digest = await createSha256Digest();
  const starts = new Map(parts.slice(1).map((part) => [part.offset, part.partNumber]));
  const partStates: Record<string, number[]> = {};
  // Chunks end at part starts, where the states are taken.
  const boundaries = parts.slice(1).map((part) => part.offset);
  let boundary = 0;
  const nextEnd = (from: number) => {
    while (boundary < boundaries.length && (boundaries[boundary] as number) <= from) boundary++;
    return Math.min(from + HASH_CHUNK, source.size, boundaries[boundary] ?? source.size);
  };
  const reader = source.sequential(0);
  let position = 0;
  let reading = source.size > 0 ? reader.read(nextEnd(0)) : undefined;
  try {
    while (reading) {
      const bytes = await reading;
      signal.throwIfAborted();
      const after = position + bytes.byteLength;
      reading = after < source.size ? reader.read(nextEnd(after) - after) : undefined;
      digest.update(bytes);
      position = after;
      const part = starts.get(position);
      if (part !== undefined && digest.running) partStates[part] = digest.running.state().words;
    }
  } catch (error) {
    throw isUnreadable(error) ? sourceChanged(source.name ?? 'the file') : error;
  } finally {
    await reading?.catch(() => undefined);
    await reader.close();
  }
  const known = Object.keys(partStates).length > 0 && parts.length === Object.keys(partStates).length + 1;
  return { sha256: digest.digestHex(), ...(known ? { partStates } : {}) };
}

/** Runs one upload (new or resumed); `Upload` is its public face. */
export class UploadRun implements Upload {
  readonly done: Promise<UploadResult>;
  private readonly controller = new AbortController();
  private abortedByCaller = false;
  private record: Omit<UploadState, 'partsDone' | 'hash' | 'partStates' | 'sha256'> | undefined;
  private readonly partsDone = new Set<number>();
  private hashAhead: HashAhead | undefined;
  /** Sequential uploads: the hash state after the last part stored, when the hasher can export it. */
  private sequentialHash: Sha256State | undefined;
  private sha256: string | undefined;

  constructor(
    private readonly kd: TransferClient,
    private readonly input: UploadSource,
    private readonly options: Partial<UploadOptions>,
    private readonly resumeFrom?: UploadState,
  ) {
    const { signal } = options;
    const onAbort = () => this.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    this.done = this.run().finally(() => signal?.removeEventListener('abort', onAbort));
    // A caller that only keeps `state()` must not see an unhandled rejection; `done` still rejects.
    this.done.catch(() => undefined);
  }

  abort(reason?: unknown): void {
    if (this.controller.signal.aborted) return;
    this.abortedByCaller = true;
    this.controller.abort(reason ?? transferAbortError(this.subject(), this.describe()));
  }

  state(): UploadState | undefined {
    if (!this.record) return undefined;
    const hashes: KnownHashes = this.hashAhead?.snapshot() ?? {
      ...(this.sequentialHash ? { hash: this.sequentialHash } : {}),
    };
    const sha256 = hashes.sha256 ?? this.sha256;
    return {
      ...this.record,
      partsDone: [...this.partsDone].sort((a, b) => a - b),
      ...(hashes.hash ? { hash: hashes.hash } : {}),
      ...(hashes.partStates ? { partStates: hashes.partStates } : {}),
      ...(sha256 ? { sha256 } : {}),
    };
  }

  private subject() {
    return this.resumeFrom ? 'resumeUpload' : 'uploadFile';
  }

  private describe(): string {
    const name = this.record?.fileName ?? this.options.fileName ?? this.resumeFrom?.fileName;
    return name ? JSON.stringify(name) : 'a file';
  }

  private async run(): Promise<UploadResult> {
    try {
      return await this.upload();
    } catch (error) {
      if (this.abortedByCaller && (isAbort(error) || error === this.controller.signal.reason)) {
        const reason = this.controller.signal.reason;
        throw reason instanceof KooDriveError ? reason : transferAbortError(this.subject(), this.describe());
      }
      throw error;
    }
  }

  private async upload(): Promise<UploadResult> {
    const { options, resumeFrom: resume } = this;
    const signal = this.controller.signal;
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    checkConcurrency(concurrency);
    const partTimeoutMs = checkTimeout('partTimeout', options.partTimeout, DEFAULT_PART_TIMEOUT_MS);
    if (!resume && (typeof options.parentFolder !== 'string' || options.parentFolder === ''))
      throw new KooDriveValidationError('parentFolder', 'must be a folder ID or "root"');
    const source = await openSource(this.input);
    const fileName = resume?.fileName ?? options.fileName ?? source.name;
    if (fileName === undefined)
      throw new KooDriveValidationError('fileName', 'is required when the source has no name (a Blob or bytes)');
    if (!resume) checkFileName(fileName);
    if (resume) checkSameSource(resume, source);
    const partSize = resume?.partSize ?? choosePartSize(source.size, options.partSize);
    const parts = planParts(source.size, partSize);
    const parallel = resume?.parallel ?? (concurrency > 1 && parts.length > 1);
    signal.throwIfAborted();

    let known: KnownHashes = resume ? { ...resume } : {};
    if (!resume && (options.flashUpload || options.autoRename === 4)) {
      known = await hashWhole(source, parallel ? parts : [], signal);
    }
    this.sha256 = known.sha256;

    let created: { fileId: string; containerId?: string; fileName: string; multiParts?: MultiPartInfo[] };
    if (resume) {
      created = {
        fileId: resume.fileId,
        fileName: resume.fileName,
        ...(resume.containerId ? { containerId: resume.containerId } : {}),
      };
      for (const part of resume.partsDone) this.partsDone.add(part);
    } else {
      const answer = await this.createFile(source, fileName, known.sha256);
      if (answer.rapidUpload === true || answer.exist === true) {
        new ProgressCounter(source.size, options.onProgress).finish();
        return {
          fileId: answer.fileId,
          ...(answer.containerId ? { containerId: answer.containerId } : {}),
          fileName: answer.fileName ?? fileName,
          size: source.size,
          sha256: known.sha256 as string,
          rapidUpload: answer.rapidUpload === true,
          exist: answer.exist === true,
          partsUploaded: 0,
        };
      }
      created = { ...answer, fileName: answer.fileName ?? fileName };
    }
    this.record = {
      kind: 'koodrive-upload',
      version: 1,
      fileId: created.fileId,
      ...(created.containerId ? { containerId: created.containerId } : {}),
      fileName: created.fileName,
      size: source.size,
      partSize,
      parallel,
      source: {
        ...(source.name ? { name: source.name } : {}),
        ...(source.lastModified !== undefined ? { lastModified: source.lastModified } : {}),
      },
    };
    const alreadyStored = parts
      .filter((part) => this.partsDone.has(part.partNumber))
      .reduce((sum, part) => sum + part.size, 0);
    const counter = new ProgressCounter(source.size, options.onProgress, alreadyStored);
    const pending = parts.filter((part) => !this.partsDone.has(part.partNumber));
    const putContext = (urls: PartUrls): PutPartContext => ({
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      urls,
      policy: storageRetryPolicy(options.retry),
      signal,
      timeoutMs: partTimeoutMs,
      fileId: created.fileId,
      fileName: created.fileName,
    });
    const stored = (part: PlannedPart, urls: PartUrls) => {
      this.partsDone.add(part.partNumber);
      urls.forget(part.partNumber);
      this.hashAhead?.partDone(part.partNumber);
      counter.add(part.size);
    };
    const urls = (hash?: HashAhead) =>
      new PartUrls({
        kd: this.kd,
        fileId: created.fileId,
        parts,
        parallel,
        isPending: (partNumber) => !this.partsDone.has(partNumber),
        knownState: (partNumber) => hash?.knownState(partNumber),
        stateFor: (partNumber) => hash?.stateFor(partNumber) ?? Promise.reject(new Error('no hash pass')),
        batchSize: Math.min(Math.max(concurrency, 4) * 2, 100),
        signal,
      });

    let sha256: string;
    if (parallel) {
      const hash = new HashAhead(source, parts, new Set(pending.map((part) => part.partNumber)), known, signal);
      this.hashAhead = hash;
      const partUrls = urls(hash);
      partUrls.seed(created.multiParts);
      const context = putContext(partUrls);
      await runPool(
        pending,
        concurrency,
        this.controller,
        async (part) => {
          await putPart(context, part.partNumber, source.body(part.offset, part.offset + part.size));
          stored(part, partUrls);
        },
        [hash.run()],
      );
      sha256 = hash.digest as string;
    } else {
      const partUrls = urls();
      partUrls.seed(created.multiParts);
      const context = putContext(partUrls);
      sha256 = await this.sendInOrder(source, parts, partSize, known, async (part, bytes) => {
        await putPart(context, part.partNumber, bytes);
        stored(part, partUrls);
      });
    }
    this.sha256 = sha256;
    await callData(completeFile, this.kd, { body: { fileId: created.fileId, sha256 }, signal });
    return {
      fileId: created.fileId,
      ...(created.containerId ? { containerId: created.containerId } : {}),
      fileName: created.fileName,
      size: source.size,
      sha256,
      rapidUpload: false,
      exist: false,
      partsUploaded: pending.length,
    };
  }

  /** createFile, in `parentFolder` (the root of `containerId`'s space for `root` when a space is named). */
  private async createFile(source: OpenedSource, fileName: string, sha256: string | undefined) {
    const { options, kd } = this;
    const signal = this.controller.signal;
    let parent = options.parentFolder as string;
    if (parent === 'root' && options.containerId) parent = await rootFolderOf(kd, options.containerId, signal);
    const mimeType = options.mimeType ?? source.type;
    const answer = await callData(createFile, kd, {
      body: {
        fileName,
        fileType: options.fileType ?? guessFileType(fileName, mimeType),
        parentFolder: [parent],
        length: source.size,
        uploadMode: 'multipart',
        uploadType: 1,
        ...(sha256 ? { sha256 } : {}),
        ...(mimeType ? { mimeType } : {}),
        ...(options.autoRename ? { autoRename: options.autoRename } : {}),
      },
      signal,
    });
    if (typeof answer.fileId !== 'string' || answer.fileId === '')
      throw new KooDriveError(`createFile answered no fileId for ${JSON.stringify(fileName)}`);
    return { ...answer, fileId: answer.fileId };
  }

  /**
   * Parts one after another: each read once, hashed and sent. A resumed upload hashes again the
   * parts stored before (reading only), unless its record has a state to start from.
   */
  private async sendInOrder(
    source: OpenedSource,
    parts: readonly PlannedPart[],
    partSize: number,
    known: KnownHashes,
    send: (part: PlannedPart, bytes: Uint8Array) => Promise<void>,
  ): Promise<string> {
    const signal = this.controller.signal;
    let digest: Sha256Digest | undefined;
    let first = 0;
    if (known.sha256 === undefined) {
      const firstPending = parts.find((part) => !this.partsDone.has(part.partNumber));
      const from = known.hash;
      if (
        from &&
        from.offset > 0 &&
        firstPending &&
        from.offset <= firstPending.offset &&
        from.offset % partSize === 0
      ) {
        const running = await loadRunningSha256(from);
        digest = { update: (bytes) => running.update(bytes), running, digestHex: () => running.digestHex() };
        first = parts.findIndex((part) => part.offset === from.offset);
        this.sequentialHash = from;
      } else {
        digest = await createSha256Digest();
      }
    }
    for (const part of parts.slice(Math.max(first, 0))) {
      const pending = !this.partsDone.has(part.partNumber);
      if (!pending && !digest) continue;
      const bytes = await source.read(part.offset, part.offset + part.size);
      signal.throwIfAborted();
      digest?.update(bytes);
      const after = digest?.running && digest.running.offset % 64 === 0 ? digest.running.state() : undefined;
      if (pending) await send(part, bytes);
      if (after) this.sequentialHash = after;
    }
    return known.sha256 ?? (digest as Sha256Digest).digestHex();
  }
}

/** The root folder of a space, for `parentFolder: 'root'` with a `containerId`. */
async function rootFolderOf(kd: TransferClient, containerId: string, signal: AbortSignal): Promise<string> {
  const answer = await callData(GetSpaceByContainerID, kd, { params: { path: { containerId } }, signal });
  const root = answer.data?.bizRootFileId ?? answer.data?.rootFileId;
  if (!root) throw new KooDriveError(`GetSpaceByContainerID answered no root folder for space ${containerId}`);
  return root;
}

/** Refuses to resume an upload with a source that is not the one it began with. */
function checkSameSource(state: UploadState, source: OpenedSource): void {
  if (source.size !== state.size)
    throw new KooDriveValidationError(
      'source',
      `is ${source.size} bytes; the upload being resumed is of ${state.size} bytes`,
    );
  const { lastModified } = state.source;
  if (lastModified !== undefined && source.lastModified !== undefined && lastModified !== source.lastModified)
    throw new KooDriveValidationError(
      'source',
      `was changed since the upload began (last modified ${new Date(source.lastModified).toISOString()}, then ${new Date(lastModified).toISOString()})`,
    );
}
