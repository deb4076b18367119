/**
 * The presigned URLs of an upload's parts: createFile's where they fit the plan, the rest from
 * uploadUrl, asked for a few parts at a time (the part needed now and the next ones whose hash
 * states are known), and asked for again when one has expired. URLs are kept only until their part
 * is stored: they are credentials of a kind, and expire within the hour anyway.
 */

import { KooDriveError } from '@koodrive/client';
import { uploadUrl } from '@koodrive/client/operations';
import type { MultiPartInfo } from '@koodrive/types';
import { callData, type TransferClient } from '../koodrive-calls.js';
import { urlExpiry } from '../storage-answer.js';
import type { PlannedPart } from './plan.js';

/** A URL is not used within this long of its own expiry (the PUT of a large part takes time). */
const EXPIRY_MARGIN_MS = 60_000;

interface KnownUrl {
  url: string;
  /** When the URL says it expires; undefined when it does not say. */
  expiresAt?: number;
}

/** What PartUrls needs of the upload. */
export interface PartUrlsContext {
  kd: TransferClient;
  fileId: string;
  parts: readonly PlannedPart[];
  /** Whether parts carry partOffset and hashCtx. */
  parallel: boolean;
  /** Whether a part is still to be uploaded. */
  isPending(partNumber: number): boolean;
  /** A part's hashCtx when known now (parallel parts after the first). */
  knownState(partNumber: number): number[] | undefined;
  /** A part's hashCtx, waiting for the hash to reach it. */
  stateFor(partNumber: number): Promise<number[]>;
  /** How many parts to ask uploadUrl for at once. */
  batchSize: number;
  signal: AbortSignal;
  now?: () => number;
}

export class PartUrls {
  private readonly known = new Map<number, KnownUrl>();
  private readonly asking = new Map<number, Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly context: PartUrlsContext) {
    this.now = context.now ?? Date.now;
  }

  /**
   * Keeps createFile's URLs of the parts that match the plan (same number, size and offset).
   * In a parallel upload only the first part's: the others were issued without a hashCtx.
   */
  seed(fromCreateFile: readonly MultiPartInfo[] | undefined): void {
    for (const offered of fromCreateFile ?? []) {
      const part = this.context.parts[offered.partNumber - 1];
      if (!part || !offered.uploadUrl || !this.context.isPending(part.partNumber)) continue;
      if (Number(offered.partSize) !== part.size) continue;
      if (offered.partOffset !== undefined && Number(offered.partOffset) !== part.offset) continue;
      if (this.context.parallel && part.partNumber > 1) continue;
      this.remember(part.partNumber, offered.uploadUrl);
    }
  }

  /** A URL to PUT the part to; `fresh` asks for a new one (the last was refused as expired). */
  async get(partNumber: number, fresh = false): Promise<string> {
    if (fresh) this.known.delete(partNumber);
    for (;;) {
      const known = this.known.get(partNumber);
      if (known && (known.expiresAt === undefined || known.expiresAt - EXPIRY_MARGIN_MS > this.now())) return known.url;
      const asked = this.asking.get(partNumber);
      if (asked) {
        await asked;
        const answered = this.known.get(partNumber);
        if (answered) return answered.url;
        continue;
      }
      // An expiring URL is asked for again once; a fresh one that already looks expired (a clock
      // ahead of the storage's) is used all the same, the storage has the last word.
      if (known && fresh) return known.url;
      fresh = true;
      await this.ask(partNumber);
    }
  }

  /** Forgets a part's URL (the part is stored). */
  forget(partNumber: number): void {
    this.known.delete(partNumber);
  }

  private remember(partNumber: number, url: string): void {
    const expiresAt = urlExpiry(url);
    this.known.set(partNumber, expiresAt === undefined ? { url } : { url, expiresAt });
  }

  private async describe(part: PlannedPart): Promise<MultiPartInfo> {
    if (!this.context.parallel) return { partNumber: part.partNumber, partSize: part.size };
    if (part.partNumber === 1) return { partNumber: 1, partSize: part.size, partOffset: 0 };
    const hashCtx = this.context.knownState(part.partNumber) ?? (await this.context.stateFor(part.partNumber));
    return { partNumber: part.partNumber, partSize: part.size, partOffset: part.offset, hashCtx };
  }

  /** Asks uploadUrl for this part and the next pending ones that are ready (hash known, no URL yet). */
  private async ask(partNumber: number): Promise<void> {
    const { parts, batchSize, isPending, parallel, knownState } = this.context;
    const first = parts[partNumber - 1];
    if (!first) throw new Error(`part ${partNumber} is not in the plan`);
    const batch = [first];
    for (let next = partNumber + 1; next <= parts.length && batch.length < batchSize; next++) {
      const part = parts[next - 1] as PlannedPart;
      if (!isPending(next) || this.known.has(next) || this.asking.has(next)) continue;
      if (parallel && knownState(next) === undefined) break;
      batch.push(part);
    }
    const request = (async () => {
      const multiParts = await Promise.all(batch.map((part) => this.describe(part)));
      const answer = await callData(uploadUrl, this.context.kd, {
        body: { fileId: this.context.fileId, multiParts },
        signal: this.context.signal,
      });
      for (const part of answer.multiParts ?? []) {
        if (part.uploadUrl && batch.some((asked) => asked.partNumber === part.partNumber))
          this.remember(part.partNumber, part.uploadUrl);
      }
      if (!this.known.has(partNumber))
        throw new KooDriveError(`uploadUrl answered no URL for part ${partNumber} of ${this.context.fileId}`);
    })();
    for (const part of batch) this.asking.set(part.partNumber, request);
    try {
      await request;
    } finally {
      for (const part of batch) if (this.asking.get(part.partNumber) === request) this.asking.delete(part.partNumber);
    }
  }
}
