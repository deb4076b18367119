import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertState, createRunningSha256, SHA256_IV } from '../src/sha256/running-sha256.js';
import { makeBytes } from './helpers/mock.js';
import { referenceState } from './helpers/reference-sha256.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the state-exporting SHA-256', () => {
  it('starts at the IV and exports, at each 64-byte boundary, the chaining values FIPS 180-4 defines', async () => {
    const bytes = makeBytes(64 * 300, 7);
    const hasher = await createRunningSha256();
    expect(hasher.state()).toEqual({ offset: 0, words: [...SHA256_IV] });
    for (const end of [64, 640, 64 * 299]) {
      hasher.update(bytes.subarray(hasher.offset, end));
      expect(hasher.state()).toEqual({ offset: end, words: referenceState(bytes.subarray(0, end)) });
    }
  });

  it('refuses to export a state in the middle of a block', async () => {
    const hasher = await createRunningSha256();
    hasher.update(new Uint8Array(65));
    expect(() => hasher.state()).toThrow('only exported at a 64-byte boundary, not at 65');
  });

  it('resumes from an exported state to the digest node:crypto gives for the whole', async () => {
    const bytes = makeBytes(5000, 3);
    const first = await createRunningSha256();
    first.update(bytes.subarray(0, 64 * 40));
    const resumed = await createRunningSha256(first.state());
    resumed.update(bytes.subarray(64 * 40));
    expect(resumed.offset).toBe(5000);
    expect(resumed.digestHex()).toBe(sha256(bytes));
  });

  it('resumes from words computed elsewhere (a record), not only from its own snapshots', async () => {
    const bytes = makeBytes(64 * 10 + 17, 9);
    const resumed = await createRunningSha256({ offset: 64 * 10, words: referenceState(bytes.subarray(0, 640)) });
    resumed.update(bytes.subarray(640));
    expect(resumed.digestHex()).toBe(sha256(bytes));
  });

  it('rejects a state that cannot be resumed, saying what a state is', () => {
    expect(() => assertState({ offset: 65, words: [...SHA256_IV] })).toThrow('a multiple of 64');
    expect(() => assertState({ offset: 64, words: [1, 2, 3] })).toThrow('eight unsigned 32-bit words');
    expect(() => assertState({ offset: 64, words: [...SHA256_IV.slice(1), 2 ** 32] })).toThrow(
      'eight unsigned 32-bit words',
    );
  });
});
