import { KooDriveValidationError } from '@koodrive/client';
import { describe, expect, it } from 'vitest';
import { SHA256_IV } from '../src/sha256/running-sha256.js';
import { readUploadState, type UploadState } from '../src/upload/upload-state.js';

const MiB = 1024 * 1024;
const record: UploadState = {
  kind: 'koodrive-upload',
  version: 1,
  fileId: 'FgQi4dq1mQEaLE4KMt8EWRNhEwk6p_aC9',
  containerId: 'IAADfsBFCO6WtAtuP00000000001505084218764547200',
  fileName: 'report.pdf',
  size: 20 * MiB,
  partSize: 5 * MiB,
  parallel: true,
  source: { name: 'report.pdf', lastModified: 1_700_000_000_000 },
  partsDone: [3, 1],
  hash: { offset: 10 * MiB, words: [...SHA256_IV] },
  partStates: { '2': [...SHA256_IV], '4': [...SHA256_IV] },
};

const fieldOf = (value: unknown) => {
  try {
    readUploadState(value);
  } catch (error) {
    expect(error).toBeInstanceOf(KooDriveValidationError);
    return (error as KooDriveValidationError).field;
  }
  return 'accepted';
};

describe('an upload record', () => {
  it('survives JSON, and is read back with its parts sorted', () => {
    const read = readUploadState(JSON.parse(JSON.stringify(record)));
    expect(read).toEqual({ ...record, partsDone: [1, 3] });
  });

  it('is refused, naming the field, when it is not a record this package wrote or is damaged', () => {
    expect(fieldOf(null)).toBe('state.');
    expect(fieldOf({ ...record, kind: 'other' })).toBe('state.kind');
    expect(fieldOf({ ...record, version: 2 })).toBe('state.version');
    expect(fieldOf({ ...record, fileId: '' })).toBe('state.fileId');
    expect(fieldOf({ ...record, size: -1 })).toBe('state.size');
    expect(fieldOf({ ...record, partSize: 5 * MiB + 1 })).toBe('state.partSize');
    expect(fieldOf({ ...record, parallel: 'yes' })).toBe('state.parallel');
    expect(fieldOf({ ...record, partsDone: [5] })).toBe('state.partsDone');
    expect(fieldOf({ ...record, hash: { offset: 100, words: [...SHA256_IV] } })).toBe('state.hash');
    expect(fieldOf({ ...record, partStates: { '1': [...SHA256_IV] } })).toBe('state.partStates.1');
    expect(fieldOf({ ...record, partStates: { '2': [1, 2] } })).toBe('state.partStates.2');
    expect(fieldOf({ ...record, sha256: 'ABC' })).toBe('state.sha256');
  });
});
