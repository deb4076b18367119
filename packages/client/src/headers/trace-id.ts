import { KooDriveValidationError } from '../errors.js';
import { assertHeaderValue } from './header-value.js';

/** KooDrive's trace IDs are exactly 58 characters ("58位" in the reference). */
export const TRACE_ID_LENGTH = 58;

const BYTES_PER_ID = TRACE_ID_LENGTH / 2;
// One call to the CSPRNG fills IDs for 128 requests: in Node each getRandomValues call costs
// far more than hex-encoding 29 bytes, and it ran on every request.
const pool = new Uint8Array(BYTES_PER_ID * 128);
let poolOffset = pool.length;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A new 58-character trace ID: 29 bytes from the platform's CSPRNG, as lower-case hex. */
export function generateTraceId(): string {
  if (poolOffset === pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let hex = '';
  for (let i = poolOffset; i < poolOffset + BYTES_PER_ID; i++) hex += HEX[pool[i] as number];
  poolOffset += BYTES_PER_ID;
  return hex;
}

export function assertTraceId(field: string, value: unknown): asserts value is string {
  assertHeaderValue(field, value);
  if (value.length !== TRACE_ID_LENGTH) {
    throw new KooDriveValidationError(field, `must be exactly ${TRACE_ID_LENGTH} characters, got ${value.length}`);
  }
}
