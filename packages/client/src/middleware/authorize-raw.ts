import type { Middleware } from 'openapi-fetch';
import { type CredentialSet, credentialFor } from '../auth/credential.js';
import { formatXDate } from '../headers/x-date.js';
import { factsForRoute } from '../operations/operation-facts.js';

/**
 * Middleware for `kd.raw`, openapi-fetch without the client's pipeline: stamps X-Traceid (when the
 * request has none), X-Date and the Authorization its operation accepts, once per request. No
 * input checks, retries or timeouts: those are the pipeline's.
 */
export function authorizeRaw(credentials: CredentialSet, now: () => Date, makeTraceId: () => string): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const traceId = request.headers.get('X-Traceid') ?? makeTraceId();
      request.headers.set('X-Traceid', traceId);
      request.headers.set('X-Date', formatXDate(now()));
      const facts = await factsForRoute(request.method, schemaPath);
      const credential = credentialFor(facts, credentials, { operationId: facts.id, traceId });
      if (!credential) return request;
      const { method, url, headers } = request;
      const body =
        credential.needsBody && request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
      request.headers.set(
        'Authorization',
        await credential.authorize(body ? { method, url, headers, body } : { method, url, headers }),
      );
      return request;
    },
  };
}
