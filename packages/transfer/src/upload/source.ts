/**
 * What an upload reads from: a Blob or File (browsers, and Node's Blob), bytes, or a Node file
 * path (opened with `fs.openAsBlob`, so the file is read part by part from disk, never held whole).
 */
import { KooDriveValidationError } from '@koodrive/client';
import { KooDriveIntegrityError } from '../errors.js';
import { nodeFs, nodeFsPromises, nodePath } from '../runtime.js';

/** A File or Blob, bytes, or (in Node) the path of a file. */
export type UploadSource = Blob | Uint8Array | ArrayBuffer | string;

/** An upload source, opened: its size and the means to read any range of it. */
export interface OpenedSource {
  size: number;
  /** File.name, or the path's last segment. */
  name?: string;
  /** File.type, when it has one. */
  type?: string;
  /** When the file was last changed (ms since the epoch), for File and paths. */
  lastModified?: number;
  /** The bytes of [start, end). */
  read(start: number, end: number): Promise<Uint8Array>;
  /** A fetch body of exactly the bytes of [start, end), read when sent (a Blob slice streams from disk). */
  body(start: number, end: number): Blob | Uint8Array;
  /**
   * Reads the source in order from `start`, for hashing: each `read(length)` answers the next
   * bytes, in a buffer that is reused two reads later (so one read can be under way while the
   * previous one is hashed, and nothing is left for the garbage collector).
   */
  sequential(start: number): SequentialReader;
}

/** Reads a source in order (see `OpenedSource.sequential`). */
export interface SequentialReader {
  read(length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A sequential reader over random reads (a Blob's slices, bytes). */
const sequentialOver =
  (read: OpenedSource['read']) =>
  (start: number): SequentialReader => {
    let position = start;
    return {
      read(length) {
        const from = position;
        position += length;
        return read(from, position);
      },
      close: async () => undefined,
    };
  };

/** A sequential reader of a file by path, into two buffers used in turn. */
function fileReader(path: string, start: number): SequentialReader {
  const fsp = nodeFsPromises() as NonNullable<ReturnType<typeof nodeFsPromises>>;
  const opening = fsp.open(path, 'r');
  const buffers: Uint8Array[] = [];
  let turn = 0;
  let position = start;
  return {
    async read(length) {
      const file = await opening;
      const index = turn++ % 2;
      if ((buffers[index]?.byteLength ?? 0) < length) buffers[index] = new Uint8Array(length);
      const buffer = buffers[index] as Uint8Array;
      const from = position;
      position += length;
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await file.read(buffer, filled, length - filled, from + filled);
        if (bytesRead === 0) throw sourceChanged(path);
        filled += bytesRead;
      }
      return buffer.subarray(0, length);
    },
    close: async () => (await opening).close(),
  };
}

function fromBlob(blob: Blob, extra: Partial<OpenedSource> = {}): OpenedSource {
  const file = blob as Partial<File>;
  const read: OpenedSource['read'] = async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
  const opened: OpenedSource = {
    size: blob.size,
    read,
    body: (start, end) => blob.slice(start, end),
    sequential: sequentialOver(read),
    ...extra,
  };
  if (typeof file.name === 'string' && file.name !== '') opened.name = file.name;
  if (blob.type) opened.type = blob.type;
  if (typeof file.lastModified === 'number') opened.lastModified = file.lastModified;
  return opened;
}

function fromBytes(bytes: Uint8Array): OpenedSource {
  const read: OpenedSource['read'] = async (start, end) => bytes.subarray(start, end);
  return {
    size: bytes.byteLength,
    read,
    body: (start, end) => bytes.subarray(start, end),
    sequential: sequentialOver(read),
  };
}

async function fromPath(path: string): Promise<OpenedSource> {
  const fs = nodeFs();
  const fsp = nodeFsPromises();
  if (!fs?.openAsBlob || !fsp) {
    throw new KooDriveValidationError(
      'source',
      'is a path, and this runtime has no file system (pass a File, Blob or bytes)',
    );
  }
  let stats: import('node:fs').Stats;
  try {
    stats = await fsp.stat(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new KooDriveValidationError('source', `${path} cannot be read${code ? ` (${code})` : ''}`);
  }
  if (!stats.isFile()) throw new KooDriveValidationError('source', `${path} is not a file`);
  const blob = await fs.openAsBlob(path);
  const name = nodePath()?.basename(path) ?? path.slice(path.lastIndexOf('/') + 1);
  return fromBlob(blob, {
    name,
    lastModified: Math.floor(stats.mtimeMs),
    sequential: (start) => fileReader(path, start),
  });
}

/** Opens an upload source, or throws a KooDriveValidationError naming what is wrong with it. */
export async function openSource(source: UploadSource): Promise<OpenedSource> {
  if (typeof source === 'string') return fromPath(source);
  if (source instanceof Uint8Array) return fromBytes(source);
  if (source instanceof ArrayBuffer) return fromBytes(new Uint8Array(source));
  if (typeof Blob !== 'undefined' && source instanceof Blob) return fromBlob(source);
  throw new KooDriveValidationError('source', 'must be a File, a Blob, a Uint8Array, an ArrayBuffer or a file path');
}

/** The error of a source that changed while it was uploaded. */
export function sourceChanged(name: string): KooDriveIntegrityError {
  return new KooDriveIntegrityError(
    name,
    'source',
    'the file as the upload began',
    'a changed file',
    `${name} changed while it was uploaded; upload it again`,
  );
}

/** Whether an error says a File or a file-backed Blob can no longer be read (the file changed or went away). */
export function isUnreadable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current.name === 'NotReadableError' || current.name === 'NotFoundError') return true;
  }
  return false;
}
