/**
 * Time limits of storage requests. Object storage that stops answering a part's PUT, or stops
 * sending in the middle of a download, would otherwise hold a transfer until the platform gives up
 * (minutes in Node's fetch, never in a browser). An attempt past its limit ends as a broken
 * connection does: retried by the client's rules, and a download resumes where it stood.
 */
import { KooDriveValidationError } from '@koodrive/client';

/** A part PUT's default limit: 5 minutes, an 8 MiB part at 28 KB/s. */
export const DEFAULT_PART_TIMEOUT_MS = 300_000;
/** A download's default limit on silence: no answer, or no byte, for a minute. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** Why an attempt was ended: no answer, or no bytes, within its limit. */
export class StorageTimeoutError extends Error {
  override name = 'StorageTimeoutError';
}

/** A limit option: a whole number of milliseconds, 0 for none. */
export function checkTimeout(option: string, value: number | undefined, fallback: number): number {
  const ms = value ?? fallback;
  if (!Number.isInteger(ms) || ms < 0)
    throw new KooDriveValidationError(option, `must be a whole number of milliseconds (0 for no limit), got ${ms}`);
  return ms;
}

/**
 * An attempt's signal: it aborts with the transfer's, or with a StorageTimeoutError once `ms` pass
 * (0: never); `clear()` stops the clock and keeps the link to the transfer's signal.
 */
export function attemptSignal(signal: AbortSignal, ms: number, what: string): { signal: AbortSignal; clear(): void } {
  if (ms === 0) return { signal, clear() {} };
  const clock = new AbortController();
  const timer = setTimeout(() => clock.abort(new StorageTimeoutError(`no ${what} within ${ms} ms`)), ms);
  return { signal: AbortSignal.any([signal, clock.signal]), clear: () => clearTimeout(timer) };
}

/** The next chunk of a body, or a StorageTimeoutError (the body cancelled) when none comes within `ms` (0: no limit). */
export async function readWithin<T>(
  reader: ReadableStreamDefaultReader<T>,
  ms: number,
): Promise<ReadableStreamReadResult<T>> {
  if (ms === 0) return reader.read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeoutError(`no bytes within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([reader.read(), silence]);
  } catch (error) {
    if (error instanceof StorageTimeoutError) await reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
