/**
 * The soak's watch over its own process: warnings, unhandled rejections, event-loop delay, the
 * heap after a full GC, the handles that keep the process alive, and a watchdog that fails the run
 * when the process does not exit by itself.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const MiB = 1024 * 1024;

/** Bytes as MiB with one decimal. */
export const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** Collects process warnings and unhandled rejections from now on, and the event loop's delay. */
export function watchProcess() {
  const warnings: string[] = [];
  const rejections: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  const onRejection = (reason: unknown) =>
    rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  process.on('warning', onWarning);
  process.on('unhandledRejection', onRejection);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    warnings,
    rejections,
    /** Event-loop delay so far: 99th percentile and maximum, in ms. */
    loopDelay: () => ({ p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6 }),
    stop() {
      delay.disable();
      process.off('warning', onWarning);
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** The heap after full garbage collections (the soak runs with --expose-gc). */
export function settledMemory(): { heapUsed: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the soak needs node --expose-gc (pnpm soak passes it)');
  for (let round = 0; round < 3; round++) gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

/** What keeps the process alive now (timers, sockets, child processes, …), sorted. */
export const activeResources = () => [...process.getActiveResourcesInfo()].sort();

/** The resources in `now` beyond those in `baseline`. */
export function extraResources(baseline: readonly string[], now: readonly string[]): string[] {
  const left = [...baseline];
  return now.filter((name) => {
    const index = left.indexOf(name);
    if (index < 0) return true;
    left.splice(index, 1);
    return false;
  });
}

/** Waits until no resource beyond the baseline is active, or `withinMs` passes; says what is left and how long it took. */
export async function resourcesBackTo(baseline: readonly string[], withinMs: number) {
  const started = performance.now();
  for (;;) {
    // Immediates of the polling itself are no leak: look after they ran.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const extra = extraResources(baseline, activeResources()).filter((name) => name !== 'Immediate');
    if (extra.length === 0 || performance.now() - started > withinMs) {
      return { extra, waitedMs: performance.now() - started };
    }
  }
}

/**
 * Fails the run (exit code 1) if the process is still alive `ms` from now, naming what holds it.
 * The timer itself does not keep the process alive.
 */
export function armExitWatchdog(ms: number): void {
  setTimeout(() => {
    process.stderr.write(
      `soak: FAIL the process did not exit by itself within ${ms / 1000} s of the end; still active: ${activeResources().join(', ')}\n`,
    );
    process.exit(1);
  }, ms).unref();
}
