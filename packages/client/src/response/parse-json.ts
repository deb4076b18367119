import { isInteger, isSafeNumber, parse } from 'lossless-json';

function parseNumber(text: string): number | bigint {
  if (isSafeNumber(text)) return Number(text);
  return isInteger(text) ? BigInt(text) : Number(text);
}

/** Whether a parsed value holds a number beyond 2^53, which JSON.parse may have rounded. */
function holdsUnsafeNumber(value: unknown): boolean {
  if (typeof value === 'number') return Math.abs(value) > Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'object' || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (holdsUnsafeNumber(item)) return true;
  return false;
}

/**
 * JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER become bigint instead of losing
 * digits (KooDrive's int64 fields, such as capacities in KB, can exceed 2^53).
 *
 * JSON.parse reads every body first: an integer beyond 2^53 always parses to a number beyond
 * 2^53, so only a body that shows one is read again, with lossless-json.
 */
export function parseJsonLosslessly(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return holdsUnsafeNumber(value) ? parse(text, null, parseNumber) : value;
}
