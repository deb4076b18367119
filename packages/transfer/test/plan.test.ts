import { KooDriveValidationError } from '@koodrive/client';
import { describe, expect, it } from 'vitest';
import { choosePartSize, DEFAULT_PART_SIZE, MAX_PARTS, MIN_PART_SIZE, planParts } from '../src/upload/plan.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('part sizes', () => {
  it('defaults to 8 MiB, and grows in whole MiB so that no file needs more than 10,000 parts', () => {
    expect(choosePartSize(0)).toBe(DEFAULT_PART_SIZE);
    expect(choosePartSize(GiB)).toBe(8 * MiB);
    expect(choosePartSize(78 * GiB)).toBe(8 * MiB);
    const huge = 200 * GiB;
    const size = choosePartSize(huge);
    expect(size).toBe(21 * MiB);
    expect(Math.ceil(huge / size)).toBeLessThanOrEqual(MAX_PARTS);
    expect(Math.ceil(huge / (size - MiB))).toBeGreaterThan(MAX_PARTS);
  });

  it('takes a requested size within 5 MiB–5 GiB that is a multiple of 64', () => {
    expect(choosePartSize(GiB, MIN_PART_SIZE)).toBe(MIN_PART_SIZE);
    expect(choosePartSize(GiB, MIN_PART_SIZE + 64)).toBe(MIN_PART_SIZE + 64);
    expect(choosePartSize(GiB, 5 * GiB)).toBe(5 * GiB);
  });

  it('refuses, naming partSize, a size out of bounds, not a multiple of 64, or making more than 10,000 parts', () => {
    const refusal = (fileSize: number, partSize: number) => {
      try {
        choosePartSize(fileSize, partSize);
      } catch (error) {
        expect(error).toBeInstanceOf(KooDriveValidationError);
        expect((error as KooDriveValidationError).field).toBe('partSize');
        return (error as Error).message;
      }
      throw new Error('no refusal');
    };
    expect(refusal(GiB, MIN_PART_SIZE - 64)).toMatch(/from 5 MiB \(5242880\) to 5 GiB/);
    expect(refusal(GiB, 5 * GiB + 64)).toMatch(/from 5 MiB/);
    expect(refusal(GiB, MIN_PART_SIZE + 1)).toMatch(/multiple of 64 bytes/);
    expect(refusal(60 * GiB, MIN_PART_SIZE)).toBe(
      'partSize: 5 MiB parts would cut this 64,424,509,440-byte file into more than 10,000 parts; use at least 7 MiB',
    );
  });
});

describe('the plan', () => {
  it('cuts a file into parts of the part size, the last one shorter, each after the bytes before it', () => {
    const parts = planParts(12 * MiB + 100, 5 * MiB);
    expect(parts).toEqual([
      { partNumber: 1, offset: 0, size: 5 * MiB },
      { partNumber: 2, offset: 5 * MiB, size: 5 * MiB },
      { partNumber: 3, offset: 10 * MiB, size: 2 * MiB + 100 },
    ]);
    for (const part of parts) expect(part.offset % 64).toBe(0);
  });

  it('makes a file of exactly N parts N full parts, and an empty file one part of 0 bytes', () => {
    expect(planParts(10 * MiB, 5 * MiB).map((part) => part.size)).toEqual([5 * MiB, 5 * MiB]);
    expect(planParts(0, 8 * MiB)).toEqual([{ partNumber: 1, offset: 0, size: 0 }]);
    expect(planParts(100, 8 * MiB)).toEqual([{ partNumber: 1, offset: 0, size: 100 }]);
  });
});
