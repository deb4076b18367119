/**
 * The ZIP archives the mock's share download tasks produce: read back by walking the central
 * directory as an unzip does (names, sizes, CRC-32, offsets of the local headers and data).
 * (Checked once by hand with Python's zipfile as well.)
 */
import { describe, expect, it } from 'vitest';
import { crc32, zipStore } from '../src/mock/state/share-archive.js';

const encoder = new TextEncoder();

/** The entries of a stored (uncompressed) ZIP, from its central directory. */
function readZip(archive: Uint8Array) {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = archive.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  for (let index = 0; index < count; index++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(archive.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    const dataStart = local + 30 + view.getUint16(local + 26, true);
    const data = archive.subarray(dataStart, dataStart + size);
    entries.push({
      name,
      data: new TextDecoder().decode(data),
      crcMatches: crc32(data) === crc,
      utf8: (view.getUint16(at + 8, true) & 0x0800) !== 0,
    });
    at += 46 + nameLength;
  }
  return entries;
}

describe('share archives', () => {
  it('computes CRC-32 as ZIP does (the standard check value)', () => {
    expect(crc32(encoder.encode('123456789')).toString(16)).toBe('cbf43926');
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes folders and files, with UTF-8 names, that read back whole', () => {
    const modified = new Date('2026-03-02T09:00:00Z');
    const archive = zipStore([
      { path: 'photos/', modified },
      { path: 'photos/été.txt', bytes: encoder.encode('sunny'), modified },
      { path: 'empty.txt', bytes: new Uint8Array(0), modified },
    ]);
    expect(readZip(archive)).toEqual([
      { name: 'photos/', data: '', crcMatches: true, utf8: true },
      { name: 'photos/été.txt', data: 'sunny', crcMatches: true, utf8: true },
      { name: 'empty.txt', data: '', crcMatches: true, utf8: true },
    ]);
  });

  it('writes an empty archive as just the end record', () => {
    expect(zipStore([])).toHaveLength(22);
  });
});
