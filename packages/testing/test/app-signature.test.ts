import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockKooDrive, readAppAuthorization, startMockKooDrive } from '../src/index.js';
import { hmacHex } from '../src/mock/app-signature.js';
import { goodHeaders, QUOTA_PATH } from './helpers.js';

const APP_ID = 'a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1';
const NOW = new Date('2025-11-03T07:01:40Z');
const authorization = (fields = `AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=${'0'.repeat(64)}`) =>
  `HMAC-SHA256 ${fields}`;

let mock: RunningMockKooDrive;
beforeAll(async () => {
  mock = await startMockKooDrive({ apps: { [APP_ID]: 'secret' }, clock: () => NOW, exposeCanonicalRequest: true });
});
afterAll(() => mock.close());

async function send(headers: Record<string, string>) {
  const response = await fetch(`${mock.url}${QUOTA_PATH}?limit=1`, { headers });
  const body = (await response.json()) as { code: number; msg: string };
  return { status: response.status, msg: body.msg, canonical: response.headers.get('x-mock-canonical-request') };
}

describe('the mock’s app-signature checks', () => {
  it.each([
    ['an X-Date later than its clock', { 'x-date': '20251103T070141Z' }, 'X-Date is later than the server clock'],
    ['an X-Date more than 15 minutes old', { 'x-date': '20251103T064639Z' }, 'X-Date is more than 15 minutes old'],
    [
      'an unknown AppId',
      { authorization: authorization('AppId=nobody,SignedHeaders=host;x-date;x-user-id,Signature=00') },
      'the AppId is not known',
    ],
    [
      'SignedHeaders without x-user-id',
      { authorization: authorization(`AppId=${APP_ID},SignedHeaders=host;x-date,Signature=00`) },
      'SignedHeaders must include x-user-id',
    ],
    ['a malformed header', { authorization: 'HMAC-SHA256 AppId=x' }, 'the app signature is malformed'],
  ])('answers 401 for %s', async (_case, overrides, problem) => {
    const { status, msg } = await send(goodHeaders({ authorization: authorization(), ...overrides }));
    expect(status).toBe(401);
    expect(msg).toBe(`authentication failed: ${problem}`);
  });

  it('accepts an X-Date exactly 15 minutes old as far as time goes, then checks the signature', async () => {
    const { status, msg, canonical } = await send(
      goodHeaders({ authorization: authorization(), 'x-date': '20251103T064640Z' }),
    );
    expect(status).toBe(401);
    expect(msg).toBe('authentication failed: the signature does not match');
    expect(JSON.parse(canonical ?? '""')).toBe(
      [
        'GET',
        `${QUOTA_PATH}/`,
        'limit=1',
        `host:${new URL(mock.url).host}\nx-date:20251103T064640Z\nx-user-id:1505084218764547200\n`,
        'host;x-date;x-user-id',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
  });

  it('reads the fields in any order, with spaces after the commas', () => {
    expect(
      readAppAuthorization('HMAC-SHA256 Signature=ab01, AppId=app-1, SignedHeaders=host;x-date;x-user-id'),
    ).toEqual({
      AppId: 'app-1',
      SignedHeaders: 'host;x-date;x-user-id',
      Signature: 'ab01',
    });
  });

  it('reads the reference’s example header', () => {
    expect(
      readAppAuthorization(
        'HMAC-SHA256 AppId=a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1,SignedHeaders=host;x-date;x-user-id,Signature=bd355f202be40f95bf9510fd7bd48ad711a7d144c01df07d515ee0fbf3a47416',
      ),
    ).toEqual({
      AppId: 'a378331eca141163119eb602adb67b7802cc79cd33ba44c7d2fe61d1586c96a1',
      SignedHeaders: 'host;x-date;x-user-id',
      Signature: 'bd355f202be40f95bf9510fd7bd48ad711a7d144c01df07d515ee0fbf3a47416',
    });
  });
});

describe('the mock’s HMAC-SHA256', () => {
  it('agrees with node:crypto’s createHmac for any secret and messages in turn', () => {
    fc.assert(
      fc.property(
        // Secrets up to twice the 64-byte block (longer ones are hashed first), any Unicode.
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 130 }),
        // Several messages on one secret, short after long: each is hashed alone.
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 4 }),
        (secret, messages) => {
          for (const message of messages) {
            expect(hmacHex(secret, message)).toBe(createHmac('sha256', secret).update(message, 'utf8').digest('hex'));
          }
        },
      ),
    );
  });
});
