/**
 * How a file is cut into parts. KooDrive's limits (uploadUrl's MultiPartInfo): parts of 5 MiB to
 * 5 GiB (the last one may be smaller, down to 0 bytes), part numbers 1 to 10,000, and for parallel
 * uploads every part but the last a multiple of 64 bytes (a SHA-256 block), so that each part's
 * `hashCtx` is a state at a block boundary.
 *
 * The default part is 8 MiB, grown (in whole MiB) when a file would need more than 10,000 parts
 * (files over 78 GiB). Why 8 MiB: a failed part costs at most 8 MiB of resending; 4 parts in flight
 * keep at most 32 MiB read ahead where parts are read into memory; on a 20 MB/s connection with
 * 20 ms of latency a part spends 95 % of its time sending; a 1 GiB file reports progress in 128
 * steps; and it is what the AWS CLI's transfer manager uses by default (8 MB).
 */
import { KooDriveValidationError } from '@koodrive/client';

const MiB = 1024 * 1024;
/** The smallest part KooDrive takes (but for the last one): 5 MiB. */
export const MIN_PART_SIZE = 5 * MiB;
/** The largest part KooDrive takes: 5 GiB. */
export const MAX_PART_SIZE = 5 * 1024 * MiB;
/** The most parts a file may have. */
export const MAX_PARTS = 10_000;
/** The default part size: 8 MiB. */
export const DEFAULT_PART_SIZE = 8 * MiB;

/** One part of the plan. */
export interface PlannedPart {
  /** From 1. */
  partNumber: number;
  /** Bytes of the file before it. */
  offset: number;
  size: number;
}

const describeBytes = (bytes: number) =>
  bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes.toLocaleString('en-US')} bytes`;

/** The part size for a file: `requested` when it is valid, else the default grown to fit 10,000 parts. */
export function choosePartSize(fileSize: number, requested?: number): number {
  const fewestBytes = Math.ceil(fileSize / MAX_PARTS);
  if (requested === undefined) {
    return Math.max(DEFAULT_PART_SIZE, Math.ceil(fewestBytes / MiB) * MiB);
  }
  if (!Number.isSafeInteger(requested) || requested < MIN_PART_SIZE || requested > MAX_PART_SIZE)
    throw new KooDriveValidationError(
      'partSize',
      `must be a whole number of bytes from 5 MiB (5242880) to 5 GiB (5368709120), got ${requested}`,
    );
  if (requested % 64 !== 0)
    throw new KooDriveValidationError('partSize', `must be a multiple of 64 bytes (a SHA-256 block), got ${requested}`);
  if (requested < fewestBytes) {
    const enough = Math.ceil(fewestBytes / MiB) * MiB;
    throw new KooDriveValidationError(
      'partSize',
      `${describeBytes(requested)} parts would cut this ${fileSize.toLocaleString('en-US')}-byte file into more than ${MAX_PARTS.toLocaleString('en-US')} parts; use at least ${describeBytes(enough)}`,
    );
  }
  return requested;
}

/** The parts of a file of `fileSize` bytes; an empty file is one part of 0 bytes. */
export function planParts(fileSize: number, partSize: number): PlannedPart[] {
  const count = Math.max(1, Math.ceil(fileSize / partSize));
  return Array.from({ length: count }, (_, index) => {
    const offset = index * partSize;
    return { partNumber: index + 1, offset, size: Math.min(partSize, fileSize - offset) };
  });
}
