import { isInteger, isSafeNumber, parse } from 'lossless-json';

// Integers of 16 or more digits may be above 2^53; only texts that hold one need the slower parser.
const MAY_HOLD_UNSAFE_INTEGER = /\d{16,}/;

function parseNumber(text: string): number | bigint {
  if (isSafeNumber(text)) return Number(text);
  return isInteger(text) ? BigInt(text) : Number(text);
}

/**
 * JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER become bigint instead of losing
 * digits (KooDrive's int64 fields, such as capacities in KB, can exceed 2^53).
 */
export function parseJsonLosslessly(text: string): unknown {
  if (!MAY_HOLD_UNSAFE_INTEGER.test(text)) return JSON.parse(text);
  return parse(text, null, parseNumber);
}
