import type { Middleware } from 'openapi-fetch';
import { assertHeaderValue } from '../headers/header-value.js';
import { assertTraceId, generateTraceId } from '../headers/trace-id.js';

/** Options of the kooDriveHeaders middleware. */
export interface KooDriveHeadersOptions {
  /** The KooDrive user the calls act for, sent as X-User-Id. */
  userId: string;
  /** Sent as the `language` header; default `en-US`. */
  language?: string;
  /** Makes a trace ID when the request has none; default: 58 random hex characters. */
  traceId?: () => string;
}

/**
 * openapi-fetch middleware that adds the headers that stay the same for all attempts of a call:
 * X-User-Id, language and X-Traceid. A value the caller put on the request wins over the default.
 *
 * The headers that change with each attempt (X-Date, Authorization) are added by the transport,
 * below the retries, so that every attempt is stamped and signed anew.
 */
export function kooDriveHeaders(options: KooDriveHeadersOptions): Middleware {
  const { userId, language = 'en-US', traceId = generateTraceId } = options;
  assertHeaderValue('userId', userId);
  assertHeaderValue('language', language);
  return {
    onRequest({ request }) {
      const { headers } = request;
      // fetch sets Host from the URL (a browser forbids setting it), and that is the value app authentication signs.
      headers.delete('Host');
      // Defaults were checked above; only values the caller put on the request are checked here.
      const userIdSent = headers.get('X-User-Id');
      if (userIdSent === null) headers.set('X-User-Id', userId);
      else assertHeaderValue('header X-User-Id', userIdSent);
      const languageSent = headers.get('language');
      if (languageSent === null) headers.set('language', language);
      else assertHeaderValue('header language', languageSent);
      const traceIdSent = headers.get('X-Traceid');
      if (traceIdSent === null) headers.set('X-Traceid', traceId());
      else assertTraceId('header X-Traceid', traceIdSent);
      return request;
    },
  };
}
