/**
 * SHA-256 with a state that can be read and set, which node:crypto does not allow: KooDrive's
 * parallel upload sends, with every part but the first, `hashCtx`, the eight 32-bit chaining
 * values H0…H7 after the bytes before the part, so that the service can hash each part on its own
 * and chain the results. The mock does the same with hash-wasm (WebAssembly: runs in Node and in
 * browsers, for the MSW handlers).
 *
 * hash-wasm exposes its state only as the opaque bytes of `save()`/`load()`. In hash-wasm 4.x they
 * are: a 4-byte tag of the WebAssembly build, the 64-byte pending block, the byte count as a
 * little-endian uint64 (offset 68), the eight state words as little-endian uint32 (offset 76), then
 * the digest length. `checkLayout()` verifies that reading on first use, so a hash-wasm that
 * changed it fails loudly instead of comparing the wrong bytes.
 */
import { createSHA256, type IHasher } from 'hash-wasm';

/** The eight SHA-256 chaining values, each an unsigned 32-bit integer (H0 first). */
export type Sha256Words = readonly number[];

/** SHA-256's initial state (FIPS 180-4, 5.3.3): the hashCtx of the first part, at offset 0. */
export const SHA256_IV: Sha256Words = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const COUNT_OFFSET = 68;
const WORDS_OFFSET = 76;
const STATE_LENGTH = 116;

let blankState: Promise<Uint8Array> | undefined;

function view(state: Uint8Array): DataView {
  return new DataView(state.buffer, state.byteOffset, state.byteLength);
}

/** The eight chaining values held in a saved hash-wasm state. */
export function wordsOfState(state: Uint8Array): number[] {
  const data = view(state);
  return Array.from({ length: 8 }, (_, index) => data.getUint32(WORDS_OFFSET + 4 * index, true));
}

/** How many bytes a saved hash-wasm state has hashed. */
export function byteCountOfState(state: Uint8Array): number {
  return Number(view(state).getBigUint64(COUNT_OFFSET, true));
}

async function blank(): Promise<Uint8Array> {
  blankState ??= (async () => {
    const hasher = await createSHA256();
    hasher.init();
    const state = hasher.save();
    if (state.length !== STATE_LENGTH || wordsOfState(state).some((word, index) => word !== SHA256_IV[index])) {
      throw new Error(
        "hash-wasm's saved SHA-256 state no longer has the layout the mock reads (8 words at byte 76): update sha256-state.ts",
      );
    }
    return state;
  })();
  return blankState;
}

/**
 * A hasher that continues from `words` after `byteCount` bytes (a multiple of 64, so no partial
 * block is pending), as the service continues from a part's hashCtx.
 */
export async function hasherFrom(words: Sha256Words, byteCount: number): Promise<IHasher> {
  if (byteCount % 64 !== 0)
    throw new RangeError(`a SHA-256 state is only resumable at a multiple of 64 bytes, got ${byteCount}`);
  const state = (await blank()).slice();
  const data = view(state);
  data.setBigUint64(COUNT_OFFSET, BigInt(byteCount), true);
  words.forEach((word, index) => {
    data.setUint32(WORDS_OFFSET + 4 * index, word, true);
  });
  const hasher = await createSHA256();
  hasher.load(state);
  return hasher;
}

/** A hasher that continues from a state saved by another (a part's end state). */
export async function hasherFromState(state: Uint8Array): Promise<IHasher> {
  await blank();
  const hasher = await createSHA256();
  hasher.load(state);
  return hasher;
}

/** Whether two states are the same eight words. */
export function sameWords(a: Sha256Words, b: Sha256Words): boolean {
  return a.length === 8 && b.length === 8 && a.every((word, index) => word === b[index]);
}

/** The SHA-256 of some bytes, as lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  hasher.update(bytes);
  return hasher.digest('hex');
}

/**
 * The value of the documented `X-Amz-Iteration-Hash-Ctx` URL parameter: base64 of OpenSSL's
 * SHA256_CTX fields as JSON (`nl`/`nh` the bit count's low and high 32 bits).
 */
export function iterationHashCtx(words: Sha256Words, byteCount: number): string {
  const bits = BigInt(byteCount) * 8n;
  const json = JSON.stringify({
    md_len: 32,
    num: 0,
    h: words,
    nh: Number(bits >> 32n),
    nl: Number(bits & 0xffffffffn),
    hash_type: 'sha256',
  });
  return btoa(json);
}
