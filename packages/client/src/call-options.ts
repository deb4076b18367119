import type { RetryOptions } from './retry/retry-policy.js';

/**
 * What every call takes beside its parameters and body. openapi-fetch's per-request options that
 * make sense for KooDrive pass through; anything else is a type error, so that a typo such as
 * `parms` or `timeOut` is caught instead of silently ignored.
 */
export interface KooDriveCallOptions
  extends Pick<
    RequestInit,
    | 'cache'
    | 'credentials'
    | 'integrity'
    | 'keepalive'
    | 'mode'
    | 'priority'
    | 'redirect'
    | 'referrer'
    | 'referrerPolicy'
  > {
  /**
   * Raw headers beyond the operation's documented ones (those go under `params.header`). A raw
   * header may not name a header the client manages (Authorization, X-User-Id, X-Date,
   * X-Traceid, language, Host), in any letter case: that is refused before sending.
   */
  headers?: HeadersInit;
  /** Cancels the call: the current attempt stops, no further one is made. */
  signal?: AbortSignal | null;
  /** This call's retry settings over the client's; `false` turns retries off. */
  retry?: CallRetryOptions | false;
  /** Milliseconds each attempt of this call may take, answer included. */
  timeout?: number;
  /** openapi-fetch's query serializer for this call. */
  querySerializer?: unknown;
  /** openapi-fetch's body serializer for this call; default: JSON with bigint written exactly. */
  bodySerializer?: (body: unknown) => string | FormData | Blob | ArrayBuffer | Uint8Array;
}

/** A call's retry settings: the client's, plus the opt-in to retry an operation that is not safe to repeat. */
export interface CallRetryOptions extends RetryOptions {
  /**
   * Retry this call although the spec does not say repeating it is harmless (a POST, PUT or
   * DELETE). Only for one call, when you know the operation is idempotent in your use.
   */
  nonIdempotent?: boolean;
}

/** `T` with the fields `K` made optional (the paging fields `paginate` fills in). */
export type Loosen<T, K extends PropertyKey> = Omit<T, K> & Partial<Pick<T, Extract<K, keyof T>>>;

/** The rows of a page's items field: its elements, or the field itself where the service sends one object for a list. */
export type PageRow<Items> = Items extends readonly (infer Row)[] ? Row : Exclude<Items, null | undefined>;
