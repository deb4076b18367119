/**
 * The soak's printout: figures (calls, operations, outcomes, attempts, faults by kind and what the
 * client did with each, memory, handles) and the checks, each passed or failed with examples.
 */

import { mib } from './soak-health.ts';
import type { LedgerTotals } from './soak-ledger.ts';
import type { FaultFate, FaultKind, Problem } from './soak-rules.ts';
import type { LoadStats } from './soak-run.ts';

/** One check of the soak and its result. */
export interface Check {
  name: string;
  ok: boolean;
  /** The figure behind it, or what failed. */
  detail: string;
  examples?: string[];
}

/** A point of the memory curve. */
export interface MemoryPoint {
  atMs: number;
  heapUsed: number;
  rss: number;
  calls: number;
}

/** Everything a run measured, for the printout. */
export interface SoakFigures {
  mode: string;
  seed: number;
  concurrency: number;
  /** Calls of the warm-up, before the heap's baseline (counted in the totals, not in the rate). */
  warmUpCalls: number;
  elapsedMs: number;
  load: LoadStats;
  totals: LedgerTotals;
  /** What the mock says it injected, and how many requests it could have faulted. */
  mock: { requests: number; injected: Record<FaultKind, number> };
  heapBefore: number;
  heapAfter: number;
  rssBefore: number;
  rssAfter: number;
  heapToleranceBytes: number;
  curve: MemoryPoint[];
  handles: { extra: string[]; waitedMs: number; baseline: string[] };
  warnings: string[];
  rejections: string[];
  loopDelay: { p99Ms: number; maxMs: number };
}

const FATES: readonly [FaultFate, string][] = [
  ['retried', 'retried'],
  ['not retried: not safe to repeat', 'not safe'],
  ['not retried: retries used up', 'used up'],
  ['not retried: a 401 the rules do not retry', '401 final'],
  ['not retried: a final answer', 'final'],
  ['call aborted before it ended', 'aborted'],
];

const count = (n: number) => n.toLocaleString('en-US');
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
const list = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${count(n)}`)
    .join(' · ');

/** The table of faults: injected by the mock, met by the client's attempts, and what the client did. */
function faultTable(figures: SoakFigures): string[] {
  const kinds = Object.keys(figures.mock.injected) as FaultKind[];
  const header = ['fault', 'injected', 'met', ...FATES.map(([, label]) => label)];
  const rows = kinds.map((kind) => {
    const fates = figures.totals.faultFates.get(kind) ?? new Map();
    const met = [...fates.values()].reduce((sum, n) => sum + n, 0);
    return [
      kind,
      count(figures.mock.injected[kind]),
      count(met),
      ...FATES.map(([fate]) => count(fates.get(fate) ?? 0)),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  '),
  );
}

/** The checks, from the figures. */
export function soakChecks(figures: SoakFigures): Check[] {
  const { totals, load } = figures;
  const problem = (check: Problem['check']) => totals.problems.get(check);
  const fromProblems = (name: string, check: Problem['check'], passed: string): Check => {
    const found = problem(check);
    return found
      ? { name, ok: false, detail: `${count(found.count)} call(s) broke it`, examples: found.examples }
      : { name, ok: true, detail: passed };
  };
  const retries = [...totals.retriesByReason.values()].reduce((sum, n) => sum + n, 0);
  const growth = figures.heapAfter - figures.heapBefore;
  const aborted = totals.outcomes.get('aborted') ?? 0;
  return [
    fromProblems('every call ended in data or a typed error', 'typed outcome', `${count(totals.calls)} calls`),
    fromProblems(
      'every call ended within timeout × attempts + the waits it chose',
      'bound',
      `the slowest took ${Math.round(totals.worstBoundShare * 100)}% of its bound`,
    ),
    fromProblems(
      'retries only where the rules allow',
      'retry rules',
      `${count(retries)} decisions to retry, each one the rules allow`,
    ),
    fromProblems(
      'waits between attempts within the rules (Retry-After honoured)',
      'waits',
      `longest past its ceiling: ${Math.round(Math.max(0, totals.worstWaitOvershootMs))} ms`,
    ),
    fromProblems(
      'aborted calls ended at once with KooDriveAbortError',
      'aborts',
      `${count(aborted)} aborted, the slowest ${Math.round(totals.slowestAbortMs)} ms after its abort`,
    ),
    fromProblems('every failure explained by an injected fault', 'faults explain failures', 'none unexplained'),
    {
      name: 'the mock received no more requests than the client sent',
      ok: figures.mock.requests <= totals.attempts,
      detail: `${count(totals.attempts)} attempts logged, ${count(figures.mock.requests)} received`,
    },
    {
      name: 'no unhandled rejection',
      ok: figures.rejections.length === 0,
      detail: figures.rejections.length === 0 ? 'none' : `${figures.rejections.length}`,
      examples: figures.rejections.slice(0, 5),
    },
    {
      name: 'no process warning',
      ok: figures.warnings.length === 0,
      detail: figures.warnings.length === 0 ? 'none' : `${figures.warnings.length}`,
      examples: figures.warnings.slice(0, 5),
    },
    {
      name: 'at most one listener on a shared signal, none once its calls ended',
      ok: load.maxSharedListeners <= 1 && load.roundsLeavingListeners === 0,
      detail: `at most ${load.maxSharedListeners} over ${count(load.rounds)} rounds; ${load.roundsLeavingListeners} round(s) left some`,
    },
    {
      name: 'heap back to its starting level',
      ok: growth <= figures.heapToleranceBytes,
      detail: `${mib(figures.heapBefore)} → ${mib(figures.heapAfter)} (${growth >= 0 ? '+' : ''}${mib(growth)}; tolerance ${mib(figures.heapToleranceBytes)})`,
    },
    {
      name: 'no handle left (timers, sockets, processes)',
      ok: figures.handles.extra.length === 0,
      detail:
        figures.handles.extra.length === 0
          ? `back to [${figures.handles.baseline.join(', ')}] ${Math.round(figures.handles.waitedMs)} ms after the mock stopped`
          : `still active: ${figures.handles.extra.join(', ')}`,
    },
    {
      name: 'no other client warning in the log',
      ok: totals.otherWarnings.length === 0,
      detail: totals.otherWarnings.length === 0 ? 'none' : totals.otherWarnings.slice(0, 3).join('; '),
    },
  ];
}

/** Prints the figures and the checks; returns whether every check passed. */
export function printSoakReport(figures: SoakFigures, write: (line: string) => void = console.log): boolean {
  const { totals, load } = figures;
  const seconds = figures.elapsedMs / 1000;
  const firstAttempts = totals.calls;
  const retries = totals.attempts - firstAttempts;
  write('');
  write(
    `calls        ${count(totals.calls)}: ${count(figures.warmUpCalls)} to warm up, then ${count(totals.calls - figures.warmUpCalls)} in ${seconds.toFixed(1)} s (${Math.round((totals.calls - figures.warmUpCalls) / seconds)}/s, ${figures.concurrency} in flight); ${list(totals.byAuth)}`,
  );
  write(`operations   ${list(totals.byOperation)}`);
  write(`outcomes     ${list(totals.outcomes)}`);
  write(
    `attempts     ${count(totals.attempts)}: ${count(firstAttempts)} first, ${count(retries)} after a failure (${list(totals.retriesByReason)})`,
  );
  write(
    `sessions     ${list(totals.sessionAttempts) || 'none'} · clock skew corrected ${count(totals.skewCorrections)} times`,
  );
  write(
    `aborts       ${count(load.sharedAborts)} shared signals aborted mid-round, ${count(load.ownAborts)} calls aborted on their own`,
  );
  if (totals.warmUpTimingProblems.length > 0) {
    write(
      `warm-up      ${totals.warmUpTimingProblems.length} timing overrun(s) while the process warmed up (not held against the run), e.g.`,
    );
    for (const problem of totals.warmUpTimingProblems.slice(0, 3)) write(`    ${problem}`);
  }
  write(
    `mock         ${count(figures.mock.requests)} requests to the soak's operations; ${count(totals.lateFaultEvents)} faults hit attempts already abandoned`,
  );
  write('faults');
  for (const line of faultTable(figures)) write(`  ${line}`);
  write(
    `memory       heap ${mib(figures.heapBefore)} → ${mib(figures.heapAfter)}, rss ${mib(figures.rssBefore)} → ${mib(figures.rssAfter)} (after full GC)`,
  );
  if (figures.curve.length > 0) {
    write('  curve (heap after full GC)');
    for (const point of figures.curve) {
      write(
        `  ${clock(point.atMs).padStart(5)}  heap ${mib(point.heapUsed).padStart(9)}  rss ${mib(point.rss).padStart(9)}  calls ${count(point.calls)}`,
      );
    }
  }
  write(
    `event loop   delay p99 ${figures.loopDelay.p99Ms.toFixed(0)} ms, max ${figures.loopDelay.maxMs.toFixed(0)} ms (the max so far is allowed on top of every bound)`,
  );
  write('');
  const checks = soakChecks(figures);
  for (const check of checks) {
    write(`${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`);
    if (!check.ok) for (const example of check.examples ?? []) write(`    ${example}`);
  }
  return checks.every((check) => check.ok);
}
