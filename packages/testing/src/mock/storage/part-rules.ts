/**
 * The documented rules of a multipart upload's parts (createFile and uploadUrl's MultiPartInfo):
 * every part but the last 5 MiB to 5 GiB and a multiple of 64 bytes (its `partOffset` too), at
 * most 10,000 parts, `hashCtx` the eight 32-bit words of the SHA-256 state before the part.
 */
import { fileResultCodes, MockFileError } from '../state/files.js';
import { SHA256_IV, sameWords } from './sha256-state.js';

/** 5 MiB: the smallest part but the last. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** 5 GiB: the largest part. */
export const MAX_PART_SIZE = 5 * 1024 * 1024 * 1024;
/** At most this many parts. */
export const MAX_PARTS = 10_000;
/** 200 GB: the largest file a multipart upload takes (the reference's limit, read as 200 × 2^30). */
export const MAX_FILE_SIZE = 200 * 1024 * 1024 * 1024;
/** Parts start at multiples of this (SHA-256's block). */
export const PART_ALIGNMENT = 64;

/** A part as the mock plans or issues it. */
export interface PartGeometry {
  partNumber: number;
  partSize: number;
  /** Bytes before the part; unknown for a part sent in order without one. */
  partOffset?: number;
  /** The SHA-256 words before the part. */
  hashCtx?: readonly number[];
}

/** The parts createFile offers for a file: `partSize` parts (grown to fit 10,000), the last one shorter. */
export function planParts(length: number, partSize: number): PartGeometry[] {
  const fitting = Math.ceil(length / MAX_PARTS / (1024 * 1024)) * 1024 * 1024;
  const size = Math.max(partSize, fitting);
  if (length === 0) return [{ partNumber: 1, partSize: 0, partOffset: 0 }];
  return Array.from({ length: Math.ceil(length / size) }, (_, index) => ({
    partNumber: index + 1,
    partSize: Math.min(size, length - index * size),
    partOffset: index * size,
  }));
}

/** Checks the mock's own part size option. */
export function checkPlanPartSize(partSize: number): number {
  if (!Number.isInteger(partSize) || partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE || partSize % PART_ALIGNMENT)
    throw new RangeError(
      `storage.partSize must be a multiple of 64 from ${MIN_PART_SIZE} (5 MiB) to ${MAX_PART_SIZE} (5 GiB), got ${partSize}`,
    );
  return partSize;
}

const refuse = (where: string, problem: string) =>
  new MockFileError(fileResultCodes.parameterValidationFailed, `parameter validation failed: ${where}: ${problem}`);

/**
 * Checks a part uploadUrl was asked for, in a file of `length` bytes: a MockFileError 13000102
 * naming the part and the rule it breaks.
 */
export function checkRequestedPart(part: PartGeometry, length: number, where: string): void {
  const { partNumber, partSize, partOffset, hashCtx } = part;
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS)
    throw refuse(where, `partNumber must be 1 to ${MAX_PARTS}, got ${partNumber}`);
  if (!Number.isSafeInteger(partSize) || partSize < 0 || partSize > MAX_PART_SIZE)
    throw refuse(where, `partSize must be 0 to ${MAX_PART_SIZE} (5 GiB), got ${partSize}`);
  if (partOffset !== undefined) {
    if (!Number.isSafeInteger(partOffset) || partOffset < 0 || partOffset % PART_ALIGNMENT)
      throw refuse(where, `partOffset must be a multiple of 64 bytes, got ${partOffset}`);
    if (partNumber === 1 && partOffset !== 0) throw refuse(where, `part 1 starts at offset 0, got ${partOffset}`);
    if (partOffset + partSize > length)
      throw refuse(where, `partOffset + partSize = ${partOffset + partSize} is beyond the file's ${length} bytes`);
    if (partOffset + partSize < length && (partSize < MIN_PART_SIZE || partSize % PART_ALIGNMENT))
      throw refuse(
        where,
        `every part but the last must be a multiple of 64 bytes from ${MIN_PART_SIZE} (5 MiB), got ${partSize} (this part ends at ${partOffset + partSize} of ${length})`,
      );
  } else if (partSize > length) {
    throw refuse(where, `partSize ${partSize} is beyond the file's ${length} bytes`);
  }
  if (hashCtx !== undefined) {
    if (partOffset === undefined) throw refuse(where, 'hashCtx needs the partOffset it is the state at');
    if (hashCtx.length !== 8 || hashCtx.some((word) => !Number.isInteger(word) || word < 0 || word > 0xffffffff))
      throw refuse(where, 'hashCtx must be the 8 words of the SHA-256 state, each an integer from 0 to 4294967295');
    if (partOffset === 0 && !sameWords(hashCtx, SHA256_IV))
      throw refuse(where, "the hashCtx of the part at offset 0 must be SHA-256's initial state (or absent)");
  }
}
