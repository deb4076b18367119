/**
 * One part's PUT to its presigned storage URL, retried alone: the body is a Blob slice or bytes of
 * exactly the part's length (fetch sends it with that Content-Length, which the URL signs), and no
 * KooDrive header goes with it (the URL carries its own signature; object storage refuses a second
 * one). A refusal as expired gets a fresh URL at once; a transient failure, or no answer within the
 * part's time limit, waits and retries by the client's rules; anything else fails the part.
 */
import { attemptSignal } from '../deadline.js';
import { describeUrl, KooDriveStorageError } from '../errors.js';
import { isRetryableStatus, retryDelay, type StorageRetryPolicy, sleep } from '../retry.js';
import { isExpiredUrl, readRefusal } from '../storage-answer.js';
import type { PartUrls } from './part-urls.js';
import { isUnreadable, sourceChanged } from './source.js';

/** How many times in a row a part's URL may be refused as expired before the part fails. */
const MAX_URL_REFRESHES = 2;

/** fetch, as the platform has it. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** What a part's PUT needs. */
export interface PutPartContext {
  fetch: FetchFunction;
  urls: PartUrls;
  policy: StorageRetryPolicy;
  signal: AbortSignal;
  /** The longest one PUT may go unanswered, in ms (0: no limit); past it, the attempt failed. */
  timeoutMs: number;
  fileId: string;
  /** The file's name, for the error of a source that changed. */
  fileName: string;
}

/** Why a fetch got no answer, in words. */
export function connectionProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : cause?.message ? `${message}: ${cause.message}` : message;
}

/** PUTs a part until it is stored; throws a KooDriveStorageError, or the abort reason. */
export async function putPart(context: PutPartContext, partNumber: number, body: Blob | Uint8Array): Promise<void> {
  const { urls, policy, signal } = context;
  let retries = 0;
  let refreshes = 0;
  let fresh = false;
  for (let attempt = 1; ; attempt++) {
    const url = await urls.get(partNumber, fresh);
    fresh = false;
    const failure = (details: { status?: number; code?: string; detail: string; cause?: unknown }) =>
      new KooDriveStorageError({
        method: 'PUT',
        url: describeUrl(url),
        fileId: context.fileId,
        partNumber,
        attempts: attempt,
        ...details,
      });
    let response: Response;
    const deadline = attemptSignal(signal, context.timeoutMs, 'answer');
    try {
      response = await context.fetch(url, { method: 'PUT', body: body as BodyInit, signal: deadline.signal });
    } catch (error) {
      signal.throwIfAborted();
      if (isUnreadable(error)) throw sourceChanged(context.fileName);
      if (retries >= policy.maxRetries) throw failure({ detail: connectionProblem(error), cause: error });
      await sleep(retryDelay(retries++, policy), signal);
      continue;
    } finally {
      deadline.clear();
    }
    if (response.ok) {
      // Read the (empty) answer to the end, so the connection goes back to the pool.
      await response.arrayBuffer().catch(() => undefined);
      return;
    }
    const refusal = await readRefusal(response);
    if (isExpiredUrl(response.status, refusal) && refreshes < MAX_URL_REFRESHES) {
      refreshes++;
      fresh = true;
      continue;
    }
    if (isRetryableStatus(response.status) && retries < policy.maxRetries) {
      await sleep(retryDelay(retries++, policy, response), signal);
      continue;
    }
    throw failure({
      status: response.status,
      ...(refusal.code ? { code: refusal.code } : {}),
      detail: refusal.message ?? response.statusText ?? 'refused',
    });
  }
}
