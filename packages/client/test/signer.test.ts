import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCanonicalRequest,
  canonicalQueryString,
  canonicalUri,
  createAppSigner,
  EMPTY_BODY_SHA256,
  nodeSigningCrypto,
  parseAppAuthorization,
  rfc3986Encode,
  webSigningCrypto,
} from '../src/app-signature.js';
import { KooDriveValidationError } from '../src/index.js';

const APP = { appId: 'a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1', appSecret: 'app-secret-Zq8' };
const signed = (url: string, extra: Record<string, string> = {}) => ({
  method: 'GET',
  url,
  headers: { 'X-Date': '20240909T033325Z', 'X-User-Id': '1505084218764547200', ...extra },
});

describe("Huawei API-gateway's published vector (same canonical rules)", () => {
  // support.huaweicloud.com, API signing guide, page api-sign-algorithm-005
  const url = new URL(
    'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  );
  const canonical = buildCanonicalRequest({
    method: 'GET',
    url,
    headers: {
      'content-type': 'application/json',
      host: 'service.region.example.com',
      'x-sdk-date': '20191115T033655Z',
    },
    signedHeaders: ['content-type', 'host', 'x-sdk-date'],
    payloadHash: EMPTY_BODY_SHA256,
  });

  it.each([
    ['node:crypto', nodeSigningCrypto('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc')],
    ['WebCrypto', webSigningCrypto('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc')],
  ])(
    'reproduces the canonical-request hash and, with its string to sign, the signature (%s)',
    async (_name, crypto) => {
      if (!crypto) throw new Error('node:crypto is not available');
      const hash = await crypto.sha256Hex(canonical);
      expect(hash).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
      const signature = await crypto.hmacHex(`SDK-HMAC-SHA256\n20191115T033655Z\n${hash}`);
      expect(signature).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
    },
  );
});

describe('canonical parts', () => {
  it('encodes path segments per RFC 3986 and adds a trailing slash for signing only', () => {
    expect(canonicalUri('/koodrive/ose/v1/space/usage/quota')).toBe('/koodrive/ose/v1/space/usage/quota/');
    expect(canonicalUri('/a%20b/c!d/%E4%B8%AD/')).toBe('/a%20b/c%21d/%E4%B8%AD/');
    expect(canonicalUri('/100%/x')).toBe('/100%25/x/');
  });

  it('sorts the query by encoded name in character-code order, keeps empty values and repeated names', () => {
    const query = new URLSearchParams([
      ['b', '2'],
      ['a', 'z'],
      ['B', ''],
      ['a', 'y'],
      ['a-b', '1'],
      ['na me', 'v*l'],
    ]);
    expect(canonicalQueryString(query)).toBe('B=&a=y&a=z&a-b=1&b=2&na%20me=v%2Al');
  });

  it('encodes every byte outside A-Za-z0-9-_.~ as upper-case %XY', () => {
    expect(rfc3986Encode("AZaz09-_.~ !'()*/+=é")).toBe('AZaz09-_.~%20%21%27%28%29%2A%2F%2B%3D%C3%A9');
  });
});

describe('createAppSigner', () => {
  it('signs host;x-date;x-user-id with the URL’s host and port, and builds the documented header', async () => {
    const signature = await createAppSigner(APP).sign(
      signed('http://127.0.0.1:8080/koodrive/ose/v1/space/usage/quota?limit=1'),
    );
    expect(signature.canonicalRequest).toBe(
      [
        'GET',
        '/koodrive/ose/v1/space/usage/quota/',
        'limit=1',
        'host:127.0.0.1:8080\nx-date:20240909T033325Z\nx-user-id:1505084218764547200\n',
        'host;x-date;x-user-id',
        EMPTY_BODY_SHA256,
      ].join('\n'),
    );
    expect(signature.stringToSign).toMatch(/^HMAC-SHA256\n[0-9a-f]{64}$/);
    expect(signature.headers.Authorization).toBe(
      `HMAC-SHA256 AppId=${APP.appId},SignedHeaders=host;x-date;x-user-id,Signature=${signature.signature}`,
    );
  });

  it('gives the same results with node:crypto and WebCrypto on the same inputs', async () => {
    const node = createAppSigner(APP, { crypto: (secret) => nodeSigningCrypto(secret) ?? webSigningCrypto(secret) });
    const web = createAppSigner(APP, { crypto: webSigningCrypto });
    expect([node.cryptoKind, web.cryptoKind]).toEqual(['node', 'webcrypto']);
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.uint8Array({ maxLength: 512 }), fc.string(), async (segment, body, value) => {
        const request = {
          ...signed(`https://h.example/${encodeURIComponent(segment)}?q=${encodeURIComponent(value)}`),
          method: 'POST',
          body,
        };
        expect(await node.sign(request)).toEqual(await web.sign(request));
      }),
      { numRuns: 200 },
    );
  });

  it('computes the HMAC of node:crypto, for any secret (longer than a block, non-ASCII) and messages in turn', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 1 }),
          fc.string({ minLength: 60, maxLength: 200 }),
          fc.string({ unit: 'grapheme', minLength: 1 }),
        ),
        // Several messages on one key, short after long: each is hashed alone, whatever came before.
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 4 }),
        (secret, messages) => {
          const hashing = nodeSigningCrypto(secret);
          for (const message of messages) {
            expect(hashing?.hmacHex(message)).toBe(createHmac('sha256', secret).update(message).digest('hex'));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses to sign without X-User-Id or X-Date, naming the header', async () => {
    const signer = createAppSigner(APP);
    await expect(
      signer.sign({ method: 'GET', url: 'https://h.example/', headers: { 'X-Date': '20240909T033325Z' } }),
    ).rejects.toThrow(new KooDriveValidationError('header x-user-id', 'is required for app authentication'));
  });

  it('signs extra headers when asked, sorted with the required ones', async () => {
    const signature = await createAppSigner(APP, { signedHeaders: ['Content-Type'] }).sign(
      signed('https://h.example/x', { 'content-type': 'application/json' }),
    );
    expect(signature.signedHeaders).toBe('content-type;host;x-date;x-user-id');
  });

  it('keeps the AppSecret out of inspection', () => {
    const signer = createAppSigner(APP);
    expect(inspect(signer, { depth: 10, showHidden: true })).not.toContain(APP.appSecret);
    expect(JSON.stringify(signer)).not.toContain(APP.appSecret);
  });
});

describe('parseAppAuthorization', () => {
  it('reads the reference’s example header', () => {
    const header =
      'HMAC-SHA256 AppId=a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1,SignedHeaders=host;x-date;x-user-id,Signature=bd355f202be40f95bf9510fd7bd48ad711a7d144c01df07d515ee0fbf3a47416';
    expect(parseAppAuthorization(header)).toEqual({
      appId: 'a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1',
      signedHeaders: ['host', 'x-date', 'x-user-id'],
      signature: 'bd355f202be40f95bf9510fd7bd48ad711a7d144c01df07d515ee0fbf3a47416',
    });
    expect(parseAppAuthorization('Bearer abc')).toBeUndefined();
  });
});
