/**
 * The caller's AbortSignal, watched without piling listeners on it. Servers often share one signal
 * among hundreds of calls in flight; a listener per call would trip Node's
 * MaxListenersExceededWarning. Here a signal gets one listener, whatever the number of calls
 * watching it, and none once the last of them is done.
 */
import { KooDriveAbortError, type KooDriveRequestInfo } from '../errors.js';

const watchers = new WeakMap<AbortSignal, { callbacks: Set<() => void>; listener: () => void }>();

/** Calls `onAbort` when `signal` aborts; the returned function stops watching (call it when done). */
export function watchAbort(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (!signal) return () => {};
  let watcher = watchers.get(signal);
  if (!watcher) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      watchers.delete(signal);
      for (const callback of callbacks) callback();
    };
    watcher = { callbacks, listener };
    watchers.set(signal, watcher);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = watcher;
  const callback = () => onAbort();
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size === 0 && watchers.get(signal)?.callbacks === callbacks) {
      watchers.delete(signal);
      signal.removeEventListener('abort', listener);
    }
  };
}

/** The error of a call the caller aborted. */
export function abortError(info: KooDriveRequestInfo): KooDriveAbortError {
  return new KooDriveAbortError(info);
}

/** Waits `ms`, or rejects with a KooDriveAbortError as soon as the caller aborts. */
export function pause(ms: number, signal: AbortSignal | undefined, info: KooDriveRequestInfo): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unwatch();
      resolve();
    }, ms);
    const unwatch = watchAbort(signal, () => {
      clearTimeout(timer);
      unwatch();
      reject(abortError(info));
    });
  });
}
