/**
 * Presigned URLs of the mock's storage endpoint, shaped like the documented ones (S3 query
 * signing: `X-Amz-Algorithm`, `X-Amz-Date`, `X-Amz-SignedHeaders`, `X-Amz-Expires`,
 * `X-Amz-Credential`, `X-Amz-Signature`) and signed with an HMAC-SHA256 of the mock's own secret
 * (not AWS's key derivation: only the mock checks them). The signature covers the method, the path,
 * every other query parameter and the signed headers: `host`, and for a part upload the
 * `content-length` the part must have, as a URL signed with `content-length;host` does in S3.
 */

/** Query parameters every presigned URL carries. */
export const PRESIGN_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
  'X-Amz-Credential',
  'X-Mock-Url-Id',
  'X-Amz-Signature',
] as const;

const encoder = new TextEncoder();
const pad = (value: number) => String(value).padStart(2, '0');

/** `yyyyMMdd'T'HHmmss'Z'`, as X-Amz-Date. */
export function amzDate(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** The time an X-Amz-Date names, or undefined when it is not one. */
export function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year as number, (month as number) - 1, day, hour, minute, second));
}

const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/** What is signed: method, path, sorted query without the signature, signed header lines. */
function stringToSign(method: string, url: URL, signedHeaders: Record<string, string>): string {
  const query = [...url.searchParams]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .sort()
    .join('&');
  const headers = Object.keys(signedHeaders)
    .sort()
    .map((name) => `${name}:${signedHeaders[name]}`)
    .join('\n');
  return `${method}\n${url.pathname}\n${query}\n${headers}`;
}

const toHex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** Signs and checks the storage endpoint's URLs with one secret (Web Crypto: Node and browsers). */
export interface UrlSigner {
  /** Adds X-Amz-Signature to a URL whose other parameters are set. */
  sign(method: string, url: URL, signedHeaders: Record<string, string>): Promise<URL>;
  /** Whether the URL's X-Amz-Signature is the one the mock would compute for these headers. */
  verify(method: string, url: URL, signedHeaders: Record<string, string>): Promise<boolean>;
}

/** A signer with this secret. The secret stays in the closure: never in a URL, an error or a log. */
export function createUrlSigner(secret: string): UrlSigner {
  let key: Promise<CryptoKey> | undefined;
  const hmac = async (text: string) => {
    key ??= crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return toHex(await crypto.subtle.sign('HMAC', await key, encoder.encode(text)));
  };
  return {
    async sign(method, url, signedHeaders) {
      const signed = new URL(url);
      signed.searchParams.delete('X-Amz-Signature');
      signed.searchParams.set('X-Amz-Signature', await hmac(stringToSign(method, signed, signedHeaders)));
      return signed;
    },
    async verify(method, url, signedHeaders) {
      const given = url.searchParams.get('X-Amz-Signature') ?? '';
      const expected = await hmac(stringToSign(method, url, signedHeaders));
      let difference = given.length ^ expected.length;
      for (let index = 0; index < expected.length; index++)
        difference |= expected.charCodeAt(index) ^ (given.charCodeAt(index) || 0);
      return difference === 0;
    },
  };
}

/** A random secret for a mock that was given none. */
export function randomSecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)).buffer);
}
