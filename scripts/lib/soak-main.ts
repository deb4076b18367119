/**
 * The soak itself, in the client's process: bundled and started by scripts/soak.ts (which says
 * what it checks), so that it runs as plain Node on the built packages, with no TypeScript loader
 * between the client and its modules. Starts the mock KooDrive CLI that `--mock-cli` names (the
 * launcher passes it) in another process.
 */
import { startMockCli } from './mock-process.ts';
import { createSoakClients, SOAK_APP, SOAK_TOKEN } from './soak-clients.ts';
import { activeResources, armExitWatchdog, mib, resourcesBackTo, settledMemory, watchProcess } from './soak-health.ts';
import { createSoakLedger, type MockFaultEvent, type SoakLedger } from './soak-ledger.ts';
import { type MemoryPoint, printSoakReport, type SoakFigures } from './soak-report.ts';
import type { FaultKind } from './soak-rules.ts';
import { type LoadStats, runLoad } from './soak-run.ts';
import {
  faultSpec,
  parseSoakArgs,
  SOAK_CLIENT,
  SOAK_RETRY_AFTER_S,
  SOAK_SLACK,
  type SoakSettings,
} from './soak-settings.ts';

const WARM_UP_CALLS = 600;
const REPORT_EVERY_MS = 1_000;
const EXIT_WITHIN_MS = 10_000;

interface MockReport {
  requests: number;
  injected: Record<FaultKind, number>;
  events: MockFaultEvent[];
}

/** Asks the mock for the faults injected since the last time and judges the calls they complete. */
async function collectFaults(mockUrl: string, ledger: SoakLedger, lagMs: () => number): Promise<MockReport> {
  const askedAt = performance.now();
  const report = (await (await fetch(`${mockUrl}/__mock/faults`)).json()) as MockReport;
  ledger.addFaultEvents(report.events);
  ledger.judgeEndedBefore(askedAt, lagMs());
  return report;
}

/** Runs `task` every `ms` until `stop()`, one run at a time. */
function every(ms: number, task: () => Promise<unknown> | unknown) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = Promise.resolve(task()).finally(() => {
      if (!stopped) timer = setTimeout(tick, ms);
    });
  };
  timer = setTimeout(tick, ms);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/** One stretch of load with a fresh set of clients, which are signed out and dropped after it. */
async function withClients(
  mockUrl: string,
  ledger: SoakLedger,
  run: (clients: Awaited<ReturnType<typeof createSoakClients>>['clients']) => Promise<LoadStats>,
): Promise<LoadStats> {
  const soakClients = await createSoakClients(mockUrl, ledger.logger);
  try {
    return await run(soakClients.clients);
  } finally {
    await soakClients.close();
  }
}

/** What the load left to report, before the mock stops. */
interface Driven {
  load: LoadStats;
  elapsedMs: number;
  before: { heapUsed: number; rss: number };
  curve: MemoryPoint[];
  report: MockReport;
}

/** The warm-up, the heap's baseline, the run with its memory curve, and the last fault report. */
async function drive(
  settings: SoakSettings,
  mockUrl: string,
  ledger: SoakLedger,
  lagMs: () => number,
): Promise<Driven> {
  // The mock's faults are collected as the run goes, so calls are judged and forgotten as it goes.
  const stopCollecting = every(REPORT_EVERY_MS, () => collectFaults(mockUrl, ledger, lagMs));
  // Warm-up with clients of its own: modules loaded, code optimized, before the heap's baseline.
  await withClients(mockUrl, ledger, (clients) =>
    runLoad(settings, ledger, clients, {
      firstIndex: 0,
      calls: WARM_UP_CALLS,
      durationMs: Number.POSITIVE_INFINITY,
      warmUp: true,
    }),
  );
  const before = settledMemory();
  const started = performance.now();
  const curve: MemoryPoint[] = [{ atMs: 0, heapUsed: before.heapUsed, rss: before.rss, calls: 0 }];
  const callsSoFar = () => ledger.totals.calls + ledger.pending().waiting - WARM_UP_CALLS;
  const stopSampling = every(settings.sampleEveryMs, () => {
    const { heapUsed, rss } = settledMemory();
    const point = { atMs: performance.now() - started, heapUsed, rss, calls: callsSoFar() };
    curve.push(point);
    if (settings.mode === 'long')
      console.log(`  ${(point.atMs / 1000).toFixed(0)} s: heap ${mib(heapUsed)}, ${point.calls} calls`);
  });
  const load = await withClients(mockUrl, ledger, (clients) =>
    runLoad(settings, ledger, clients, {
      firstIndex: WARM_UP_CALLS,
      calls: settings.calls,
      durationMs: settings.durationMs,
    }),
  );
  const elapsedMs = performance.now() - started;
  await stopSampling();
  await stopCollecting();
  const report = await collectFaults(mockUrl, ledger, lagMs);
  ledger.judgeEndedBefore(Number.POSITIVE_INFINITY, lagMs());
  ledger.close();
  return { load, elapsedMs, before, curve, report };
}

async function main(settings: SoakSettings): Promise<boolean> {
  const health = watchProcess();
  // The standard streams' handles open at their first use: open them before the baseline.
  void process.stdout;
  void process.stderr;
  const baseline = activeResources();
  const ledger = createSoakLedger({
    timeoutMs: SOAK_CLIENT.timeoutMs,
    ...SOAK_CLIENT.retry,
    retryAfterMs: SOAK_RETRY_AFTER_S * 1000,
    slack: SOAK_SLACK,
  });
  const lagMs = () => health.loopDelay().maxMs;
  const spec = faultSpec(settings.seed);
  const mock = await startMockCli(settings.mockCli, [
    ...['--rows', '50', '--token', SOAK_TOKEN, '--app', `${SOAK_APP.appId}:${SOAK_APP.appSecret}`],
    ...['--faults', spec],
  ]);
  // Stopped from outside (the launcher's time limit, Ctrl+C): take the mock process down too.
  const onSignal = () => void mock.stop().finally(() => process.exit(1));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  console.log(
    `KooDrive soak (${settings.mode}, seed ${settings.seed}): the mock KooDrive at ${mock.url}, another process`,
  );
  console.log(`  faults   ${spec}`);
  console.log(
    `  client   timeout ${SOAK_CLIENT.timeoutMs} ms, ${SOAK_CLIENT.retry.maxRetries} retries, waits below ${SOAK_CLIENT.retry.baseDelayMs}×2^n ms up to ${SOAK_CLIENT.retry.maxDelayMs} ms`,
  );
  let driven: Driven;
  try {
    driven = await drive(settings, mock.url, ledger, lagMs);
  } finally {
    // Whatever happened, no mock process outlives the soak.
    await mock.stop();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  const loopDelay = health.loopDelay();
  health.stop();
  const handles = await resourcesBackTo(baseline, 10_000);
  const after = settledMemory();
  const { load, elapsedMs, before, curve, report } = driven;
  curve.push({ atMs: elapsedMs, heapUsed: after.heapUsed, rss: after.rss, calls: load.calls });

  const figures: SoakFigures = {
    mode: settings.mode,
    seed: settings.seed,
    concurrency: settings.concurrency,
    warmUpCalls: WARM_UP_CALLS,
    elapsedMs,
    load,
    totals: ledger.totals,
    mock: { requests: report.requests, injected: report.injected },
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    rssBefore: before.rss,
    rssAfter: after.rss,
    heapToleranceBytes: settings.heapToleranceBytes,
    curve: settings.mode === 'long' ? curve : [],
    handles: { ...handles, baseline },
    warnings: health.warnings,
    rejections: health.rejections,
    loopDelay,
  };
  return printSoakReport(figures);
}

let settings: SoakSettings;
try {
  settings = parseSoakArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const passed = await main(settings).catch((error: unknown) => {
  console.error('soak: could not run:', error);
  return false;
});
console.log(passed ? '\nsoak: PASS' : '\nsoak: FAIL');
process.exitCode = passed ? 0 : 1;
armExitWatchdog(EXIT_WITHIN_MS);
