/**
 * The hash of a parallel upload, run ahead of the parts: one pass over the file, in order, with a
 * state-exporting SHA-256, that records the state at each part's start (its `hashCtx`) and ends
 * with the whole file's digest. It reads on its own (a Blob slice at a time, the next read issued
 * before the current chunk is hashed) and never waits for the uploads; a part waits only until the
 * pass has reached its first byte, so when hashing outruns the network (as it does beyond
 * ~250 MB/s per core), no part ever waits.
 *
 * A resumed upload starts the pass from the furthest state it needs and knows (the record's
 * `hash`, or a part's `hashCtx`), never re-reading what it has hashed before.
 */
import { loadRunningSha256 } from '../sha256/load.js';
import { SHA256_IV, type Sha256State } from '../sha256/running-sha256.js';
import type { PlannedPart } from './plan.js';
import { isUnreadable, type OpenedSource, sourceChanged } from './source.js';

/** Bytes read and hashed at a time: a multiple of 64, small enough to keep the event loop free (~8 ms). */
export const HASH_CHUNK = 2 * 1024 * 1024;

interface Waiter {
  resolve(words: number[]): void;
  reject(error: unknown): void;
}

/** What a pass starts from: states already known. */
export interface KnownHashes {
  /** The furthest state known. */
  hash?: Sha256State;
  /** hashCtx of parts, by part number. */
  partStates?: Record<string, number[]>;
  /** The file's digest, when known. */
  sha256?: string;
}

export class HashAhead {
  /** hashCtx of parts not yet uploaded, by part number. */
  private readonly states = new Map<number, number[]>();
  private readonly waiters = new Map<number, Waiter[]>();
  private furthest: Sha256State | undefined;
  private sha256: string | undefined;
  private failure: unknown;
  private readonly byOffset = new Map<number, PlannedPart>();
  /** The parts' start offsets after the first, ascending. */
  private readonly boundaries: number[] = [];

  constructor(
    private readonly source: OpenedSource,
    private readonly parts: readonly PlannedPart[],
    /** Parts still to upload (their states are kept until they are done). */
    private readonly pending: ReadonlySet<number>,
    known: KnownHashes,
    private readonly signal: AbortSignal,
  ) {
    for (const part of parts) {
      if (part.partNumber === 1) continue;
      this.byOffset.set(part.offset, part);
      this.boundaries.push(part.offset);
    }
    for (const [part, words] of Object.entries(known.partStates ?? {})) {
      if (pending.has(Number(part))) this.states.set(Number(part), words);
    }
    if (known.hash) this.furthest = known.hash;
    this.sha256 = known.sha256;
  }

  /** The hashCtx of a part, at once when known. */
  knownState(partNumber: number): number[] | undefined {
    return this.states.get(partNumber);
  }

  /** The hashCtx of a part (a part after the first), once the pass has reached it. */
  stateFor(partNumber: number): Promise<number[]> {
    const known = this.states.get(partNumber);
    if (known) return Promise.resolve(known);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(partNumber) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(partNumber, list);
    });
  }

  /** A part is stored: its state is no longer needed. */
  partDone(partNumber: number): void {
    this.states.delete(partNumber);
  }

  /** What a record keeps of the hash. */
  snapshot(): KnownHashes {
    const partStates: Record<string, number[]> = {};
    for (const [part, words] of this.states) partStates[part] = words;
    return {
      ...(this.furthest ? { hash: this.furthest } : {}),
      ...(this.states.size > 0 ? { partStates } : {}),
      ...(this.sha256 ? { sha256: this.sha256 } : {}),
    };
  }

  /** The whole file's SHA-256 once the pass has ended (the value known from the start on a resume). */
  get digest(): string | undefined {
    return this.sha256;
  }

  /** Runs the pass: from the furthest useful state to the end (or to the last state missing, when the digest is known). */
  async run(): Promise<void> {
    try {
      await this.pass();
    } catch (error) {
      this.failure = error;
      for (const list of this.waiters.values()) for (const waiter of list) waiter.reject(error);
      this.waiters.clear();
      throw error;
    }
  }

  private missingOffsets(): number[] {
    return this.parts
      .filter((part) => part.partNumber > 1 && this.pending.has(part.partNumber) && !this.states.has(part.partNumber))
      .map((part) => part.offset);
  }

  /** The furthest known state at or before `offset`. */
  private startAtOrBefore(offset: number): Sha256State {
    let best: Sha256State = { offset: 0, words: [...SHA256_IV] };
    if (this.furthest && this.furthest.offset <= offset) best = this.furthest;
    for (const [part, words] of this.states) {
      const at = this.parts[part - 1]?.offset ?? 0;
      if (at <= offset && at > best.offset) best = { offset: at, words };
    }
    return best;
  }

  private async pass(): Promise<void> {
    const missing = this.missingOffsets();
    const needDigest = this.sha256 === undefined;
    if (!needDigest && missing.length === 0) return;
    const end = needDigest ? this.source.size : Math.max(...missing);
    const start = this.startAtOrBefore(missing.length > 0 ? Math.min(...missing) : end);
    const hasher = await loadRunningSha256(start);
    let position = start.offset;
    if (position > 0) this.reached(start);
    let boundary = 0;
    const nextEnd = (from: number) => {
      // Stop at the next part's start, so its state can be taken there (positions only grow).
      while (boundary < this.boundaries.length && (this.boundaries[boundary] as number) <= from) boundary++;
      return Math.min(from + HASH_CHUNK, end, this.boundaries[boundary] ?? end);
    };
    const reader = this.source.sequential(position);
    let reading = position < end ? reader.read(nextEnd(position) - position) : undefined;
    try {
      while (reading) {
        const bytes = await reading;
        this.signal.throwIfAborted();
        const after = position + bytes.byteLength;
        // Issue the next read before hashing, so the disk works while the CPU hashes.
        reading = after < end ? reader.read(nextEnd(after) - after) : undefined;
        hasher.update(bytes);
        position = after;
        if (position % 64 === 0) this.reached(hasher.state());
      }
    } catch (error) {
      throw isUnreadable(error) ? sourceChanged(this.source.name ?? 'the file') : error;
    } finally {
      // A read still under way when the pass stops is waited for, so nothing is left running.
      await reading?.catch(() => undefined);
      await reader.close();
    }
    if (needDigest) this.sha256 = hasher.digestHex();
  }

  private reached(state: Sha256State): void {
    this.furthest = state;
    const part = this.byOffset.get(state.offset);
    if (!part || !this.pending.has(part.partNumber)) return;
    this.states.set(part.partNumber, state.words);
    for (const waiter of this.waiters.get(part.partNumber) ?? []) waiter.resolve(state.words);
    this.waiters.delete(part.partNumber);
  }
}
