import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashAhead } from '../src/upload/hash-ahead.js';
import { planParts } from '../src/upload/plan.js';
import type { OpenedSource } from '../src/upload/source.js';
import { makeBytes } from './helpers/mock.js';
import { referenceState } from './helpers/reference-sha256.js';

const PART = 5 * 1024 * 1024;

/** A source over bytes that counts what it was asked to read. */
function countingSource(bytes: Uint8Array) {
  const reads: [number, number][] = [];
  const read = async (start: number, end: number) => {
    reads.push([start, end]);
    return bytes.subarray(start, end);
  };
  const source: OpenedSource = {
    size: bytes.length,
    read,
    body: (start, end) => bytes.subarray(start, end),
    sequential: (start) => {
      let position = start;
      return {
        read: (length) => {
          const from = position;
          position += length;
          return read(from, position);
        },
        close: async () => undefined,
      };
    },
  };
  const bytesRead = () => reads.reduce((sum, [start, end]) => sum + end - start, 0);
  return { source, reads, bytesRead };
}

describe('the hash pass of a parallel upload', () => {
  const bytes = makeBytes(3 * PART + 1000, 5);
  const parts = planParts(bytes.length, PART);
  const all = new Set(parts.map((part) => part.partNumber));

  it('gives each part after the first the state of the bytes before it, and the whole digest, reading the file once', async () => {
    const { source, bytesRead } = countingSource(bytes);
    const pass = new HashAhead(source, parts, all, {}, new AbortController().signal);
    const states = Promise.all([2, 3, 4].map((part) => pass.stateFor(part)));
    await pass.run();
    expect(await states).toEqual([1, 2, 3].map((index) => referenceState(bytes.subarray(0, index * PART))));
    expect(pass.digest).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bytesRead()).toBe(bytes.length);
  });

  it('resumes from the furthest state a record knows, reading nothing before it', async () => {
    const { source, reads } = countingSource(bytes);
    const pending = new Set([3, 4]);
    const known = { hash: { offset: 2 * PART, words: referenceState(bytes.subarray(0, 2 * PART)) } };
    const pass = new HashAhead(source, parts, pending, known, new AbortController().signal);
    await pass.run();
    expect(reads[0]?.[0]).toBe(2 * PART);
    expect(await pass.stateFor(3)).toEqual(known.hash.words);
    expect(await pass.stateFor(4)).toEqual(referenceState(bytes.subarray(0, 3 * PART)));
    expect(pass.digest).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(pass.snapshot().partStates).toEqual({
      '3': known.hash.words,
      '4': referenceState(bytes.subarray(0, 3 * PART)),
    });
  });

  it('reads nothing when the record holds the digest and every missing state', async () => {
    const { source, reads } = countingSource(bytes);
    const words = referenceState(bytes.subarray(0, 3 * PART));
    const pass = new HashAhead(
      source,
      parts,
      new Set([4]),
      { sha256: 'f'.repeat(64), partStates: { '4': words } },
      new AbortController().signal,
    );
    await pass.run();
    expect(reads).toEqual([]);
    expect(pass.knownState(4)).toEqual(words);
  });

  it('stops at an abort and rejects the parts still waiting for a state', async () => {
    const { source } = countingSource(bytes);
    const controller = new AbortController();
    const pass = new HashAhead(source, parts, all, {}, controller.signal);
    const waiting = pass.stateFor(4);
    controller.abort(new Error('stop'));
    await expect(pass.run()).rejects.toThrow('stop');
    await expect(waiting).rejects.toThrow('stop');
  });
});
