/**
 * The archive a share download task (createBatchTask, taskType 1) produces: a ZIP of the chosen
 * files and folders, stored uncompressed (method 0, which every unzip reads), with UTF-8 names.
 * No ZIP64: archives over 4 GiB are refused, which a mock's test files never reach.
 *
 * The archive is kept as a file node without a parent folder, so that the storage endpoint serves
 * it through an ordinary download URL while no folder listing shows it.
 */

import { readAllContent } from '../storage/content.js';
import { sha256Hex } from '../storage/sha256-state.js';
import type { MockState } from '../types.js';
import { contentOf, descendants, type MockFileNode, newFileId, storeContent } from './files.js';

/** One entry of an archive: a file's bytes, or a folder (a name ending in `/`). */
export interface ArchiveEntry {
  path: string;
  bytes?: Uint8Array;
  modified: Date;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309), as ZIP records it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date, as ZIP headers hold them (two-second precision, from 1980). */
function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A ZIP archive of the entries, uncompressed. */
export function zipStore(entries: readonly ArchiveEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const data = entry.bytes ?? new Uint8Array(0);
    const crc = crc32(data);
    const { time, date } = dosTime(entry.modified);
    const local = new Uint8Array(30 + name.length + data.length);
    const head = new DataView(local.buffer);
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 0x0800, true); // names are UTF-8
    head.setUint16(8, 0, true); // stored
    head.setUint16(10, time, true);
    head.setUint16(12, date, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, data.length, true);
    head.setUint32(22, data.length, true);
    head.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const record = new DataView(central.buffer);
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(8, 0x0800, true);
    record.setUint16(12, time, true);
    record.setUint16(14, date, true);
    record.setUint32(16, crc, true);
    record.setUint32(20, data.length, true);
    record.setUint32(24, data.length, true);
    record.setUint16(28, name.length, true);
    record.setUint32(38, entry.path.endsWith('/') ? 0x10 : 0, true); // MS-DOS directory attribute
    record.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
    if (offset > 0xffffffff) throw new Error('the archive would exceed 4 GiB, which the mock does not write');
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const tail = new DataView(end.buffer);
  tail.setUint32(0, 0x06054b50, true);
  tail.setUint16(8, entries.length, true);
  tail.setUint16(10, entries.length, true);
  tail.setUint32(12, centralSize, true);
  tail.setUint32(16, offset, true);
  const archive = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}

/** The entries of files and folders (folders with everything below them that is not in the recycle bin). */
export async function entriesOf(state: MockState, nodes: readonly MockFileNode[]): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  const add = async (node: MockFileNode, path: string) => {
    const modified = new Date(node.editedTime);
    if (node.isFolder) {
      entries.push({ path: `${path}/`, modified });
      return;
    }
    const content = contentOf(state, node);
    entries.push({ path, bytes: content ? await readAllContent(content) : new Uint8Array(0), modified });
  };
  for (const node of nodes) {
    await add(node, node.name);
    if (!node.isFolder) continue;
    const paths = new Map([[node.id, node.name]]);
    for (const below of descendants(state, node.id)) {
      if (below.recycled) continue;
      const path = `${paths.get(below.parentId ?? '') ?? node.name}/${below.name}`;
      paths.set(below.id, path);
      await add(below, path);
    }
  }
  return entries;
}

/** Stores an archive as a file node no folder lists, owned by `ownerId`, and answers the node. */
export async function storeArchive(
  state: MockState,
  input: { name: string; containerId: string; ownerId: string; entries: readonly ArchiveEntry[]; now: Date },
): Promise<MockFileNode> {
  const bytes = zipStore(input.entries);
  const content = storeContent(state, {
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    segments: [{ size: bytes.length, bytes }],
  });
  const time = input.now.toISOString();
  const node: MockFileNode = {
    id: newFileId(state),
    containerId: input.containerId,
    name: input.name,
    isFolder: false,
    fileType: '35',
    mimeType: 'application/zip',
    size: content.size,
    sha256: content.sha256,
    properties: {},
    createdTime: time,
    editedTime: time,
    ownerId: input.ownerId,
    status: 'ready',
  };
  state.files.nodes.set(node.id, node);
  return node;
}
