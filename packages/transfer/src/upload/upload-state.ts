/**
 * The record of an upload in progress, from which `resumeUpload` continues after a crash or a page
 * reload: plain JSON (store it with `JSON.stringify`), holding no credential. Parts are
 * identified by number under the part size recorded; the hash states let a resumed upload send
 * the missing parts without hashing the file again from its start.
 */
import { KooDriveValidationError } from '@koodrive/client';
import type { Sha256State } from '../sha256/running-sha256.js';

/** A serializable record of an upload: what `upload.state()` answers and `resumeUpload` takes. */
export interface UploadState {
  /** Marks the record (and its format). */
  kind: 'koodrive-upload';
  version: 1;
  /** The file createFile created. */
  fileId: string;
  /** The space that holds it, as createFile answered. */
  containerId?: string;
  fileName: string;
  /** The file's size in bytes. */
  size: number;
  /** The part size the upload was cut with. */
  partSize: number;
  /** Whether parts carry `hashCtx` (parallel parts); if not, parts go one after another. */
  parallel: boolean;
  /** What the source was, to refuse resuming with another file: File.name / path's name and its mtime. */
  source: { name?: string; lastModified?: number };
  /** The parts stored by the service, by number. */
  partsDone: number[];
  /** The furthest SHA-256 state known (at a 64-byte boundary), when the hasher could export it. */
  hash?: Sha256State;
  /** The `hashCtx` of parts not stored yet, as far as the file was hashed, by part number. */
  partStates?: Record<string, number[]>;
  /** The whole file's SHA-256 (hex), once known. */
  sha256?: string;
}

const fail = (field: string, problem: string) => new KooDriveValidationError(`state.${field}`, problem);

const isWords = (value: unknown): value is number[] =>
  Array.isArray(value) &&
  value.length === 8 &&
  value.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff);

function checkHash(value: unknown): Sha256State {
  const hash = value as Partial<Sha256State>;
  if (
    typeof hash !== 'object' ||
    hash === null ||
    !Number.isSafeInteger(hash.offset) ||
    (hash.offset as number) % 64 !== 0 ||
    !isWords(hash.words)
  )
    throw fail('hash', 'must be { offset: a multiple of 64, words: eight unsigned 32-bit integers }');
  return { offset: hash.offset as number, words: [...hash.words] };
}

/** Checks a record (e.g. parsed from storage) and answers it typed; throws a KooDriveValidationError naming the bad field. */
export function readUploadState(value: unknown): UploadState {
  if (typeof value !== 'object' || value === null) throw fail('', 'must be the object upload.state() answered');
  const record = value as Record<string, unknown>;
  if (record.kind !== 'koodrive-upload') throw fail('kind', 'must be "koodrive-upload": this is not an upload record');
  if (record.version !== 1) throw fail('version', `must be 1, got ${String(record.version)}`);
  if (typeof record.fileId !== 'string' || record.fileId === '') throw fail('fileId', 'must be a non-empty string');
  if (typeof record.fileName !== 'string') throw fail('fileName', 'must be a string');
  if (!Number.isSafeInteger(record.size) || (record.size as number) < 0)
    throw fail('size', 'must be a whole number of bytes');
  if (
    !Number.isSafeInteger(record.partSize) ||
    (record.partSize as number) <= 0 ||
    (record.partSize as number) % 64 !== 0
  )
    throw fail('partSize', 'must be a positive multiple of 64');
  if (typeof record.parallel !== 'boolean') throw fail('parallel', 'must be true or false');
  const partCount = Math.max(1, Math.ceil((record.size as number) / (record.partSize as number)));
  const partsDone = record.partsDone;
  if (!Array.isArray(partsDone) || !partsDone.every((part) => Number.isInteger(part) && part >= 1 && part <= partCount))
    throw fail('partsDone', `must be part numbers from 1 to ${partCount}`);
  const source = (record.source ?? {}) as UploadState['source'];
  const state: UploadState = {
    kind: 'koodrive-upload',
    version: 1,
    fileId: record.fileId,
    fileName: record.fileName,
    size: record.size as number,
    partSize: record.partSize as number,
    parallel: record.parallel,
    source: {
      ...(typeof source.name === 'string' ? { name: source.name } : {}),
      ...(typeof source.lastModified === 'number' ? { lastModified: source.lastModified } : {}),
    },
    partsDone: [...new Set(partsDone as number[])].sort((a, b) => a - b),
  };
  if (typeof record.containerId === 'string') state.containerId = record.containerId;
  if (record.hash !== undefined) state.hash = checkHash(record.hash);
  if (record.partStates !== undefined) {
    const partStates: Record<string, number[]> = {};
    for (const [part, words] of Object.entries(record.partStates as object)) {
      const number = Number(part);
      if (!Number.isInteger(number) || number < 2 || number > partCount || !isWords(words))
        throw fail(`partStates.${part}`, 'must map a part number to eight unsigned 32-bit integers');
      partStates[part] = [...words];
    }
    state.partStates = partStates;
  }
  if (record.sha256 !== undefined) {
    if (typeof record.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(record.sha256))
      throw fail('sha256', 'must be 64 lower-case hex digits');
    state.sha256 = record.sha256;
  }
  return state;
}
