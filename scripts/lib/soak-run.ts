/**
 * The soak's load: calls in rounds, `concurrency` in flight. Every call of a round shares the
 * round's AbortSignal (as the calls of one server request or one shutdown do); every few rounds
 * that signal is aborted half-way, with calls in flight; a few calls have a signal of their own,
 * aborted at a random moment. Each call's choices (operation, client, abort) come from the seed
 * and its index, so a run is the same calls whatever the timing.
 */
import { getEventListeners } from 'node:events';
import type { KooDriveClient } from '@koodrive/client';
import { classifyOutcome, SOAK_OPERATIONS, type SoakOperation } from './soak-clients.ts';
import type { SoakLedger } from './soak-ledger.ts';
import type { AuthKind } from './soak-rules.ts';
import { SOAK_CLIENT, type SoakSettings } from './soak-settings.ts';

const AUTHS: readonly AuthKind[] = ['token', 'session', 'app'];

/** A number in [0, 1) from the seed, a call's index and what is being chosen. */
export function choice(seed: number, index: number, what: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of `${index}:${what}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 2 ** 32;
}

/** The X-Traceid of a soak call: 58 hexadecimal characters naming the seed and the call. */
export const soakTraceId = (seed: number, index: number) =>
  `5a0c${seed.toString(16).padStart(8, '0')}${index.toString(16).padStart(46, '0')}`;

const totalWeight = SOAK_OPERATIONS.reduce((sum, operation) => sum + operation.weight, 0);

function operationAt(point: number): SoakOperation {
  let upTo = 0;
  for (const operation of SOAK_OPERATIONS) {
    upTo += operation.weight / totalWeight;
    if (point < upTo) return operation;
  }
  return SOAK_OPERATIONS[SOAK_OPERATIONS.length - 1] as SoakOperation;
}

/** What the load itself saw of the shared signals. */
export interface LoadStats {
  calls: number;
  rounds: number;
  /** Rounds whose shared signal was aborted with calls in flight. */
  sharedAborts: number;
  /** Calls whose own signal was aborted while they ran. */
  ownAborts: number;
  /** The most abort listeners seen on a shared signal while its calls ran. */
  maxSharedListeners: number;
  /** Rounds that left a listener on their shared signal once all their calls had ended. */
  roundsLeavingListeners: number;
}

/** Where one stretch of load starts and when it stops. */
export interface LoadPlan {
  firstIndex: number;
  calls: number;
  durationMs: number;
  /** Calls of the warm-up: their timing is not held to the bounds. */
  warmUp?: boolean;
}

interface CallState {
  abortedAt?: number;
}

/** Runs calls until the plan's count or duration is reached; resolves once every call has ended. */
export async function runLoad(
  settings: SoakSettings,
  ledger: SoakLedger,
  clients: Record<AuthKind, KooDriveClient>,
  plan: LoadPlan,
): Promise<LoadStats> {
  const { seed, concurrency, roundSize, abortRoundEvery, abortedCallShare } = settings;
  const stats: LoadStats = {
    calls: 0,
    rounds: 0,
    sharedAborts: 0,
    ownAborts: 0,
    maxSharedListeners: 0,
    roundsLeavingListeners: 0,
  };
  const started = performance.now();
  const done = () => stats.calls >= plan.calls || performance.now() - started >= plan.durationMs;

  async function runCall(index: number, shared: AbortSignal, inFlight: Set<CallState>): Promise<void> {
    const operation = operationAt(choice(seed, index, 'operation'));
    const auth = AUTHS[index % AUTHS.length] as AuthKind;
    const traceId = soakTraceId(seed, index);
    const state: CallState = {};
    let signal = shared;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (choice(seed, index, 'own abort') < abortedCallShare) {
      const own = new AbortController();
      signal = own.signal;
      timer = setTimeout(
        () => {
          state.abortedAt = performance.now();
          stats.ownAborts++;
          own.abort();
        },
        choice(seed, index, 'abort after') * 2 * SOAK_CLIENT.timeoutMs,
      );
    } else inFlight.add(state);
    stats.maxSharedListeners = Math.max(stats.maxSharedListeners, getEventListeners(shared, 'abort').length);
    ledger.begin(traceId);
    const startedAt = performance.now();
    let settled: { result?: { error?: unknown }; thrown?: unknown };
    try {
      settled = { result: await operation.run(clients[auth], { signal, traceId }) };
    } catch (thrown) {
      settled = { thrown };
    }
    const endedAt = performance.now();
    clearTimeout(timer);
    inFlight.delete(state);
    ledger.finish({
      traceId,
      operationId: operation.operationId,
      auth,
      repeatable: operation.repeatable,
      startedAt,
      endedAt,
      outcome: classifyOutcome(settled),
      ...(plan.warmUp ? { warmUp: true } : {}),
      ...(state.abortedAt === undefined ? {} : { abortedAt: state.abortedAt }),
    });
  }

  while (!done()) {
    const round = stats.rounds++;
    const controller = new AbortController();
    const inFlight = new Set<CallState>();
    const abortAt = round % abortRoundEvery === abortRoundEvery - 1 ? Math.floor(roundSize / 2) : -1;
    let launched = 0;
    const worker = async () => {
      while (launched < roundSize && !controller.signal.aborted && !done()) {
        const index = plan.firstIndex + stats.calls++;
        if (launched++ === abortAt) {
          // A shutdown: everything sharing the signal stops, with calls in flight.
          setTimeout(() => {
            const now = performance.now();
            for (const state of inFlight) state.abortedAt ??= now;
            stats.sharedAborts++;
            controller.abort();
          }, 20);
        }
        await runCall(index, controller.signal, inFlight);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (getEventListeners(controller.signal, 'abort').length > 0) stats.roundsLeavingListeners++;
  }
  return stats;
}
