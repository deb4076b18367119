/**
 * The client's signer and the mock's verifier are two independent readings of the reference's
 * signing rules. On arbitrary requests they must agree, and any change to what is signed must
 * break the signature.
 */
import { verifyAppSignature } from '@koodrive/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppSigner } from '../src/app-signature.js';
import { formatXDate } from '../src/index.js';

const APP_ID = 'app-1';
const SECRET = 'secret-Kq2';
const apps = { [APP_ID]: SECRET };
const NOW = Date.parse('2025-11-03T07:01:40Z');
const signer = createAppSigner({ appId: APP_ID, appSecret: SECRET });

// Text with the characters that trip encoders: reserved, percent, plus, space, unicode, emoji.
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(
      '/',
      '?',
      '#',
      '&',
      '=',
      '+',
      '%',
      ' ',
      '!',
      '*',
      "'",
      '(',
      ')',
      '~',
      'é',
      '中',
      '😀',
      'a',
      'Z',
    ),
  }),
);

const arbitraryRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  segments: fc.array(tricky, { minLength: 1, maxLength: 4 }),
  query: fc.array(fc.tuple(tricky, tricky), { maxLength: 5 }),
  body: fc.oneof(fc.constant(new Uint8Array()), fc.uint8Array({ minLength: 1, maxLength: 300 })),
  userId: fc.stringMatching(/^[0-9]{1,19}$/),
});

type Arbitrary = typeof arbitraryRequest extends fc.Arbitrary<infer T> ? T : never;

function urlOf({ segments, query }: Pick<Arbitrary, 'segments' | 'query'>): URL {
  const url = new URL(`http://127.0.0.1:4010/${segments.map(encodeURIComponent).join('/')}`);
  url.search = new URLSearchParams(query).toString();
  return url;
}

async function signAndVerify(request: Arbitrary, tamper?: (parts: Parameters<typeof verifyAppSignature>[0]) => void) {
  const url = urlOf(request);
  const headers = { 'x-date': formatXDate(new Date(NOW - 1000)), 'x-user-id': request.userId };
  const body = request.method === 'GET' ? new Uint8Array() : request.body;
  const signature = await signer.sign({ method: request.method, url: url.href, headers, body });
  // What the server sees: the request line's path and query as sent, the headers, the body bytes.
  const parts = {
    method: request.method,
    url: new URL(url.href),
    headers: { ...headers, host: url.host, authorization: signature.headers.Authorization },
    body: new Uint8Array(body),
  };
  tamper?.(parts);
  return { signature, check: await verifyAppSignature(parts, apps, NOW) };
}

describe('client signer and mock verifier', () => {
  it('agree on arbitrary paths, queries and bodies, down to the canonical request', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (request) => {
        const { signature, check } = await signAndVerify(request);
        expect(check).toEqual({ ok: true, appId: APP_ID, canonicalRequest: signature.canonicalRequest });
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, (parts: Parameters<typeof verifyAppSignature>[0]) => void]>([
    [
      'the method',
      (parts) => {
        parts.method = parts.method === 'GET' ? 'POST' : 'GET';
      },
    ],
    [
      'the path',
      (parts) => {
        parts.url.pathname += 'x';
      },
    ],
    ['the query', (parts) => void parts.url.searchParams.append('extra', '1')],
    [
      'X-User-Id',
      (parts) => {
        parts.headers['x-user-id'] += '1';
      },
    ],
    [
      'Host',
      (parts) => {
        parts.headers.host = 'other.example';
      },
    ],
    [
      'X-Date',
      (parts) => {
        parts.headers['x-date'] = formatXDate(new Date(NOW - 2000));
      },
    ],
  ])('refuse a request whose %s changed after signing', async (_what, tamper) => {
    await fc.assert(
      fc.asyncProperty(arbitraryRequest, async (request) => {
        const { check } = await signAndVerify(request, tamper);
        expect(check).toMatchObject({ ok: false, problem: 'the signature does not match' });
      }),
      { numRuns: 60 },
    );
  });

  it('refuse a body with one byte changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryRequest.filter((request) => request.method !== 'GET' && request.body.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (request, position, delta) => {
          const { check } = await signAndVerify(request, (parts) => {
            const index = position % parts.body.length;
            parts.body[index] = ((parts.body[index] ?? 0) + delta) % 256;
          });
          expect(check).toMatchObject({ ok: false, problem: 'the signature does not match' });
        },
      ),
      { numRuns: 100 },
    );
  });
});
