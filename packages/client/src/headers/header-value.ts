import { KooDriveValidationError } from '../errors.js';

// Visible ASCII and inner spaces only: CR or LF would let a value inject headers of its own, and
// anything outside ASCII is not a valid header byte for fetch.
const SAFE_HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * Checks a value the client puts in a header. The message names the field and the problem, never
 * the value, because the value may be a secret.
 */
export function assertHeaderValue(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new KooDriveValidationError(field, `must be a string, got ${typeof value}`);
  if (value.length === 0) throw new KooDriveValidationError(field, 'must not be empty');
  if (/[\r\n]/.test(value)) throw new KooDriveValidationError(field, 'must not contain CR or LF');
  if (!SAFE_HEADER_VALUE.test(value)) {
    throw new KooDriveValidationError(
      field,
      'must be printable ASCII without leading or trailing white space (no control or non-ASCII characters)',
    );
  }
}
