/** A source of the current time; tests and clock-skew correction replace it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

// X-Date counts whole seconds, and a busy client sends many requests in each: the last second's
// text is kept rather than formatted again.
let lastSecond = Number.NaN;
let lastText = '';

/** Formats a time as KooDrive's X-Date, UTC `yyyyMMdd'T'HHmmss'Z'`, e.g. `20251103T070140Z`. */
export function formatXDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    // toISOString is always UTC (and throws on an invalid date): 2025-11-03T07:01:40.123Z → 20251103T070140Z
    lastText = `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
    lastSecond = second;
  }
  return lastText;
}
