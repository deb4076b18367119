/**
 * The entries of a .zip, for listFile: names and sizes read by fflate (which the package download
 * of batch tasks also uses to write archives), plus what fflate does not report: each entry's
 * modification time and whether it is encrypted, read from the central directory's records.
 */
import { unzipSync } from 'fflate';

/** An entry of an archive. */
export interface ZipEntry {
  /** The path inside the archive, as stored (a directory's ends with `/`). */
  name: string;
  isDirectory: boolean;
  /** Uncompressed size in bytes. */
  size: number;
  /** The entry's modification time (MS-DOS time, in local time), ms since the epoch. */
  modifiedAt: number;
  encrypted: boolean;
}

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
const u64 = (bytes: Uint8Array, at: number) => u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;

/** Flags and MS-DOS time of each central directory record, in order. */
function centralRecords(bytes: Uint8Array): { flags: number; dosTime: number; dosDate: number }[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory record');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator just before the record points at the ZIP64 end record.
    const zip64End = u64(bytes, end - 20 + 8);
    count = u64(bytes, zip64End + 32);
    offset = u64(bytes, zip64End + 48);
  }
  const records: { flags: number; dosTime: number; dosDate: number }[] = [];
  for (let index = 0, at = offset; index < count; index++) {
    if (u32(bytes, at) !== 0x02014b50) throw new Error('bad central directory record');
    records.push({ flags: u16(bytes, at + 8), dosTime: u16(bytes, at + 12), dosDate: u16(bytes, at + 14) });
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return records;
}

// MS-DOS times carry no zone: read in local time, as zip writers (fflate included) write them.
const dosToMs = (date: number, time: number) =>
  new Date(
    1980 + (date >> 9),
    ((date >> 5) & 15) - 1,
    date & 31,
    time >> 11,
    (time >> 5) & 63,
    (time & 31) * 2,
  ).getTime();

/** The entries of a .zip; throws when the bytes are not one. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const infos: { name: string; originalSize: number }[] = [];
  // Returning false for every entry: fflate reads the directory and decompresses nothing.
  unzipSync(bytes, {
    filter: (info) => {
      infos.push({ name: info.name, originalSize: info.originalSize });
      return false;
    },
  });
  const records = centralRecords(bytes);
  return infos.map((info, index) => {
    const record = records[index] ?? { flags: 0, dosTime: 0, dosDate: 33 };
    return {
      name: info.name,
      isDirectory: info.name.endsWith('/'),
      size: info.originalSize,
      modifiedAt: dosToMs(record.dosDate, record.dosTime),
      encrypted: (record.flags & 1) === 1,
    };
  });
}
