import type { CredentialSet, credentialFor } from '../auth/credential.js';
import type { formatXDate } from '../headers/x-date.js';
import type { factsForRoute } from '../operations/operation-facts.js';

/** What the client lends this module (passed in, so that this chunk shares no module with the entry). */
export interface RawAuthorizationContext {
  credentials: CredentialSet;
  now: () => Date;
  makeTraceId: () => string;
  credentialFor: typeof credentialFor;
  factsForRoute: typeof factsForRoute;
  formatXDate: typeof formatXDate;
}

/**
 * What `kd.raw` (openapi-fetch without the client's pipeline) does to each request: stamps
 * X-Traceid (when the request has none), X-Date and the Authorization its operation accepts. No
 * input checks, retries or timeouts: those are the pipeline's. Loaded on the first use of `kd.raw`.
 */
export async function authorizeRawRequest(
  { request, schemaPath }: { request: Request; schemaPath: string },
  { credentials, now, makeTraceId, credentialFor, factsForRoute, formatXDate }: RawAuthorizationContext,
): Promise<Request> {
  const traceId = request.headers.get('X-Traceid') ?? makeTraceId();
  request.headers.set('X-Traceid', traceId);
  request.headers.set('X-Date', formatXDate(now()));
  const facts = await factsForRoute(request.method, schemaPath);
  // A credential the operation does not accept is left to the service to refuse, as openapi-fetch would.
  const credential = credentialFor(facts, credentials);
  if (!credential) return request;
  const { method, url, headers } = request;
  const body = credential.needsBody && request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
  request.headers.set(
    'Authorization',
    await credential.authorize(body ? { method, url, headers, body } : { method, url, headers }),
  );
  return request;
}
