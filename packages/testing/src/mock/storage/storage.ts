/**
 * The mock KooDrive's object storage: the endpoint the presigned part and download URLs point at,
 * served by the same `handle()` as the KooDrive routes (so by the HTTP server and the MSW handlers
 * alike), under a path of its own, `/mock-storage/`, beside `/koodrive/`.
 *
 * - `PUT /mock-storage/uploads/{uploadId}?partNumber=…&…` stores a part: the URL must be intact
 *   and unexpired, the body exactly as long as the URL was signed for, and its SHA-256 state must
 *   chain with its neighbours' (each part is hashed from its hashCtx, or from the part before it).
 * - `GET|HEAD /mock-storage/files/{fileId}?…` serves a file, with Range requests.
 * - Refusals are S3's (XML bodies, 403 for a bad or expired URL).
 */
import {
  fileResultCodes,
  type MockContent,
  MockFileError,
  type MockFileNode,
  type MockStoredPart,
  type MockUpload,
  storeContent,
} from '../state/files.js';
import type { MockState } from '../types.js';
import { createSpillDirectory, openSegmentWriter, readContent, removeSegment, type SpillDirectory } from './content.js';
import { createFaultBook, type FaultBook, type MockStorageFaults } from './faults.js';
import { checkPlanPartSize, MIN_PART_SIZE, PART_ALIGNMENT, type PartGeometry } from './part-rules.js';
import { amzDate, createUrlSigner, PRESIGN_PARAMETERS, parseAmzDate, randomSecret } from './presign.js';
import { SIGNATURE_MISMATCH, s3Error } from './s3-errors.js';
import {
  hasherFrom,
  hasherFromState,
  iterationHashCtx,
  SHA256_IV,
  type Sha256Words,
  sameWords,
  wordsOfState,
} from './sha256-state.js';

/**
 * Bodies a transport hands over as they come off the socket (the HTTP server: node's request
 * stream), read instead of `request.body`: the same bytes without two layers of web streams.
 */
const directBodies = new WeakMap<Request, AsyncIterable<Uint8Array>>();

/** Lets the storage endpoint read a request's body from `source` rather than through `request.body`. */
export function attachDirectBody(request: Request, source: AsyncIterable<Uint8Array>): void {
  directBodies.set(request, source);
}

/** Where the storage endpoint's paths start. */
export const STORAGE_PREFIX = '/mock-storage/';
const UPLOADS = `${STORAGE_PREFIX}uploads/`;
const FILES = `${STORAGE_PREFIX}files/`;
const ACCESS_KEY = 'MOCKKOODRIVESTORAGE';

/** Options of the mock's storage endpoint (`storage` in the mock's options). */
export interface MockStorageOptions {
  /** Lifetime of the URLs it issues, in seconds; default 3600, as the documented URLs say. */
  urlExpiresSeconds?: number;
  /** HMAC key of the URLs; default a random one per mock. */
  secret?: string;
  /**
   * Keep uploaded bytes in files of a temporary directory made inside this one (`true`: the
   * system's temporary directory) instead of memory; removed when the mock closes (`dispose()`).
   */
  spillDir?: string | true;
  /** Part size of the plan createFile answers with; default 8 MiB (grown to keep ≤ 10,000 parts). */
  partSize?: number;
  /** Slows the endpoint down, per request: a delay before answering and a bandwidth cap for the body. */
  throttle?: { bytesPerSecond?: number; latencyMs?: number };
  /** The origin URLs are issued for; default the origin the KooDrive call came to. */
  publicUrl?: string;
  /**
   * Hash each part as it arrives, from its hashCtx (or the part before it), and refuse one whose
   * state does not chain with its neighbours' (default). `false` stores parts unhashed and only
   * computes the file's SHA-256 at completeFile (with node:crypto where there is one): a faster
   * mock for throughput benchmarks, which no longer checks hashCtx.
   */
  verifyHashes?: boolean;
}

/** The SHA-256 of a content, read in order: node:crypto where the runtime has it, else hash-wasm. */
async function digestOf(content: MockContent): Promise<string> {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeCrypto = process?.getBuiltinModule?.('node:crypto') as typeof import('node:crypto') | undefined;
  if (nodeCrypto) {
    const hash = nodeCrypto.createHash('sha256');
    for await (const chunk of readContent(content)) hash.update(chunk);
    return hash.digest('hex');
  }
  const hasher = await hasherFrom(SHA256_IV, 0);
  for await (const chunk of readContent(content)) hasher.update(chunk);
  return hasher.digest('hex');
}

/** The storage endpoint, as the mock and its routes use it. */
export interface MockStorage {
  /** Whether a request is for the storage endpoint. */
  owns(url: URL): boolean;
  /** Answers a storage request. */
  handle(request: Request): Promise<Response>;
  /** A presigned URL to PUT a part to. */
  partUrl(origin: string, upload: MockUpload, part: PartGeometry): Promise<string>;
  /** A presigned URL to GET a file from. */
  downloadUrl(origin: string, node: MockFileNode): Promise<string>;
  /** The part size createFile plans with. */
  readonly partSize: number;
  /**
   * Assembles an upload's parts into its content and checks its SHA-256 against `sha256` (or
   * createFile's): a MockFileError 13000402 when parts are missing or the digest differs.
   */
  complete(upload: MockUpload, sha256: string | undefined): Promise<MockContent>;
  /** Drops an upload's parts (their spilled files). */
  discard(upload: MockUpload): Promise<void>;
  readonly faults: MockStorageFaults;
  /** Removes spilled files. */
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes of a Range header that S3 would serve: `bytes=a-b`, `a-`, `-n`; one range only. */
function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, or another unit: S3 ignores the header and sends the whole object.
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size : Math.min(size, Number(last) + 1);
  if (end <= start) return undefined;
  return { start, end };
}

const etagOf = (content: MockContent) => `"${content.sha256.slice(0, 32)}-${content.segments.length}"`;

interface PartUrlFacts {
  upload: MockUpload;
  partNumber: number;
  offset?: number;
  hashCtx?: Sha256Words;
  serial: number;
  urlId: string;
}

/** Creates the storage endpoint over the state's uploads and contents. */
export function createMockStorage(
  state: () => MockState,
  clock: () => Date,
  options: MockStorageOptions = {},
): MockStorage {
  const expiresSeconds = options.urlExpiresSeconds ?? 3600;
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > 604_800)
    throw new RangeError(`storage.urlExpiresSeconds must be a whole number from 1 to 604800, got ${expiresSeconds}`);
  const partSize = checkPlanPartSize(options.partSize ?? 8 * 1024 * 1024);
  const signer = createUrlSigner(options.secret ?? randomSecret());
  const spill: SpillDirectory | undefined = options.spillDir ? createSpillDirectory(options.spillDir) : undefined;
  const faults: FaultBook = createFaultBook();
  const { bytesPerSecond, latencyMs = 0 } = options.throttle ?? {};
  const verifyHashes = options.verifyHashes ?? true;

  /** Waits so that `bytes` over `elapsed` ms stays within the bandwidth cap. */
  const pace = async (bytes: number, startedAt: number) => {
    if (!bytesPerSecond) return;
    const due = startedAt + (bytes / bytesPerSecond) * 1000 - performance.now();
    if (due > 1) await sleep(due);
  };

  function presignBase(origin: string, path: string, signedHeaders: string, serial: number): URL {
    const now = clock();
    const url = new URL(path, options.publicUrl ?? origin);
    url.searchParams.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
    url.searchParams.set('X-Amz-Date', amzDate(now));
    url.searchParams.set('X-Amz-SignedHeaders', signedHeaders);
    url.searchParams.set('X-Amz-Expires', String(expiresSeconds));
    url.searchParams.set('X-Amz-Credential', `${ACCESS_KEY}/${amzDate(now).slice(0, 8)}/mock/s3/aws4_request`);
    url.searchParams.set('X-Mock-Url-Id', String(serial));
    return url;
  }

  async function partUrl(origin: string, upload: MockUpload, part: PartGeometry): Promise<string> {
    const serial = faults.nextSerial();
    const url = new URL(`${UPLOADS}${encodeURIComponent(upload.uploadId)}`, options.publicUrl ?? origin);
    url.searchParams.set('partNumber', String(part.partNumber));
    url.searchParams.set('uploadId', upload.uploadId);
    const base = presignBase(origin, url.pathname, 'content-length;host', serial);
    for (const [name, value] of base.searchParams) url.searchParams.set(name, value);
    if (part.partOffset !== undefined) url.searchParams.set('X-Mock-Part-Offset', String(part.partOffset));
    if (part.hashCtx)
      url.searchParams.set('X-Amz-Iteration-Hash-Ctx', iterationHashCtx(part.hashCtx, part.partOffset ?? 0));
    upload.signedSizes.set(String(serial), part.partSize);
    const signed = await signer.sign('PUT', url, { 'content-length': String(part.partSize), host: url.host });
    return signed.toString();
  }

  async function downloadUrl(origin: string, node: MockFileNode): Promise<string> {
    const serial = faults.nextSerial();
    const url = presignBase(origin, `${FILES}${encodeURIComponent(node.id)}`, 'host', serial);
    return (await signer.sign('GET', url, { host: url.host })).toString();
  }

  /** The presigned query's own checks: parameters present, signature, expiry. A refusal, or undefined. */
  async function checkPresigned(
    request: Request,
    url: URL,
    signedHeaders: Record<string, string>,
    facts: { kind: 'upload' | 'download'; fileId: string; partNumber?: number },
    explainMismatch?: () => string | undefined,
  ): Promise<Response | undefined> {
    const now = clock();
    if (request.headers.has('authorization'))
      return s3Error(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
        { ArgumentName: 'Authorization' },
        now,
      );
    const missing = PRESIGN_PARAMETERS.find((name) => !url.searchParams.get(name));
    if (missing)
      return s3Error(
        400,
        'AuthorizationQueryParametersError',
        `Query-string authentication requires the ${missing} parameter`,
        {},
        now,
      );
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (!(await signer.verify(method, url, signedHeaders))) {
      const hint = explainMismatch?.();
      return s3Error(
        403,
        'SignatureDoesNotMatch',
        hint ? `${SIGNATURE_MISMATCH} (mock: ${hint})` : SIGNATURE_MISMATCH,
        {},
        now,
      );
    }
    const issued = parseAmzDate(url.searchParams.get('X-Amz-Date') ?? '');
    const lifetime = Number(url.searchParams.get('X-Amz-Expires'));
    const serial = Number(url.searchParams.get('X-Mock-Url-Id'));
    const expiresAt = issued ? new Date(issued.getTime() + lifetime * 1000) : now;
    if (!issued || now > expiresAt || faults.isExpired({ ...facts, serial })) {
      return s3Error(
        403,
        'AccessDenied',
        'Request has expired',
        { 'X-Amz-Expires': lifetime, Expires: expiresAt.toISOString(), ServerTime: now.toISOString() },
        now,
      );
    }
    return undefined;
  }

  function partFacts(url: URL, upload: MockUpload): PartUrlFacts | Response {
    const partNumber = Number(url.searchParams.get('partNumber'));
    const offsetText = url.searchParams.get('X-Mock-Part-Offset');
    const ctxText = url.searchParams.get('X-Amz-Iteration-Hash-Ctx');
    let hashCtx: Sha256Words | undefined;
    if (ctxText) {
      try {
        hashCtx = (JSON.parse(atob(ctxText)) as { h: number[] }).h;
      } catch {
        return s3Error(400, 'InvalidArgument', 'X-Amz-Iteration-Hash-Ctx is not valid', {}, clock());
      }
    }
    return {
      upload,
      partNumber,
      ...(offsetText === null ? {} : { offset: Number(offsetText) }),
      ...(hashCtx ? { hashCtx } : {}),
      serial: Number(url.searchParams.get('X-Mock-Url-Id')),
      urlId: url.searchParams.get('X-Mock-Url-Id') ?? '',
    };
  }

  /** Reads a request body whose length the transport did not announce (in-process requests). */
  async function bodyLength(request: Request): Promise<{ length: number; body: Uint8Array } | 'chunked'> {
    if (request.headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) return 'chunked';
    const body = new Uint8Array(await request.arrayBuffer());
    return { length: body.length, body };
  }

  async function* chunksOf(request: Request, buffered: Uint8Array | undefined): AsyncGenerator<Uint8Array> {
    if (buffered) {
      yield buffered;
      return;
    }
    const direct = directBodies.get(request);
    if (direct) {
      for await (const chunk of direct) yield chunk;
      return;
    }
    if (!request.body) return;
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }

  /** No answer until the client gives up (its request's signal aborts); then a dropped connection. */
  async function untilClientGivesUp(request: Request): Promise<Response> {
    await new Promise<void>((resolve) => {
      if (request.signal.aborted) resolve();
      else request.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return Response.error();
  }

  async function drain(request: Request, buffered: Uint8Array | undefined): Promise<void> {
    if (buffered) return;
    for await (const _ of chunksOf(request, undefined));
  }

  async function putPart(request: Request, url: URL): Promise<Response> {
    const uploadId = decodeURIComponent(url.pathname.slice(UPLOADS.length));
    const upload = state().files.uploads.get(uploadId);
    let declared = request.headers.get('content-length');
    let buffered: Uint8Array | undefined;
    if (declared === null) {
      const measured = await bodyLength(request);
      if (measured === 'chunked')
        return s3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', {}, clock());
      declared = String(measured.length);
      buffered = measured.body;
    }
    const length = Number(declared);
    const host = url.host;
    const facts = upload ? partFacts(url, upload) : undefined;
    if (facts instanceof Response) return facts;
    const refusal = await checkPresigned(
      request,
      url,
      { 'content-length': String(length), host },
      { kind: 'upload', fileId: upload?.fileId ?? '', partNumber: facts?.partNumber ?? 0 },
      () => {
        const signedFor = facts ? upload?.signedSizes.get(facts.urlId) : undefined;
        return signedFor !== undefined && signedFor !== length
          ? `this URL was signed for a part of ${signedFor} bytes; the Content-Length sent is ${length}`
          : undefined;
      },
    );
    if (refusal) return refusal;
    if (!upload || !facts)
      return s3Error(
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
        clock(),
      );
    if (latencyMs) await sleep(latencyMs);
    const fault = faults.takePartUploadFault(upload.fileId, facts.partNumber);
    if (fault) {
      if (fault === 'reset') return Response.error();
      await drain(request, buffered);
      if (fault === 'hang') return untilClientGivesUp(request);
      return s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.', {}, clock());
    }
    return receivePart(request, facts, length, buffered);
  }

  /** Hashes and stores a part's bytes, once its start state is known; checks it against its neighbours. */
  async function receivePart(
    request: Request,
    facts: PartUrlFacts,
    length: number,
    buffered: Uint8Array | undefined,
  ): Promise<Response> {
    const { upload, partNumber } = facts;
    const previous = upload.parts.get(partNumber - 1);
    let offset = facts.offset;
    let startWords: Sha256Words = [];
    let hasher: Awaited<ReturnType<typeof hasherFrom>> | undefined;
    if (partNumber === 1) {
      offset ??= 0;
      startWords = SHA256_IV;
      if (verifyHashes) hasher = await hasherFrom(SHA256_IV, 0);
    } else if (facts.hashCtx) {
      offset ??= 0;
      startWords = facts.hashCtx;
      if (verifyHashes) hasher = await hasherFrom(facts.hashCtx, offset);
    } else if (!verifyHashes && offset !== undefined) {
      // Not hashing: a part whose offset is known needs nothing of the part before it.
    } else {
      if (!previous || (offset !== undefined && previous.offset + previous.size !== offset)) {
        await drain(request, buffered);
        return s3Error(
          400,
          'InvalidRequest',
          `part ${partNumber} carries no hashCtx, so it is hashed from the end of part ${partNumber - 1}, which ${previous ? `ends at ${previous.offset + previous.size}, not at this part's offset ${offset}` : 'has not been uploaded'}: upload the parts in order, or ask uploadUrl for URLs with partOffset and hashCtx`,
          {},
          clock(),
        );
      }
      offset ??= previous.offset + previous.size;
      if (offset % PART_ALIGNMENT || previous.size < MIN_PART_SIZE) {
        await drain(request, buffered);
        return s3Error(
          400,
          'EntityTooSmall',
          `part ${partNumber - 1} is ${previous.size} bytes: every part but the last must be a multiple of 64 bytes from 5 MiB`,
          {},
          clock(),
        );
      }
      if (previous.endState) {
        startWords = wordsOfState(previous.endState);
        hasher = await hasherFromState(previous.endState);
      }
    }

    const writer = await openSegmentWriter(length, spill, `${upload.uploadId}-${partNumber}`);
    let received = 0;
    const startedAt = performance.now();
    try {
      for await (const chunk of chunksOf(request, buffered)) {
        received += chunk.length;
        if (received > length) break;
        hasher?.update(chunk);
        await writer.write(chunk);
        await pace(received, startedAt);
      }
    } catch {
      await writer.abort();
      return s3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly', {}, clock());
    }
    if (received !== length) {
      await writer.abort();
      return s3Error(
        400,
        'IncompleteBody',
        `You did not provide the number of bytes specified by the Content-Length HTTP header (${received} of ${length})`,
        {},
        clock(),
      );
    }
    const segment = await writer.finish();
    const endState = hasher?.save();
    const tag = endState ? wordsOfState(endState).slice(0, 4) : [facts.serial, partNumber, offset, length];
    const part: MockStoredPart = {
      partNumber,
      offset,
      size: length,
      segment,
      startWords,
      ...(endState ? { endState } : {}),
      etag: `"${tag.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('')}"`,
    };

    // From here on no await until the part is stored: neighbours seen are the ones stored with it.
    const mismatch = chainMismatch(upload, part);
    if (mismatch || state().files.uploads.get(upload.uploadId) !== upload) {
      await removeSegment(segment);
      return mismatch
        ? s3Error(400, 'BadDigest', mismatch, {}, clock())
        : s3Error(404, 'NoSuchUpload', 'The specified upload does not exist.', { UploadId: upload.uploadId }, clock());
    }
    const replaced = upload.parts.get(partNumber);
    upload.parts.set(partNumber, part);
    if (replaced) await removeSegment(replaced.segment);
    return new Response(null, { status: 200, headers: { etag: part.etag, date: clock().toUTCString() } });
  }

  /** Why a part's SHA-256 state does not chain with its stored neighbours, or undefined. */
  function chainMismatch(upload: MockUpload, part: MockStoredPart): string | undefined {
    if (!part.endState) return undefined;
    const previous = upload.parts.get(part.partNumber - 1);
    if (
      previous?.endState &&
      previous.offset + previous.size === part.offset &&
      !sameWords(wordsOfState(previous.endState), part.startWords)
    )
      return `the hashCtx of part ${part.partNumber} is not the SHA-256 state after the ${part.offset} bytes before it (the end of part ${previous.partNumber}): expected [${wordsOfState(previous.endState).join(', ')}], got [${part.startWords.join(', ')}]`;
    const next = upload.parts.get(part.partNumber + 1);
    if (
      next?.endState &&
      part.offset + part.size === next.offset &&
      !sameWords(wordsOfState(part.endState), next.startWords)
    )
      return `the SHA-256 state after part ${part.partNumber} is [${wordsOfState(part.endState).join(', ')}], but part ${next.partNumber} was uploaded with hashCtx [${next.startWords.join(', ')}]`;
    return undefined;
  }

  async function getFile(request: Request, url: URL): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return s3Error(
        405,
        'MethodNotAllowed',
        `The specified method is not allowed against this resource.`,
        { Method: request.method },
        clock(),
      );
    const fileId = decodeURIComponent(url.pathname.slice(FILES.length));
    const refusal = await checkPresigned(request, url, { host: url.host }, { kind: 'download', fileId });
    if (refusal) return refusal;
    const node = state().files.nodes.get(fileId);
    const content = node?.sha256 && node.status === 'ready' ? state().files.contents.get(node.sha256) : undefined;
    if (!node || !content)
      return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: fileId }, clock());
    if (latencyMs) await sleep(latencyMs);
    const etag = etagOf(content);
    const ifMatch = request.headers.get('if-match');
    if (ifMatch && ifMatch !== '*' && !ifMatch.split(',').some((tag) => tag.trim() === etag))
      return s3Error(
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        { Condition: 'If-Match' },
        clock(),
      );
    const ifRange = request.headers.get('if-range');
    const range = ifRange && ifRange !== etag ? undefined : parseRange(request.headers.get('range'), content.size);
    if (range === 'unsatisfiable')
      return s3Error(
        416,
        'InvalidRange',
        'The requested range is not satisfiable',
        { RangeRequested: request.headers.get('range') ?? '', ActualObjectSize: content.size },
        clock(),
      );
    const { start, end } = range ?? { start: 0, end: content.size };
    const headers: Record<string, string> = {
      'content-type': node.mimeType || 'application/octet-stream',
      'content-length': String(end - start),
      'accept-ranges': 'bytes',
      etag,
      'last-modified': new Date(node.editedTime).toUTCString(),
      date: clock().toUTCString(),
    };
    if (range) headers['content-range'] = `bytes ${start}-${end - 1}/${content.size}`;
    const status = range ? 206 : 200;
    if (request.method === 'HEAD') return new Response(null, { status, headers });
    const cut = faults.takeDownloadCut(fileId);
    const limit = cut ? start + (cut.afterBytes ?? Math.floor((end - start) / 2)) : end;
    return new Response(bodyStream(content, start, end, limit, cut?.stall === true), { status, headers });
  }

  /**
   * The body of a download, paced by the throttle; at `limit`, when short of `end`, it errors
   * (cutting the connection) or, with `stall`, sends nothing more until the client cancels it.
   */
  function bodyStream(
    content: MockContent,
    start: number,
    end: number,
    limit: number,
    stall: boolean,
  ): ReadableStream<Uint8Array> {
    const chunks = readContent(content, start, Math.min(end, Math.max(start, limit)));
    let sent = 0;
    let cancelled: (() => void) | undefined;
    const startedAt = performance.now();
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { value, done } = await chunks.next();
          if (done) {
            if (limit < end && stall) await new Promise<void>((resolve) => (cancelled = resolve));
            else if (limit < end) controller.error(new Error('mock storage: connection cut (faults.cutDownload)'));
            else controller.close();
            return;
          }
          controller.enqueue(value);
          sent += value.length;
          await pace(sent, startedAt);
        },
        async cancel() {
          cancelled?.();
          await chunks.return(undefined);
        },
      },
      { highWaterMark: 0 },
    );
  }

  async function complete(upload: MockUpload, sha256: string | undefined): Promise<MockContent> {
    const parts = [...upload.parts.values()].sort((a, b) => a.partNumber - b.partNumber);
    const failed = (problem: string) =>
      new MockFileError(fileResultCodes.integrityCheckFailed, `integrity check failed: ${problem}`);
    let expected = 0;
    parts.forEach((part, index) => {
      if (part.offset !== expected)
        throw failed(
          `part ${part.partNumber} starts at byte ${part.offset}, but the parts before it end at ${expected} (a part is missing or parts overlap)`,
        );
      const previous = parts[index - 1];
      if (previous?.endState && part.endState && !sameWords(wordsOfState(previous.endState), part.startWords))
        throw failed(`the SHA-256 state after part ${previous.partNumber} is not part ${part.partNumber}'s hashCtx`);
      if (index < parts.length - 1 && (part.size < MIN_PART_SIZE || part.size % PART_ALIGNMENT))
        throw failed(
          `part ${part.partNumber} is ${part.size} bytes: every part but the last must be a multiple of 64 bytes from 5 MiB`,
        );
      expected += part.size;
    });
    if (expected !== upload.length)
      throw failed(`the parts uploaded hold ${expected} of the file's ${upload.length} bytes`);
    const last = parts.at(-1);
    const segments = parts.map((part) => part.segment);
    const digest = verifyHashes
      ? (last?.endState ? await hasherFromState(last.endState) : await hasherFrom(SHA256_IV, 0)).digest('hex')
      : await digestOf({ sha256: '', size: upload.length, segments });
    const wanted = (sha256 ?? upload.sha256)?.toLowerCase();
    if (wanted !== undefined && wanted !== digest)
      throw failed(`the SHA-256 of the uploaded bytes is ${digest}, not ${wanted}`);
    const content: MockContent = { sha256: digest, size: upload.length, segments };
    const stored = storeContent(state(), content);
    if (stored !== content) await Promise.all(content.segments.map(removeSegment));
    upload.parts.clear();
    return stored;
  }

  return {
    owns: (url) => url.pathname.startsWith(STORAGE_PREFIX),
    async handle(request) {
      const url = new URL(request.url);
      if (url.pathname.startsWith(UPLOADS)) {
        if (request.method !== 'PUT')
          return s3Error(
            405,
            'MethodNotAllowed',
            'The specified method is not allowed against this resource.',
            { Method: request.method },
            clock(),
          );
        return putPart(request, url);
      }
      if (url.pathname.startsWith(FILES)) return getFile(request, url);
      return s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {}, clock());
    },
    partUrl,
    downloadUrl,
    partSize,
    complete,
    async discard(upload) {
      await Promise.all([...upload.parts.values()].map((part) => removeSegment(part.segment)));
      upload.parts.clear();
    },
    faults,
    dispose: async () => spill?.dispose(),
  };
}
