/**
 * A download's bytes, as they arrive, from a link that may break: a streamed GET of the link (no
 * KooDrive header: the link carries its own signature), and when the connection breaks or the
 * storage goes silent for longer than the idle limit, a `Range`
 * request for the rest (`If-Range` with the first answer's ETag, so a file that changed meanwhile
 * is noticed instead of spliced). A link refused as expired is replaced through getDownLoadUrl. At
 * the end the length is checked against what the storage announced (and the `size` the caller
 * expects), and the SHA-256 when the caller gave one.
 */
import { KooDriveError } from '@koodrive/client';
import { attemptSignal, readWithin } from '../deadline.js';
import { describeUrl, KooDriveIntegrityError, KooDriveStorageError } from '../errors.js';
import type { TransferClient } from '../koodrive-calls.js';
import { isRetryableStatus, retryDelay, type StorageRetryPolicy, sleep } from '../retry.js';
import { createSha256Digest, type Sha256Digest } from '../sha256/digest.js';
import { isExpiredUrl, readRefusal } from '../storage-answer.js';
import type { ProgressCounter } from '../upload/progress.js';
import { connectionProblem, type FetchFunction } from '../upload/put-part.js';
import { getDownloadLink } from './links.js';

/** How many times in a row a link may be refused as expired before the download fails. */
const MAX_LINK_REFRESHES = 2;

/** What a download needs. */
export interface DownloadContext {
  kd: TransferClient;
  fileId: string;
  containerId: string;
  fetch: FetchFunction;
  policy: StorageRetryPolicy;
  signal: AbortSignal;
  /** The longest the storage may stay silent (no answer, no byte), in ms; 0: no limit. */
  idleTimeoutMs: number;
  /** A link already at hand (from getDownloadLinks); else one is asked for. */
  url?: string;
  /** The SHA-256 the bytes must have (hex), to check at the end. */
  sha256?: string;
  /** The size the caller expects. */
  size?: number;
  progress: (total: number | undefined) => ProgressCounter;
}

/** The total size a 200 or 206 answer announces, when it does. */
function announcedSize(response: Response): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  if (response.status !== 200 || response.headers.has('content-encoding')) return undefined;
  const length = response.headers.get('content-length');
  return length === null ? undefined : Number(length);
}

/** The first byte a 206 answer holds. */
function rangeStart(response: Response): number | undefined {
  const match = /^bytes\s+(\d+)-/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

export class ResumableDownload {
  /** The file's size, as the storage announced it (or the caller said). */
  size: number | undefined;
  fileName: string | undefined;
  private url: string | undefined;
  private etag: string | null = null;
  private received = 0;
  private response: Response | undefined;
  private digest: Sha256Digest | undefined;
  private counter: ProgressCounter | undefined;
  /** The downloaded bytes' SHA-256 (hex), when a digest was asked for. */
  sha256: string | undefined;

  constructor(private readonly context: DownloadContext) {
    this.url = context.url;
  }

  /** Asks for the link (unless given) and GETs it; resolves once the answer's headers have come. */
  async open(): Promise<void> {
    if (this.context.sha256 !== undefined) this.digest = await createSha256Digest();
    this.response = await this.request();
    this.etag = this.response.headers.get('etag');
    this.size = announcedSize(this.response) ?? this.context.size;
    if (this.context.size !== undefined && this.size !== this.context.size)
      throw this.integrity('length', String(this.context.size), String(this.size), 'the storage announces');
    this.counter = this.context.progress(this.size);
  }

  /** The bytes, resuming after breaks; throws at the end when they are not the file's. */
  async *bytes(): AsyncGenerator<Uint8Array, void, undefined> {
    const { signal, policy } = this.context;
    let stalls = 0;
    try {
      for (;;) {
        const body = this.response?.body;
        if (!body)
          throw new KooDriveError(`the storage answered the download of ${this.context.fileId} without a body`);
        const reader = body.getReader();
        let broken: unknown;
        try {
          for (;;) {
            const { value, done } = await readWithin(reader, this.context.idleTimeoutMs);
            if (done) break;
            if (value.byteLength === 0) continue;
            stalls = 0;
            this.received += value.byteLength;
            if (this.size !== undefined && this.received > this.size)
              throw this.integrity('length', String(this.size), `more than ${this.size}`, 'received');
            this.digest?.update(value);
            this.counter?.add(value.byteLength);
            yield value;
          }
        } catch (error) {
          if (error instanceof KooDriveError) throw error;
          signal.throwIfAborted();
          broken = error;
        } finally {
          reader.releaseLock();
        }
        if (broken === undefined && (this.size === undefined || this.received === this.size)) break;
        // The connection broke (or ended early): ask for the rest.
        if (stalls >= policy.maxRetries)
          throw this.storageFailure(
            {
              detail: broken
                ? connectionProblem(broken)
                : `the answer ended after ${this.received} of ${this.size} bytes`,
              cause: broken,
            },
            stalls + 1,
          );
        await sleep(retryDelay(stalls++, policy), signal);
        await this.response?.body?.cancel().catch(() => undefined);
        this.response = await this.request();
      }
      this.verify();
    } finally {
      await this.response?.body?.cancel().catch(() => undefined);
    }
  }

  /** Checks the whole: length, and SHA-256 when one was given. */
  private verify(): void {
    if (this.size !== undefined && this.received !== this.size)
      throw this.integrity('length', String(this.size), String(this.received), 'received');
    if (this.digest && this.context.sha256 !== undefined) {
      this.sha256 = this.digest.digestHex();
      if (this.sha256 !== this.context.sha256.toLowerCase())
        throw this.integrity('sha256', this.context.sha256.toLowerCase(), this.sha256, 'has');
    }
  }

  private integrity(
    check: 'length' | 'sha256',
    expected: string,
    actual: string,
    verb: string,
  ): KooDriveIntegrityError {
    const what = check === 'length' ? 'bytes' : 'as its SHA-256';
    return new KooDriveIntegrityError(
      this.context.fileId,
      check,
      expected,
      actual,
      `download of ${this.context.fileId}: ${verb} ${actual} ${what}, expected ${expected}`,
    );
  }

  private storageFailure(
    details: { status?: number; code?: string; detail: string; cause?: unknown },
    attempts: number,
  ) {
    return new KooDriveStorageError({
      method: 'GET',
      url: this.url ? describeUrl(this.url) : '(no link)',
      fileId: this.context.fileId,
      attempts,
      ...details,
    });
  }

  /** One GET of the link (of the rest, after a break), retried by the client's rules; answers a 200 or a fitting 206. */
  private async request(): Promise<Response> {
    const { context } = this;
    const { signal, policy } = context;
    let retries = 0;
    let refreshes = 0;
    for (let attempt = 1; ; attempt++) {
      if (!this.url) {
        const link = await getDownloadLink(context.kd, context.containerId, context.fileId, signal);
        this.url = link.url;
        this.fileName ??= link.fileName;
      }
      const headers: Record<string, string> = {};
      if (this.received > 0) {
        headers.range = `bytes=${this.received}-`;
        if (this.etag) headers['if-range'] = this.etag;
      }
      let response: Response;
      // The clock runs until the answer's headers come; the body's silences are timed by readWithin.
      const deadline = attemptSignal(signal, context.idleTimeoutMs, 'answer');
      try {
        response = await context.fetch(this.url, { method: 'GET', headers, signal: deadline.signal });
      } catch (error) {
        signal.throwIfAborted();
        if (retries >= policy.maxRetries)
          throw this.storageFailure({ detail: connectionProblem(error), cause: error }, attempt);
        await sleep(retryDelay(retries++, policy), signal);
        continue;
      } finally {
        deadline.clear();
      }
      if (response.status === 200 || response.status === 206) return this.fitting(response);
      const refusal = await readRefusal(response);
      if (isExpiredUrl(response.status, refusal) && refreshes < MAX_LINK_REFRESHES) {
        refreshes++;
        this.url = undefined;
        continue;
      }
      if (isRetryableStatus(response.status) && retries < policy.maxRetries) {
        await sleep(retryDelay(retries++, policy, response), signal);
        continue;
      }
      throw this.storageFailure(
        {
          status: response.status,
          ...(refusal.code ? { code: refusal.code } : {}),
          detail: refusal.message ?? (response.statusText || 'refused'),
        },
        attempt,
      );
    }
  }

  /** Checks that an answer continues where the download stands; a 200 after a break is skipped up to there. */
  private async fitting(response: Response): Promise<Response> {
    if (this.received === 0) return response;
    const etag = response.headers.get('etag');
    if (this.etag && etag && etag !== this.etag)
      throw new KooDriveIntegrityError(
        this.context.fileId,
        'source',
        this.etag,
        etag,
        `download of ${this.context.fileId}: the file changed while it was downloaded (ETag ${etag}, was ${this.etag}); download it again`,
      );
    const total = announcedSize(response);
    if (total !== undefined && this.size !== undefined && total !== this.size)
      throw this.integrity('length', String(this.size), String(total), 'the storage now announces');
    if (response.status === 206) {
      const start = rangeStart(response);
      if (start !== this.received)
        throw this.storageFailure(
          { status: 206, detail: `the range answered starts at byte ${start}, not ${this.received}` },
          1,
        );
      return response;
    }
    return skipped(response, this.received);
  }
}

/** A 200 answer (the storage ignored the Range) without its first `count` bytes. */
function skipped(response: Response, count: number): Response {
  const body = response.body;
  if (!body) return response;
  let left = count;
  const rest = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (left >= chunk.byteLength) {
          left -= chunk.byteLength;
          return;
        }
        controller.enqueue(left > 0 ? chunk.subarray(left) : chunk);
        left = 0;
      },
    }),
  );
  return new Response(rest, { status: 200, headers: response.headers });
}
