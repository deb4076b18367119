/**
 * Where the storage endpoint keeps bytes: in memory (the default), or spilled to files of a
 * temporary directory so that large uploads do not sit in the mock's memory. A content is the
 * list of its upload's parts (segments), never copied into one buffer; reads walk the segments.
 *
 * node:fs is found at run time (process.getBuiltinModule), so that the mock still bundles for a
 * browser (MSW), where only the spill directory cannot work.
 */
import type { MockContent, MockSegment } from '../state/files.js';

type NodeFs = typeof import('node:fs');
type NodeFsPromises = typeof import('node:fs/promises');
type NodePath = typeof import('node:path');
type NodeOs = typeof import('node:os');

function builtin<T>(id: string): T {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const module = process?.getBuiltinModule?.(id) as T | undefined;
  if (!module)
    throw new Error(
      `the mock's spill directory needs Node.js 20.16 or later (${id}); leave storage.spillDir unset in a browser`,
    );
  return module;
}

/** A directory the mock writes parts to: made on first use inside `base`, removed by `dispose()`. */
export interface SpillDirectory {
  /** A new file path in the directory. */
  newPath(name: string): Promise<string>;
  /** Removes the directory and everything in it. */
  dispose(): Promise<void>;
}

/** A spill directory inside `base` (`true`: the system's temporary directory). */
export function createSpillDirectory(base: string | true): SpillDirectory {
  let made: Promise<string> | undefined;
  let count = 0;
  return {
    async newPath(name) {
      const fs = builtin<NodeFsPromises>('node:fs/promises');
      const path = builtin<NodePath>('node:path');
      made ??= fs.mkdtemp(path.join(base === true ? builtin<NodeOs>('node:os').tmpdir() : base, 'koodrive-mock-'));
      return path.join(await made, `${++count}-${name.replace(/[^\w.-]/g, '_')}`);
    },
    async dispose() {
      if (!made) return;
      const directory = await made;
      made = undefined;
      await builtin<NodeFsPromises>('node:fs/promises').rm(directory, { recursive: true, force: true });
    },
  };
}

/** Receives one part's bytes, then hands them over as a segment. */
export interface SegmentWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** The segment, once every byte was written. */
  finish(): Promise<MockSegment>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

/** A writer for a part of `size` bytes: in memory, or into a file of the spill directory. */
export async function openSegmentWriter(
  size: number,
  spill: SpillDirectory | undefined,
  name: string,
): Promise<SegmentWriter> {
  if (!spill) {
    // One buffer of the announced size: chunks are copied in once, never concatenated again.
    const bytes = new Uint8Array(size);
    let written = 0;
    return {
      async write(chunk) {
        bytes.set(chunk.subarray(0, Math.max(0, size - written)), written);
        written += chunk.length;
      },
      async finish() {
        return { size: written, bytes: written === size ? bytes : bytes.subarray(0, written) };
      },
      async abort() {},
    };
  }
  const path = await spill.newPath(name);
  const handle = await builtin<NodeFsPromises>('node:fs/promises').open(path, 'w');
  let written = 0;
  return {
    async write(chunk) {
      await handle.write(chunk);
      written += chunk.length;
    },
    async finish() {
      await handle.close();
      return { size: written, path };
    },
    async abort() {
      await handle.close().catch(() => {});
      await removeSegment({ size: 0, path });
    },
  };
}

/** Deletes a spilled segment's file (nothing to do for one in memory). */
export async function removeSegment(segment: MockSegment): Promise<void> {
  if ('path' in segment) await builtin<NodeFsPromises>('node:fs/promises').rm(segment.path, { force: true });
}

const CHUNK = 1 << 20;

/** Bytes `start` to `end` (exclusive) of a content, chunk by chunk, in order. */
export async function* readContent(content: MockContent, start = 0, end = content.size): AsyncGenerator<Uint8Array> {
  let segmentStart = 0;
  for (const segment of content.segments) {
    const segmentEnd = segmentStart + segment.size;
    const from = Math.max(start, segmentStart);
    const to = Math.min(end, segmentEnd);
    if (from < to) {
      if ('bytes' in segment) {
        for (let at = from; at < to; at += CHUNK)
          yield segment.bytes.subarray(at - segmentStart, Math.min(to, at + CHUNK) - segmentStart);
      } else {
        const stream = builtin<NodeFs>('node:fs').createReadStream(segment.path, {
          start: from - segmentStart,
          end: to - segmentStart - 1,
          highWaterMark: CHUNK,
        });
        for await (const chunk of stream) yield new Uint8Array(chunk as Buffer);
      }
    }
    segmentStart = segmentEnd;
    if (segmentStart >= end) return;
  }
}

/** A whole content in one buffer, for the few readers that need it (listing an archive). */
export async function readAllContent(content: MockContent): Promise<Uint8Array> {
  const all = new Uint8Array(content.size);
  let at = 0;
  for await (const chunk of readContent(content)) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
