/**
 * SHA-256 and HMAC-SHA256 for the signer, keyed once per client.
 *
 * node:crypto is about 30 times faster than WebCrypto for small inputs and synchronous, so it is
 * used wherever the runtime offers it (Node, Bun, Deno), found through `process.getBuiltinModule`
 * so that no `node:` import reaches a browser bundle. Elsewhere, WebCrypto. Both give the same hex.
 */

export interface SigningCrypto {
  readonly kind: 'node' | 'webcrypto';
  /** Lower-case hex SHA-256. */
  sha256Hex(data: string | Uint8Array): string | Promise<string>;
  /** Lower-case hex HMAC-SHA256 keyed with the AppSecret. */
  hmacHex(data: string): string | Promise<string>;
}

type NodeCrypto = typeof import('node:crypto');

/** A Node built-in module, where the runtime has them (Node, Bun, Deno), without a static import. */
function nodeBuiltin<Module>(id: string): Module | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.(id) as Module | undefined;
}

function nodeCryptoModule(): NodeCrypto | undefined {
  return nodeBuiltin<NodeCrypto>('node:crypto');
}

/** Hashing with node:crypto (Node, Bun, Deno), keyed once; undefined where the runtime has no node:crypto. */
export function nodeSigningCrypto(appSecret: string): SigningCrypto | undefined {
  const nodeCrypto = nodeCryptoModule();
  if (!nodeCrypto) return undefined;
  // crypto.hash (Node 20.12+) hashes in one call, about three times faster than createHash for small inputs.
  const { hash } = nodeCrypto as { hash?: OneShotHash };
  if (hash)
    return { kind: 'node', sha256Hex: (data) => hash('sha256', data, 'hex'), hmacHex: oneShotHmac(hash, appSecret) };
  // A KeyObject holds the secret once, instead of the string being re-read on every HMAC.
  const key = nodeCrypto.createSecretKey(appSecret, 'utf8');
  return {
    kind: 'node',
    sha256Hex: (data) => nodeCrypto.createHash('sha256').update(data).digest('hex'),
    hmacHex: (data) => nodeCrypto.createHmac('sha256', key).update(data).digest('hex'),
  };
}

type OneShotHash = {
  (algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'latin1'): string;
  (algorithm: string, data: string | Uint8Array, encoding: 'buffer'): Uint8Array;
};

const SHA256_BLOCK = 64;
const SHA256_BYTES = 32;

/**
 * HMAC-SHA256 (RFC 2104) as two one-shot hashes over the key's padded blocks, prepared once:
 * H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)). Timed inside a busy client, createHmac took about twice its
 * tight-loop time and this less (README, Performance); the signer tests check it against
 * createHmac. Each hash reads a buffer that starts with its pad and is reused for every message
 * (hashing is synchronous, so no two messages share it at once): no allocation per signature but
 * the digests. The pads derive from the secret, so they stay in this closure.
 */
function oneShotHmac(hash: OneShotHash, appSecret: string): (data: string) => string {
  const { Buffer } = nodeBuiltin('node:buffer') as typeof import('node:buffer');
  const secret = Buffer.from(appSecret, 'utf8');
  const key = secret.length > SHA256_BLOCK ? hash('sha256', secret, 'buffer') : secret;
  const padded = (fill: number, room: number) => {
    const block = Buffer.alloc(SHA256_BLOCK + room, 0);
    for (let index = 0; index < SHA256_BLOCK; index++) block[index] = (key[index] ?? 0) ^ fill;
    return block;
  };
  // The string to sign is 76 bytes ("HMAC-SHA256\n" and 64 hex digits); longer messages grow it.
  let inner = padded(0x36, 128);
  const outer = padded(0x5c, SHA256_BYTES);
  return (data) => {
    const length = Buffer.byteLength(data, 'utf8');
    if (SHA256_BLOCK + length > inner.length) {
      const grown = Buffer.alloc(SHA256_BLOCK + length);
      inner.copy(grown, 0, 0, SHA256_BLOCK);
      inner = grown;
    }
    inner.write(data, SHA256_BLOCK, 'utf8');
    // The inner digest as latin1 text, one character per byte, written back as those bytes.
    outer.write(hash('sha256', inner.subarray(0, SHA256_BLOCK + length), 'latin1'), SHA256_BLOCK, 'latin1');
    return hash('sha256', outer, 'hex');
  };
}

const utf8 = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Hashing with WebCrypto (browsers, workers, and anywhere else); the key is imported once, on first use. */
export function webSigningCrypto(appSecret: string): SigningCrypto {
  const { subtle } = globalThis.crypto;
  // Imported on first use and kept: one importKey per client, not per request.
  let key: Promise<CryptoKey> | undefined;
  const hmacKey = () => {
    key ??= subtle.importKey('raw', utf8.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return key;
  };
  const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
    typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data);
  return {
    kind: 'webcrypto',
    sha256Hex: async (data) => toHex(await subtle.digest('SHA-256', bytes(data))),
    hmacHex: async (data) => toHex(await subtle.sign('HMAC', await hmacKey(), utf8.encode(data))),
  };
}

/** node:crypto where the runtime has it, WebCrypto otherwise. */
export function defaultSigningCrypto(appSecret: string): SigningCrypto {
  return nodeSigningCrypto(appSecret) ?? webSigningCrypto(appSecret);
}
