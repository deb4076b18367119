/** A source of the current time; tests and clock-skew correction replace it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Formats a time as KooDrive's X-Date, UTC `yyyyMMdd'T'HHmmss'Z'`, e.g. `20251103T070140Z`. */
export function formatXDate(date: Date): string {
  // toISOString is always UTC: 2025-11-03T07:01:40.123Z → 20251103T070140Z
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
