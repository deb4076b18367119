/**
 * Whatever comes back (any status, body, content type or header), a call resolves to data or a
 * KooDriveApiError, or rejects with a KooDriveError; it never throws anything else and never hangs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKooDriveClient, defaultRetryPolicy, KooDriveApiError, KooDriveError } from '../src/index.js';
import { parseJsonLosslessly } from '../src/response/parse-json.js';
import { backoffDelay, retryAfterDelay } from '../src/retry/backoff.js';
import { QUOTA_PATH, TOKEN, USER_ID } from './helpers.js';

// Statuses a Response may not carry a body with.
const NULL_BODY = new Set([204, 205, 304]);

const anyBody = fc.oneof(
  fc.string(),
  fc.json(),
  fc.uint8Array({ maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '{"code":',
    '{"code":"APIGW.0301"}',
    '[1,2]',
    'null',
    '<html>502</html>',
    '{"code":0}',
    '{"code":12345678901234567890}',
  ),
);

const anyResponse = fc.record({
  status: fc.integer({ min: 200, max: 599 }),
  body: anyBody,
  contentType: fc.constantFrom('application/json', 'text/html', 'text/plain', 'application/octet-stream', ''),
  retryAfter: fc.option(fc.oneof(fc.nat({ max: 3 }).map(String), fc.string().map(printable).filter(waitsLittle)), {
    nil: undefined,
  }),
});

/** Header values carry printable ASCII only. */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '');
}

/**
 * Retry-After is honoured for up to 60 s, and a random string can read as one ("42", or a date ahead):
 * the property is about how a call ends, not how long it waits, so it keeps waits to a few seconds.
 */
function waitsLittle(value: string): boolean {
  return (retryAfterDelay(value, Date.now()) ?? 0) <= 3_000;
}

function stubbed(answer: typeof anyResponse extends fc.Arbitrary<infer T> ? T : never) {
  return async () => {
    const headers = new Headers();
    if (answer.contentType) headers.set('content-type', answer.contentType);
    if (answer.retryAfter !== undefined) headers.set('retry-after', answer.retryAfter);
    return new Response(NULL_BODY.has(answer.status) ? null : (answer.body as BodyInit), {
      status: answer.status,
      headers,
    });
  };
}

describe('hostile responses', () => {
  it('end in data or a typed error, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(anyResponse, async (answer) => {
        const kd = createKooDriveClient({
          userId: USER_ID,
          auth: { type: 'token', token: TOKEN },
          fetch: stubbed(answer),
          retry: { maxRetries: 1, baseDelayMs: 0, maxDelayMs: 0 },
          timeout: 5_000,
        });
        try {
          const { data, error } = await kd.GET(QUOTA_PATH);
          if (error) expect(error).toBeInstanceOf(KooDriveApiError);
          else expect(typeof data).toBe('object');
        } catch (thrown) {
          expect(thrown).toBeInstanceOf(KooDriveError);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never takes a non-JSON 2xx body for data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 299 }).filter((status) => !NULL_BODY.has(status)),
        fc.constantFrom('', '<p>ok</p>', '{"code":0,"msg":"succ'),
        async (status, body) => {
          const kd = createKooDriveClient({
            userId: USER_ID,
            auth: { type: 'token', token: TOKEN },
            fetch: async () => new Response(body, { status }),
            retry: false,
          });
          const { data, error } = await kd.GET(QUOTA_PATH);
          expect(data).toBeUndefined();
          expect(error?.msg).toMatch(/^the response body is (empty|not JSON)/);
        },
      ),
    );
  });
});

describe('retry policy', () => {
  it('waits a random time below min(cap, base × 2^retry)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, random) => {
          const delay = backoffDelay(retry, defaultRetryPolicy, () => random);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(8000, 500 * 2 ** retry) + 1);
        },
      ),
    );
    expect(backoffDelay(0, defaultRetryPolicy, () => 0.999)).toBe(499);
    expect(backoffDelay(10, defaultRetryPolicy, () => 0.5)).toBe(4000);
  });

  it('reads Retry-After as seconds or an HTTP date, capped at 60 s', () => {
    const now = Date.parse('2025-11-03T07:01:40Z');
    expect(retryAfterDelay('3', now)).toBe(3000);
    expect(retryAfterDelay('Mon, 03 Nov 2025 07:01:50 GMT', now)).toBe(10_000);
    expect(retryAfterDelay('Mon, 03 Nov 2025 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterDelay('3600', now)).toBe(60_000);
    expect(retryAfterDelay('soon', now)).toBeUndefined();
    expect(retryAfterDelay(null, now)).toBeUndefined();
  });
});

describe('parseJsonLosslessly', () => {
  it('reads any JSON as JSON.parse does when it holds no integer beyond 2^53', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const expected: unknown = JSON.parse(text);
        fc.pre(!/\d{16,}/.test(text));
        expect(parseJsonLosslessly(text)).toEqual(expected);
      }),
    );
  });

  it('keeps every big integer exact, in any position, and leaves strings alone', () => {
    const unsafe = fc.oneof(
      fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }),
      fc.bigInt({ min: -(2n ** 70n), max: -(2n ** 53n) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(unsafe, fc.string())), (pairs) => {
        const text = `{"rows":[${pairs.map(([big, label]) => `{"id":${big},"label":${JSON.stringify(`${label}${big}`)}}`).join(',')}]}`;
        const parsed = parseJsonLosslessly(text) as { rows: { id: bigint; label: string }[] };
        expect(parsed.rows).toEqual(pairs.map(([big, label]) => ({ id: big, label: `${label}${big}` })));
      }),
    );
  });

  it('finds a big integer wherever JSON allows one: top level, after white space, in arrays and objects', () => {
    const unsafe = fc
      .tuple(fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }), fc.boolean())
      .map(([big, negative]) => (negative ? -big : big));
    const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');
    fc.assert(
      fc.property(unsafe, space, space, (big, before, after) => {
        const shapes = [`${before}${big}${after}`, `[1,${before}${big}${after}]`, `{"a":${before}${big}${after}}`];
        for (const text of shapes) {
          const parsed = parseJsonLosslessly(text);
          expect(JSON.stringify(parsed, (_key, value) => (typeof value === 'bigint' ? `${value}n` : value))).toContain(
            `${big}n`,
          );
        }
      }),
    );
    expect(parseJsonLosslessly('9007199254740993')).toBe(9007199254740993n);
  });
});
