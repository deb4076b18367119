/**
 * KooDrive app authentication (AppId/AppSecret, HMAC-SHA256):
 *
 *   StringToSign  = "HMAC-SHA256\n" + hex(SHA256(CanonicalRequest))
 *   Signature     = hex(HMAC-SHA256(AppSecret, StringToSign))
 *   Authorization = HMAC-SHA256 AppId={appId},SignedHeaders=host;x-date;x-user-id,Signature={signature}
 *
 * No timestamp line and no credential scope, unlike Huawei's API-gateway `SDK-HMAC-SHA256`.
 */
import { canonicalRequestOf, EMPTY_BODY_SHA256, signingTarget } from './canonical-request.js';
import { defaultSigningCrypto, type SigningCrypto } from './signing-crypto.js';

/** The algorithm name that starts the string to sign and the Authorization header. */
export const APP_SIGNATURE_ALGORITHM = 'HMAC-SHA256';

/** The headers every signature covers, as the reference's example does. */
export const REQUIRED_SIGNED_HEADERS = ['host', 'x-date', 'x-user-id'] as const;

/** An app's AppId and AppSecret, as KooDrive issues them. */
export interface AppCredentials {
  appId: string;
  appSecret: string;
}

/** The parts of a request that app authentication signs. */
export interface SignableRequest {
  method: string;
  url: string | URL;
  /** The headers that will be sent; `host` is taken from the URL, as fetch sends it. */
  headers: Headers | Record<string, string>;
  /** The exact body bytes that will be sent. */
  body?: Uint8Array | string | null | undefined;
}

/** Everything the signer computed for one request: its steps, for debugging, and the header to send. */
export interface AppSignature {
  canonicalRequest: string;
  stringToSign: string;
  /** Lower-case hex. */
  signature: string;
  /** e.g. `host;x-date;x-user-id`. */
  signedHeaders: string;
  /** The headers to send, today only Authorization. */
  headers: { Authorization: string };
}

/** The signer of one app, from createAppSigner. */
export interface AppSigner {
  readonly appId: string;
  /** Which implementation hashes: `node` (node:crypto) or `webcrypto`. */
  readonly cryptoKind: SigningCrypto['kind'];
  sign(request: SignableRequest): Promise<AppSignature>;
}

/** Options of createAppSigner. */
export interface AppSignerOptions {
  /** More headers to sign beside host, x-date and x-user-id. */
  signedHeaders?: readonly string[];
  /** Hashing implementation; default node:crypto where available, else WebCrypto. */
  crypto?: (appSecret: string) => SigningCrypto;
  /**
   * The error for a header the signature needs and the request lacks. Passed in (the public
   * signer and the client give a KooDriveValidationError) so that this module, which the client
   * loads on demand, imports nothing the client's entry has.
   */
  missingHeader?: (name: string) => Error;
}

function headerLookup(headers: Headers | Record<string, string>): (name: string) => string | undefined {
  if (headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  return (name) => {
    if (name in headers) return headers[name];
    for (const key in headers) if (key.toLowerCase() === name) return headers[key];
    return undefined;
  };
}

const isEmpty = (body: SignableRequest['body']) => body === undefined || body === null || body.length === 0;

/** Continues with a value at once, or once its promise settles: node:crypto answers synchronously. */
export function andThen<T, U>(value: T | Promise<T>, next: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Signs one request: synchronously with node:crypto, through a promise with WebCrypto. */
export type SignNow = (request: SignableRequest) => AppSignature | Promise<AppSignature>;

/**
 * The signing work of one app, for createAppSigner and for the client's authorizer. The AppSecret
 * is imported once here and kept out of reach: it is not a property, so neither errors nor
 * `util.inspect` can show it.
 */
export function createSignNow(
  credentials: AppCredentials,
  options: AppSignerOptions = {},
): { kind: SigningCrypto['kind']; signNow: SignNow } {
  const { appId, appSecret } = credentials;
  const hashing = (options.crypto ?? defaultSigningCrypto)(appSecret);
  const signedHeaderNames = [
    ...new Set([...REQUIRED_SIGNED_HEADERS, ...(options.signedHeaders ?? []).map((name) => name.toLowerCase())]),
  ].sort();
  const signedHeaders = signedHeaderNames.join(';');

  function signNow(request: SignableRequest): AppSignature | Promise<AppSignature> {
    const target = signingTarget(request.url);
    const lookup = headerLookup(request.headers);
    const headers: Record<string, string> = {};
    for (const name of signedHeaderNames) {
      const value = name === 'host' ? target.host : lookup(name);
      if (value === undefined || value === '') {
        throw (options.missingHeader ?? ((header) => new Error(`header ${header} is required for app authentication`)))(
          name,
        );
      }
      headers[name] = value;
    }
    const payloadHash = isEmpty(request.body) ? EMPTY_BODY_SHA256 : hashing.sha256Hex(request.body as Uint8Array);
    return andThen(payloadHash, (payloadHash) => {
      const canonicalRequest = canonicalRequestOf(
        request.method,
        target,
        headers,
        signedHeaderNames,
        signedHeaders,
        payloadHash,
      );
      return andThen(hashing.sha256Hex(canonicalRequest), (canonicalHash) => {
        const stringToSign = `${APP_SIGNATURE_ALGORITHM}\n${canonicalHash}`;
        return andThen(hashing.hmacHex(stringToSign), (signature) => {
          const authorization = `${APP_SIGNATURE_ALGORITHM} AppId=${appId},SignedHeaders=${signedHeaders},Signature=${signature}`;
          return {
            canonicalRequest,
            stringToSign,
            signature,
            signedHeaders,
            headers: { Authorization: authorization },
          };
        });
      });
    });
  }

  return { kind: hashing.kind, signNow };
}

/** The fields of an app-signature Authorization header, as parseAppAuthorization reads them. */
export interface ParsedAppAuthorization {
  appId: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads an app-signature Authorization header; undefined when it is not one. */
export function parseAppAuthorization(header: string): ParsedAppAuthorization | undefined {
  const match = /^HMAC-SHA256 AppId=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/.exec(
    header.trim(),
  );
  if (!match) return undefined;
  const [, appId, signedHeaders, signature] = match as unknown as [string, string, string, string];
  return { appId, signedHeaders: signedHeaders.split(';'), signature };
}
