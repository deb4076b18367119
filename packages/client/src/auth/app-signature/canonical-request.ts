/**
 * KooDrive's canonical request for app authentication, shared with Huawei's API-gateway signing:
 *
 *   Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 *
 * Pure functions of the request: no clock, no crypto, no network.
 */

/** The SHA-256 of an empty body, the payload hash of every GET. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/**
 * Remembers the last results of a pure function of a string. Clients call the same few paths and
 * queries over and over, and canonicalizing them costs about as much as both hashes together.
 */
function memoize<T>(compute: (input: string) => T, limit = 512): (input: string) => T {
  const cache = new Map<string, T>();
  return (input) => {
    let output = cache.get(input);
    if (output === undefined) {
      output = compute(input);
      if (cache.size >= limit) cache.clear();
      cache.set(input, output);
    }
    return output;
  };
}

/**
 * RFC 3986 encoding: every UTF-8 byte except `A-Z a-z 0-9 - _ . ~` as `%XY`, upper-case hex.
 * encodeURIComponent already does this but for `!'()*`, which it leaves alone. (Text taken from a
 * URL never holds a lone surrogate, the one input encodeURIComponent refuses.)
 */
export function rfc3986Encode(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text;
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeOrKeep(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` is a literal percent sign; it is encoded as %25 below.
    return segment;
  }
}

const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/**
 * The URL's path (already free of `.` and `..` segments, as URL parsing leaves it) with each
 * segment decoded once and RFC 3986-encoded, and a `/` appended when the path lacks one.
 */
export const canonicalUri = memoize((pathname: string): string => {
  const encoded = PLAIN_PATH.test(pathname)
    ? pathname
    : pathname
        .split('/')
        .map((segment) => rfc3986Encode(decodeOrKeep(segment)))
        .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
});

const byCharCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A query of unreserved characters, `=` and `&` only (`limit=100&offset=200`) is already encoded.
const PLAIN_QUERY = /^\??[A-Za-z0-9\-_.~=&]*$/;

function sortAndJoin(pairs: [string, string][]): string {
  pairs.sort(([nameA, valueA], [nameB, valueB]) => byCharCode(nameA, nameB) || byCharCode(valueA, valueB));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** The pairs of a plain query as URLSearchParams would read them, or undefined when one has two `=`. */
function plainPairs(search: string): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals < 0) pairs.push([part, '']);
    else if (part.indexOf('=', equals + 1) >= 0) return undefined;
    else pairs.push([part.slice(0, equals), part.slice(equals + 1)]);
  }
  return pairs;
}

/**
 * `name=value` pairs, each side RFC 3986-encoded, sorted by encoded name (character-code order,
 * so upper case before lower case) and, for a repeated name, by encoded value; joined with `&`.
 * A parameter without a value keeps its `=`. Takes the URL's `search` or its `searchParams`.
 */
export function canonicalQueryString(query: string | URLSearchParams): string {
  if (typeof query === 'string') return canonicalSearch(query);
  const pairs: [string, string][] = [];
  for (const [name, value] of query) pairs.push([rfc3986Encode(name), rfc3986Encode(value)]);
  return sortAndJoin(pairs);
}

const canonicalSearch = memoize((search: string): string => {
  const plain = PLAIN_QUERY.test(search) ? plainPairs(search) : undefined;
  return plain ? sortAndJoin(plain) : canonicalQueryString(new URLSearchParams(search));
});

/** What a request's URL gives its signature: the host it signs, and the canonical URI and query lines. */
export interface SigningTarget {
  host: string;
  /** `CanonicalURI \n CanonicalQueryString`. */
  uriAndQuery: string;
}

const targetOfUrl = (url: URL): SigningTarget => ({
  host: url.host,
  uriAndQuery: `${canonicalUri(url.pathname)}\n${canonicalQueryString(url.search)}`,
});

// A URL given as text is parsed once: the client signs the same few URLs over and over.
const targetOfText = memoize((url: string) => targetOfUrl(new URL(url)));

/** The signing target of a URL, given as a URL or as its text. */
export const signingTarget = (url: string | URL): SigningTarget =>
  typeof url === 'string' ? targetOfText(url) : targetOfUrl(url);

/**
 * The canonical request from its parts: `headers` holds the value of each of `signedHeaders`
 * (lower-case, sorted), and `signedHeaderList` is their `;`-joined list.
 */
export function canonicalRequestOf(
  method: string,
  target: SigningTarget,
  headers: Record<string, string>,
  signedHeaders: readonly string[],
  signedHeaderList: string,
  payloadHash: string,
): string {
  let canonicalHeaders = '';
  for (const name of signedHeaders) canonicalHeaders += `${name}:${(headers[name] ?? '').trim()}\n`;
  return `${method.toUpperCase()}\n${target.uriAndQuery}\n${canonicalHeaders}\n${signedHeaderList}\n${payloadHash}`;
}

/** What the canonical request is built from: the parts of the request the signature covers. */
export interface CanonicalRequestInput {
  method: string;
  url: URL;
  /** Lower-case header name → value, for every signed header. */
  headers: Record<string, string>;
  /** Lower-case names of the signed headers, sorted. */
  signedHeaders: readonly string[];
  /** Lower-case hex SHA-256 of the exact body bytes. */
  payloadHash: string;
}

/**
 * The canonical request of app authentication: method, canonical URI, canonical query string,
 * canonical headers, signed header names and payload hash, one per line.
 */
export function buildCanonicalRequest({
  method,
  url,
  headers,
  signedHeaders,
  payloadHash,
}: CanonicalRequestInput): string {
  return canonicalRequestOf(method, targetOfUrl(url), headers, signedHeaders, signedHeaders.join(';'), payloadHash);
}
