import { KooDriveValidationError } from '../errors.js';
import { assertHeaderValue } from './header-value.js';

/** KooDrive's trace IDs are exactly 58 characters ("58位" in the reference). */
export const TRACE_ID_LENGTH = 58;

/** A new 58-character trace ID: 29 random bytes from the platform's CSPRNG, as lower-case hex. */
export function generateTraceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TRACE_ID_LENGTH / 2));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function assertTraceId(field: string, value: unknown): asserts value is string {
  assertHeaderValue(field, value);
  if (value.length !== TRACE_ID_LENGTH) {
    throw new KooDriveValidationError(field, `must be exactly ${TRACE_ID_LENGTH} characters, got ${value.length}`);
  }
}
