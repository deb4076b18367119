/**
 * The mock's own reading of KooDrive's app-signature rules. It deliberately shares no code with
 * @koodrive/client's signer: two readings of the documentation that must agree. It works on raw
 * bytes and the raw query string.
 */
import { remembered } from './remembered.js';

/** How far an X-Date may lie behind the server clock: 15 minutes, as the reference says. */
export const APP_SIGNATURE_WINDOW_MS = 15 * 60 * 1000;
/** The reference's hash of an empty body (a documented constant, not shared code). */
const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const REQUIRED_SIGNED = ['host', 'x-date', 'x-user-id'];

const UNRESERVED = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~');
const IS_UNRESERVED_CODE = Array.from({ length: 128 }, (_, code) => UNRESERVED.has(String.fromCharCode(code)));
const utf8 = new TextEncoder();

/** Percent-encodes every UTF-8 byte outside the unreserved set, upper-case hex. */
function percentEncode(text: string): string {
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) plain = IS_UNRESERVED_CODE[text.charCodeAt(i)] === true;
  if (plain) return text;
  let out = '';
  for (const byte of utf8.encode(text)) {
    const char = String.fromCharCode(byte);
    out += UNRESERVED.has(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function percentDecode(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

// A path of unreserved characters and slashes is its own canonical form (the common case).
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

function canonicalPath(pathname: string): string {
  const path = PLAIN_PATH.test(pathname)
    ? pathname
    : pathname
        .split('/')
        .map((segment) => percentEncode(percentDecode(segment, false)))
        .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

// A query of unreserved characters, `=` and `&` only decodes and encodes to itself (the common case).
const PLAIN_QUERY = /^\??[A-Za-z0-9\-_.~=&]*$/;

/** Parses the raw query string as a servlet container would (`+` is a space) and canonicalizes it. */
function canonicalQuery(rawSearch: string): string {
  const plain = PLAIN_QUERY.test(rawSearch);
  const canonical = (text: string) => (plain ? text : percentEncode(percentDecode(text, true)));
  const pairs = rawSearch
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals < 0 ? part : part.slice(0, equals);
      const value = equals < 0 ? '' : part.slice(equals + 1);
      return { name: canonical(name), value: canonical(value) };
    });
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((a, b) => compare(a.name, b.name) || compare(a.value, b.value));
  return pairs.map(({ name, value }) => `${name}=${value}`).join('&');
}

type NodeCrypto = typeof import('node:crypto');
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

// In Node the mock hashes as a server would, synchronously, and awaits nothing on that path;
// WebCrypto (a thread-pool round trip per call in Node) serves the MSW handlers in browsers.
// HMAC keys are prepared once per secret on either path.
type OneShotHash = {
  (algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'latin1'): string;
  (algorithm: string, data: string | Uint8Array, encoding: 'buffer'): Uint8Array;
};
const oneShotHash = (nodeCrypto as { hash?: OneShotHash } | undefined)?.hash;
const nodeHmacs = new Map<string, (data: string) => string>();
const webKeys = new Map<string, Promise<CryptoKey>>();

function sha256Hex(data: Uint8Array<ArrayBuffer> | string): string | Promise<string> {
  if (oneShotHash) return oneShotHash('sha256', data, 'hex');
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(data).digest('hex');
  return crypto.subtle.digest('SHA-256', typeof data === 'string' ? utf8.encode(data) : data).then(hex);
}

const HMAC_BLOCK = 64;
const HMAC_DIGEST = 32;

/**
 * HMAC-SHA256 as RFC 2104 writes it, H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), from two one-shot hashes
 * over pads made once per secret: at a few thousand requests a second, createHmac's setup per
 * call was the largest part of the mock's signature check. Each hash reads a buffer that starts
 * with its pad and is reused for every message (hashing is synchronous), so a check allocates no
 * buffer. Tested against createHmac.
 */
function oneShotHmac(hash: OneShotHash, secret: string): (data: string) => string {
  const secretBytes = utf8.encode(secret);
  const key = secretBytes.length > HMAC_BLOCK ? hash('sha256', secretBytes, 'buffer') : secretBytes;
  const padded = (fill: number, room: number) => {
    const block = new Uint8Array(HMAC_BLOCK + room);
    for (let index = 0; index < HMAC_BLOCK; index++) block[index] = (key[index] ?? 0) ^ fill;
    return block;
  };
  let inner = padded(0x36, 128);
  const outer = padded(0x5c, HMAC_DIGEST);
  return (data) => {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (HMAC_BLOCK + data.length * 3 > inner.length) {
      const grown = new Uint8Array(HMAC_BLOCK + data.length * 3);
      grown.set(inner.subarray(0, HMAC_BLOCK));
      inner = grown;
    }
    const { written } = utf8.encodeInto(data, inner.subarray(HMAC_BLOCK));
    // The inner digest as latin1 text: one character per byte.
    const innerDigest = hash('sha256', inner.subarray(0, HMAC_BLOCK + written), 'latin1');
    for (let index = 0; index < HMAC_DIGEST; index++) outer[HMAC_BLOCK + index] = innerDigest.charCodeAt(index);
    return hash('sha256', outer, 'hex');
  };
}

/** Lower-case hex HMAC-SHA256 of `data` keyed with `secret`. */
export function hmacHex(secret: string, data: string): string | Promise<string> {
  if (oneShotHash) {
    let hmac = nodeHmacs.get(secret);
    if (!hmac) {
      hmac = oneShotHmac(oneShotHash, secret);
      nodeHmacs.set(secret, hmac);
    }
    return hmac(data);
  }
  if (nodeCrypto) return nodeCrypto.createHmac('sha256', secret).update(data, 'utf8').digest('hex');
  let key = webKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    webKeys.set(secret, key);
  }
  return key.then((imported) => crypto.subtle.sign('HMAC', imported, utf8.encode(data))).then(hex);
}

// The three fields in the reference's order, as clients send them; other orders take the long way.
const USUAL_APP_AUTHORIZATION = /^HMAC-SHA256 AppId=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([^,\s]+)$/;

/** `HMAC-SHA256 AppId=…,SignedHeaders=…,Signature=…` → its three fields. */
export function readAppAuthorization(
  header: string,
): Record<'AppId' | 'SignedHeaders' | 'Signature', string> | undefined {
  const usual = USUAL_APP_AUTHORIZATION.exec(header);
  if (usual) return { AppId: usual[1] as string, SignedHeaders: usual[2] as string, Signature: usual[3] as string };
  if (!header.startsWith('HMAC-SHA256 ')) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice('HMAC-SHA256 '.length).split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const AppId = fields.get('AppId');
  const SignedHeaders = fields.get('SignedHeaders');
  const Signature = fields.get('Signature');
  return AppId && SignedHeaders && Signature ? { AppId, SignedHeaders, Signature } : undefined;
}

// Requests of the same second carry the same X-Date: the last one read is kept.
let lastXDate = { text: '', time: Number.NaN };

/** `20251103T070140Z` → its time, or NaN. */
export function parseXDate(xDate: string): number {
  if (xDate === lastXDate.text) return lastXDate.time;
  const parts = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(xDate);
  if (!parts) return Number.NaN;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as number[];
  const time = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second);
  lastXDate = { text: xDate, time };
  return time;
}

/** The parts of a received request that the mock's verifier reads. */
export interface SignedRequestParts {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * The mock's verdict on an app signature: the AppId it accepted, or the problem; with the canonical
 * request it computed, to debug a mismatch.
 */
export type AppSignatureCheck =
  | { ok: true; appId: string; canonicalRequest: string }
  | { ok: false; problem: string; canonicalRequest?: string };

/** A SignedHeaders field read: its names sorted, their `;` list, and the required ones it lacks. */
const signedHeadersOf = remembered((field: string) => {
  const names = field.split(';');
  const sorted = [...names].sort();
  return { sorted, list: sorted.join(';'), missing: REQUIRED_SIGNED.filter((name) => !names.includes(name)) };
});

const canonicalTargetOf = remembered((pathAndQuery: string) => {
  const queryStart = pathAndQuery.indexOf('?');
  const [path, search] =
    queryStart < 0 ? [pathAndQuery, ''] : [pathAndQuery.slice(0, queryStart), pathAndQuery.slice(queryStart)];
  return `${canonicalPath(path)}\n${canonicalQuery(search)}`;
});

/** The canonical URI and query lines of a request's raw path and query. */
const canonicalTarget = (pathname: string, search: string) => canonicalTargetOf(`${pathname}${search}`);

/** Verifies an app-signed request as the service does: fields, app, signed headers, time window, signature. */
export async function verifyAppSignature(
  request: SignedRequestParts,
  apps: Readonly<Record<string, string>>,
  now: number,
): Promise<AppSignatureCheck> {
  const authorization = readAppAuthorization(request.headers.authorization ?? '');
  if (!authorization) return { ok: false, problem: 'the app signature is malformed' };
  const secret = apps[authorization.AppId];
  if (secret === undefined) return { ok: false, problem: 'the AppId is not known' };
  const signed = signedHeadersOf(authorization.SignedHeaders);
  if (signed.missing.length > 0) {
    return { ok: false, problem: `SignedHeaders must include ${signed.missing.join(', ')}` };
  }

  const xDate = parseXDate(request.headers['x-date'] ?? '');
  if (Number.isNaN(xDate)) return { ok: false, problem: 'X-Date is missing or malformed' };
  if (xDate > now) return { ok: false, problem: 'X-Date is later than the server clock' };
  if (now - xDate > APP_SIGNATURE_WINDOW_MS) return { ok: false, problem: 'X-Date is more than 15 minutes old' };

  let headerLines = '';
  for (const name of signed.sorted) headerLines += `${name}:${(request.headers[name] ?? '').trim()}\n`;
  let bodyHash = request.body.length === 0 ? EMPTY_PAYLOAD_SHA256 : sha256Hex(request.body);
  if (typeof bodyHash !== 'string') bodyHash = await bodyHash;
  const canonicalRequest = `${request.method.toUpperCase()}\n${canonicalTarget(request.url.pathname, request.url.search)}\n${headerLines}\n${signed.list}\n${bodyHash}`;
  let canonicalHash = sha256Hex(canonicalRequest);
  if (typeof canonicalHash !== 'string') canonicalHash = await canonicalHash;
  let expected = hmacHex(secret, `HMAC-SHA256\n${canonicalHash}`);
  if (typeof expected !== 'string') expected = await expected;
  if (expected !== authorization.Signature.toLowerCase()) {
    return { ok: false, problem: 'the signature does not match', canonicalRequest };
  }
  return { ok: true, appId: authorization.AppId, canonicalRequest };
}
