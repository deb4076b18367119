/**
 * SHA-256 whose running state can be exported and resumed: what a parallel upload needs, since
 * every part but the first carries `hashCtx`, the state (eight 32-bit words, H0…H7 as FIPS 180-4
 * names them) after the bytes before it. node:crypto cannot export a state, so this is hash-wasm's
 * WebAssembly SHA-256 (about 260 MB/s here, against node:crypto's 1.7 GB/s and @noble/hashes'
 * 120 MB/s). Callers import this module dynamically (`loadRunningSha256`), so that an app that never
 * needs a state (a Node upload of parts one after another) never loads hash-wasm.
 *
 * hash-wasm's `save()` is an opaque 116-byte snapshot; its layout (checked once, see
 * `checkLayout`) puts the byte count as a little-endian uint64 at offset 68 and the eight words as
 * little-endian uint32 at offsets 76…107. A state is only exported at a 64-byte boundary, where no
 * partial block is pending, so the words and the count are the whole state.
 */
import { createSHA256, type IHasher } from 'hash-wasm';

/** A SHA-256 running state at a block boundary: how many bytes went in, and H0…H7 after them. */
export interface Sha256State {
  /** Bytes hashed so far: a multiple of 64. */
  offset: number;
  /** H0…H7, each an unsigned 32-bit integer. */
  words: number[];
}

/** SHA-256's initial hash value, the state before any byte. */
export const SHA256_IV: readonly number[] = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const COUNT_AT = 68;
const WORDS_AT = 76;
const SNAPSHOT_BYTES = 116;

/** A SHA-256 that can say where it is and start from a state. */
export interface RunningSha256 {
  update(bytes: Uint8Array): void;
  /** The state now; throws unless a multiple of 64 bytes went in. */
  state(): Sha256State;
  /** Bytes hashed so far. */
  readonly offset: number;
  /** The digest, lower-case hex; the hasher is spent afterwards. */
  digestHex(): string;
}

let layoutChecked: Promise<void> | undefined;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function readWords(snapshot: Uint8Array): number[] {
  const data = view(snapshot);
  return Array.from({ length: 8 }, (_, index) => data.getUint32(WORDS_AT + 4 * index, true));
}

function readCount(snapshot: Uint8Array): number {
  return Number(view(snapshot).getBigUint64(COUNT_AT, true));
}

/** A fresh hasher's snapshot with the count and words of `state` written in. */
function snapshotOf(fresh: Uint8Array, state: Sha256State): Uint8Array {
  const snapshot = fresh.slice();
  const data = view(snapshot);
  data.setBigUint64(COUNT_AT, BigInt(state.offset), true);
  state.words.forEach((word, index) => {
    data.setUint32(WORDS_AT + 4 * index, word, true);
  });
  return snapshot;
}

function wrap(hasher: IHasher, startOffset: number): RunningSha256 {
  let offset = startOffset;
  return {
    update(bytes) {
      hasher.update(bytes);
      offset += bytes.byteLength;
    },
    state() {
      if (offset % 64 !== 0)
        throw new Error(`a SHA-256 state is only exported at a 64-byte boundary, not at ${offset}`);
      return { offset, words: readWords(hasher.save()) };
    },
    get offset() {
      return offset;
    },
    digestHex: () => hasher.digest('hex'),
  };
}

/**
 * Makes sure hash-wasm's snapshot has the layout read here: the IV after `init()`, the count after
 * a block, and a state written in and resumed giving the digest of the whole. A hash-wasm release
 * that moved them fails here, at once, instead of sending wrong `hashCtx` values.
 */
async function checkLayout(): Promise<void> {
  const [probe, fresh, resumed] = await Promise.all([createSHA256(), createSHA256(), createSHA256()]);
  const snapshot = probe.init().save();
  const ivMatches = readWords(snapshot).every((word, index) => word === SHA256_IV[index]);
  const block = new Uint8Array(64).fill(0x61);
  const tail = new Uint8Array([1, 2, 3]);
  probe.update(block);
  const afterBlock = probe.save();
  const state = { offset: readCount(afterBlock), words: readWords(afterBlock) };
  resumed.init().load(snapshotOf(fresh.init().save(), state)).update(tail);
  probe.update(tail);
  if (
    snapshot.byteLength !== SNAPSHOT_BYTES ||
    !ivMatches ||
    state.offset !== 64 ||
    resumed.digest('hex') !== probe.digest('hex')
  )
    throw new Error(
      'hash-wasm saves its SHA-256 state in a layout @koodrive/transfer does not know; install the hash-wasm version @koodrive/transfer depends on',
    );
}

/** A SHA-256 from the start, or from a state (`offset` a multiple of 64). */
export async function createRunningSha256(from?: Sha256State): Promise<RunningSha256> {
  layoutChecked ??= checkLayout();
  await layoutChecked;
  const hasher = (await createSHA256()).init();
  if (!from || from.offset === 0) return wrap(hasher, 0);
  assertState(from);
  hasher.load(snapshotOf(hasher.save(), from));
  return wrap(hasher, from.offset);
}

/** Throws unless `state` is a state this module can resume from. */
export function assertState(state: Sha256State): void {
  const wordsOk =
    Array.isArray(state.words) &&
    state.words.length === 8 &&
    state.words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff);
  if (!Number.isSafeInteger(state.offset) || state.offset < 0 || state.offset % 64 !== 0 || !wordsOk)
    throw new Error('a SHA-256 state needs an offset that is a multiple of 64 and eight unsigned 32-bit words');
}
