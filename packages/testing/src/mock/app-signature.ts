/**
 * The mock's own reading of KooDrive's app-signature rules. It deliberately shares no code with
 * @koodrive/client's signer: two readings of the documentation that must agree. It works on raw
 * bytes and the raw query string.
 */

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

/** Parses the raw query string as a servlet container would (`+` is a space) and canonicalizes it. */
function canonicalQuery(rawSearch: string): string {
  const pairs = rawSearch
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals < 0 ? part : part.slice(0, equals);
      const value = equals < 0 ? '' : part.slice(equals + 1);
      return { name: percentEncode(percentDecode(name, true)), value: percentEncode(percentDecode(value, true)) };
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
// HMAC keys are imported once per secret on either path.
const nodeKeys = new Map<string, ReturnType<NodeCrypto['createSecretKey']>>();
const webKeys = new Map<string, Promise<CryptoKey>>();

const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string })
  ?.hash;

function sha256Hex(data: Uint8Array<ArrayBuffer> | string): string | Promise<string> {
  if (oneShotHash) return oneShotHash('sha256', data, 'hex');
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(data).digest('hex');
  return crypto.subtle.digest('SHA-256', typeof data === 'string' ? utf8.encode(data) : data).then(hex);
}

function hmacHex(secret: string, data: string): string | Promise<string> {
  if (nodeCrypto) {
    let key = nodeKeys.get(secret);
    if (!key) {
      key = nodeCrypto.createSecretKey(secret, 'utf8');
      nodeKeys.set(secret, key);
    }
    return nodeCrypto.createHmac('sha256', key).update(data, 'utf8').digest('hex');
  }
  let key = webKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    webKeys.set(secret, key);
  }
  return key.then((imported) => crypto.subtle.sign('HMAC', imported, utf8.encode(data))).then(hex);
}

/** `HMAC-SHA256 AppId=…,SignedHeaders=…,Signature=…` → its three fields. */
export function readAppAuthorization(
  header: string,
): Record<'AppId' | 'SignedHeaders' | 'Signature', string> | undefined {
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

/** `20251103T070140Z` → its time, or NaN. */
export function parseXDate(xDate: string): number {
  const parts = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(xDate);
  if (!parts) return Number.NaN;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as number[];
  return Date.UTC(year as number, (month as number) - 1, day, hour, minute, second);
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
  const signed = authorization.SignedHeaders.split(';');
  const missing = REQUIRED_SIGNED.filter((name) => !signed.includes(name));
  if (missing.length > 0) return { ok: false, problem: `SignedHeaders must include ${missing.join(', ')}` };

  const xDate = parseXDate(request.headers['x-date'] ?? '');
  if (Number.isNaN(xDate)) return { ok: false, problem: 'X-Date is missing or malformed' };
  if (xDate > now) return { ok: false, problem: 'X-Date is later than the server clock' };
  if (now - xDate > APP_SIGNATURE_WINDOW_MS) return { ok: false, problem: 'X-Date is more than 15 minutes old' };

  const headerLines = [...signed]
    .sort()
    .map((name) => `${name}:${(request.headers[name] ?? '').trim()}\n`)
    .join('');
  let bodyHash = request.body.length === 0 ? EMPTY_PAYLOAD_SHA256 : sha256Hex(request.body);
  if (typeof bodyHash !== 'string') bodyHash = await bodyHash;
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url.search),
    headerLines,
    [...signed].sort().join(';'),
    bodyHash,
  ].join('\n');
  let canonicalHash = sha256Hex(canonicalRequest);
  if (typeof canonicalHash !== 'string') canonicalHash = await canonicalHash;
  let expected = hmacHex(secret, `HMAC-SHA256\n${canonicalHash}`);
  if (typeof expected !== 'string') expected = await expected;
  if (expected !== authorization.Signature.toLowerCase()) {
    return { ok: false, problem: 'the signature does not match', canonicalRequest };
  }
  return { ok: true, appId: authorization.AppId, canonicalRequest };
}
