/**
 * What openapi-fetch builds a call into when no one needs a WHATWG Request: the client's own fetch
 * (globalThis.fetch) and no kd.use() middleware. openapi-fetch takes a `Request` class to build
 * with; this one keeps the URL and init as they are, and each attempt hands them to fetch, which
 * builds the attempt's one Request itself. A Request built only to be copied by fetch costs about
 * as much as signing the call (its headers list, signal and URL record).
 */
export class PlannedRequest {
  readonly method: string;
  /** openapi-fetch's merged headers; each attempt sets its X-Date and Authorization here. */
  readonly headers: Headers;

  constructor(
    readonly url: string,
    readonly init: RequestInit & { method: string; headers: Headers },
  ) {
    this.method = init.method;
    this.headers = init.headers;
  }
}
