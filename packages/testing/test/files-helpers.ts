/** What the file tests share: raw calls to the mock, SHA-256 states computed independently, test data. */
import { createHash } from 'node:crypto';
import { goodHeaders } from './helpers.js';

export const USER = '1505084218764547200';
export const MiB = 1024 * 1024;

/** Deterministic bytes (a different pattern per seed), so that parts differ from each other. */
export function testBytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 255;
    bytes[index + 1] = (state >>> 8) & 255;
    bytes[index + 2] = (state >>> 16) & 255;
    bytes[index + 3] = (state >>> 24) & 255;
  }
  return bytes;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/**
 * The SHA-256 chaining values H0…H7 after `bytes` (a multiple of 64 long), by FIPS 180-4's
 * compression function written out here: an implementation independent of hash-wasm, to check
 * that the mock reads hash-wasm's state as the standard's words.
 */
export function chainingValues(bytes: Uint8Array): number[] {
  if (bytes.length % 64) throw new Error('whole blocks only');
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Uint32Array(64);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + 4 * t);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] as number;
      const b = w[t - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 =
        (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) >>>
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, index) => {
      h[index] = ((h[index] as number) + value) >>> 0;
    });
  }
  return h;
}

/** Headers of a well-behaved client acting for USER, with a JSON body. */
export const jsonHeaders = (extra: Record<string, string> = {}) =>
  goodHeaders({ 'x-user-id': USER, 'content-type': 'application/json', ...extra });

/** A JSON answer of any operation, read loosely by the tests. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read answers of many shapes, and check them
export type AnyJson = Record<string, any>;

/** Calls a KooDrive operation of the mock at `base` and reads its JSON answer. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: AnyJson }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: jsonHeaders(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as AnyJson };
}

/** The `<Code>` of an S3-style XML error. */
export async function s3Code(response: Response): Promise<string> {
  const text = await response.text();
  return /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `not an S3 error: ${text.slice(0, 80)}`;
}
