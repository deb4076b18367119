/**
 * What an upload reads from: a Blob or File (browsers, and Node's Blob), bytes, or a Node file
 * path (opened with `fs.openAsBlob`, so the file is read part by part from disk, never held whole).
 */
import { KooDriveValidationError } from '@koodrive/client';
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
}

function fromBlob(blob: Blob, extra: Partial<OpenedSource> = {}): OpenedSource {
  const file = blob as Partial<File>;
  const opened: OpenedSource = {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    body: (start, end) => blob.slice(start, end),
    ...extra,
  };
  if (typeof file.name === 'string' && file.name !== '') opened.name = file.name;
  if (blob.type) opened.type = blob.type;
  if (typeof file.lastModified === 'number') opened.lastModified = file.lastModified;
  return opened;
}

function fromBytes(bytes: Uint8Array): OpenedSource {
  return {
    size: bytes.byteLength,
    read: async (start, end) => bytes.subarray(start, end),
    body: (start, end) => bytes.subarray(start, end),
  };
}

async function fromPath(path: string): Promise<OpenedSource> {
  const fs = nodeFs();
  const fsp = nodeFsPromises();
  if (!fs?.openAsBlob || !fsp) {
    throw new KooDriveValidationError('source', 'is a path, and this runtime has no file system (pass a File, Blob or bytes)');
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
  return fromBlob(blob, { name, lastModified: Math.floor(stats.mtimeMs) });
}

/** Opens an upload source, or throws a KooDriveValidationError naming what is wrong with it. */
export async function openSource(source: UploadSource): Promise<OpenedSource> {
  if (typeof source === 'string') return fromPath(source);
  if (source instanceof Uint8Array) return fromBytes(source);
  if (source instanceof ArrayBuffer) return fromBytes(new Uint8Array(source));
  if (typeof Blob !== 'undefined' && source instanceof Blob) return fromBlob(source);
  throw new KooDriveValidationError('source', 'must be a File, a Blob, a Uint8Array, an ArrayBuffer or a file path');
}
