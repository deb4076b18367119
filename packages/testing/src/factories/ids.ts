/** IDs shaped like KooDrive's, deterministic by index so tests can predict them. */

/** A 19-digit user, department or group ID (always a string, never a number: it exceeds 2^53). */
export function makeOwnerId(index: number, prefix = '12891736'): string {
  return `${prefix}${String(index).padStart(19 - prefix.length, '0')}`;
}

/** A space (container) ID: 46 characters, `IAAD` then letters and digits, as in the reference's examples. */
export function makeContainerId(index: number): string {
  const hex = (index * 2654435761).toString(16).padStart(8, '0');
  return `IAADfsBFCO6WtAtu${hex}${String(index).padStart(22, '0')}`.slice(0, 46);
}

/** A tenant ID like the reference's examples. */
export const TENANT_ID = '40086000004871666';
