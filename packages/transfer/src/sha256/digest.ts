/**
 * A whole-file SHA-256 fed piece by piece: node:crypto where the runtime has it (1.7 GB/s here),
 * else hash-wasm's (browsers, where Web Crypto cannot hash a stream).
 */
import { nodeCrypto } from '../runtime.js';
import { loadRunningSha256 } from './load.js';
import type { RunningSha256 } from './running-sha256.js';

/** A SHA-256 fed in pieces. */
export interface Sha256Digest {
  update(bytes: Uint8Array): void;
  /** The running state, when this hasher can export one (hash-wasm's can, node:crypto's cannot). */
  readonly running?: RunningSha256;
  /** Lower-case hex; the hasher is spent afterwards. */
  digestHex(): string;
}

/** The fastest SHA-256 of the runtime for a whole file. */
export async function createSha256Digest(): Promise<Sha256Digest> {
  const crypto = nodeCrypto();
  if (crypto) {
    const hash = crypto.createHash('sha256');
    return { update: (bytes) => hash.update(bytes), digestHex: () => hash.digest('hex') };
  }
  const running = await loadRunningSha256();
  return { update: (bytes) => running.update(bytes), running, digestHex: () => running.digestHex() };
}
