/**
 * CORS for the mock KooDrive's HTTP server, so that a web app served from another origin (a dev
 * server on `http://localhost:5173`, a test page) can call it from a browser. KooDrive's calls all
 * carry custom headers (Authorization, X-User-Id, X-Date, X-Traceid, language), so every one is
 * preceded by a preflight, which this answers without reaching the mock's routes or its request log.
 *
 * The allowed request headers are those the spec's parameters declare, plus the few a client sends
 * that are not parameters; the exposed response headers are those a client reads beyond the
 * CORS-safelisted ones: `Date` (the client corrects clock skew from it) and `Retry-After`.
 */
import { openapiDocument } from '@koodrive/types/openapi';
import { errorBody, resultCodes } from './errors.js';

/**
 * Which origins may call the mock from a browser: `'loopback'` (the default: any port of
 * `localhost`, `127.0.0.0/8` or `[::1]`, over http or https), `'*'` (any origin), a list of exact
 * origins such as `['http://localhost:5173']`, or a function deciding for each origin.
 */
export type CorsOrigins = 'loopback' | '*' | readonly string[] | ((origin: string) => boolean);

/** CORS settings of the mock's HTTP server; `false` turns CORS off (no preflight is answered). */
export interface CorsOptions {
  /** Default `'loopback'`. */
  origins?: CorsOrigins;
}

/**
 * The request headers of the reference's calling guide (x-hw-share-folder-id included, which newer
 * pages accept on operations beyond the spec's), and the mock's own debug header.
 */
const CLIENT_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-User-Id',
  'X-Date',
  'X-Traceid',
  'language',
  'x-hw-share-folder-id',
  'X-Mock-Debug',
  // The storage endpoint's (presigned part uploads and downloads): resuming a download by range.
  'Range',
  'If-Range',
  'If-Match',
];
/** Response headers a client reads that CORS does not expose by itself. */
export const CORS_EXPOSED_HEADERS = [
  'Date',
  'Retry-After',
  'X-Mock-Canonical-Request',
  // The storage endpoint's: a part's ETag, a range's Content-Range, as object storage exposes them.
  'ETag',
  'Content-Range',
  'Accept-Ranges',
  'Content-Length',
] as const;
/** Headers a page may not set, so allowing them would only mislead. */
const FORBIDDEN_REQUEST_HEADERS = new Set(['host']);
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
/** How long (seconds) a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE = '600';

type Json = Record<string, unknown>;

function resolve(value: unknown): Json {
  let node = value as Json;
  while (typeof node?.$ref === 'string') {
    node = (node.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json>((parent, key) => parent[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, openapiDocument);
  }
  return node;
}

/** The request headers a page may send: the calling guide's, and every header a parameter of the spec declares, spelled as documented. */
export function corsAllowedHeaders(): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    if (!FORBIDDEN_REQUEST_HEADERS.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  };
  CLIENT_HEADERS.forEach(add);
  const document = openapiDocument as Json & { components?: { parameters?: Json } };
  const parameters: unknown[] = Object.values(document.components?.parameters ?? {});
  for (const item of Object.values((openapiDocument.paths ?? {}) as Record<string, Json>)) {
    parameters.push(...((item.parameters ?? []) as unknown[]));
    for (const operation of Object.values(item)) {
      if (typeof operation === 'object' && operation !== null && 'parameters' in operation)
        parameters.push(...((operation as Json).parameters as unknown[]));
    }
  }
  for (const raw of parameters) {
    const parameter = resolve(raw);
    if (parameter.in === 'header' && typeof parameter.name === 'string') add(parameter.name);
  }
  return [...names.values()];
}

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether `origin` (as a browser sends it) is http(s) on a loopback host, any port. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOST.test(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Checks and normalizes an origin given in settings (`http://localhost:5173`, a trailing slash
 * tolerated); throws a TypeError naming the value when it is not a bare http(s) origin.
 */
export function normalizeOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const bare = value.replace(/\/$/, '');
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== bare.toLowerCase()) {
    throw new TypeError(`not an http(s) origin such as http://localhost:5173: ${JSON.stringify(value)}`);
  }
  return url.origin;
}

function originMatcher(origins: CorsOrigins): (origin: string) => boolean {
  if (origins === '*') return () => true;
  if (origins === 'loopback') return isLoopbackOrigin;
  if (typeof origins === 'function') return origins;
  const allowed = new Set(origins.map(normalizeOrigin));
  return (origin) => allowed.has(origin);
}

/** The CORS side of the mock's HTTP server: answers preflights and marks responses for allowed origins. */
export interface CorsPolicy {
  /** The answer to a preflight (an OPTIONS request with Access-Control-Request-Method), or undefined for any other request. */
  preflight(request: Request): Response | undefined;
  /** The CORS headers for the response to `request`: none unless it comes from an allowed origin. */
  responseHeaders(request: Request): Record<string, string>;
}

/**
 * Creates the CORS policy of the mock's HTTP server.
 *
 * A preflight from an allowed origin gets 204 with the methods KooDrive uses, the headers above and
 * a 10-minute max age; one from another origin gets 403 with a KooDrive-style body naming the
 * origin, which a browser reports as a CORS failure.
 *
 * @example
 * const cors = createCorsPolicy({ origins: ['http://localhost:5173'] });
 * const answer = cors.preflight(request) ?? (await mock.handle(request));
 * // … then write answer with cors.responseHeaders(request) added
 */
export function createCorsPolicy(options: CorsOptions = {}): CorsPolicy {
  const allows = originMatcher(options.origins ?? 'loopback');
  const allowedHeaders = corsAllowedHeaders().join(', ');
  const exposedHeaders = CORS_EXPOSED_HEADERS.join(', ');

  return {
    preflight(request) {
      const origin = request.headers.get('origin');
      if (request.method !== 'OPTIONS' || !origin || !request.headers.has('access-control-request-method'))
        return undefined;
      if (!allows(origin)) {
        const problem = `origin ${origin} is not allowed to call this mock KooDrive (allow it with --cors-origin or the cors option)`;
        return new Response(JSON.stringify(errorBody(resultCodes.badRequest, problem)), {
          status: 403,
          headers: { 'content-type': 'application/json;charset=UTF-8', vary: 'Origin' },
        });
      }
      const headers = new Headers({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': allowedHeaders,
        'access-control-max-age': PREFLIGHT_MAX_AGE,
        vary: 'Origin',
      });
      // Chrome's Private Network Access: a page on a LAN address may call the mock on loopback.
      if (request.headers.get('access-control-request-private-network') === 'true')
        headers.set('access-control-allow-private-network', 'true');
      return new Response(null, { status: 204, headers });
    },
    responseHeaders(request): Record<string, string> {
      const origin = request.headers.get('origin');
      // The answer depends on Origin, so caches must keep one per origin.
      if (!origin || !allows(origin)) return { vary: 'Origin' };
      return {
        vary: 'Origin',
        'access-control-allow-origin': origin,
        'access-control-expose-headers': exposedHeaders,
      };
    },
  };
}
