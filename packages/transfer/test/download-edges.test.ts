/**
 * What a download does with storage answers the mock does not give: a storage that ignores Range,
 * a file that changes between two requests, a range that starts elsewhere, Retry-After. The
 * storage here is a stubbed fetch; the link is given, so no KooDrive call is made.
 */
import { describe, expect, it } from 'vitest';
import {
  downloadFile,
  type FetchFunction,
  KooDriveIntegrityError,
  KooDriveStorageError,
  type TransferClient,
} from '../src/index.js';
import { isExpiredUrl, urlExpiry } from '../src/storage-answer.js';

const URL_GIVEN = 'https://obs.example.com/bucket/file?X-Amz-Signature=secret';
const content = new TextEncoder().encode('0123456789abcdefghijklmnopqrstuvwxyz');
const noKooDrive: TransferClient = {
  request: () => {
    throw new Error('no KooDrive call expected');
  },
};

/** A body that sends `bytes` and then breaks (as a cut connection does). */
function breaking(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) controller.error(new TypeError('terminated'));
      else {
        sent = true;
        controller.enqueue(bytes);
      }
    },
  });
}

/** A stubbed storage answering each GET with the next of `answers`, recording the requests' headers. */
function storage(...answers: ((headers: Headers) => Response)[]) {
  const seen: Headers[] = [];
  const fetch: FetchFunction = async (_input, init) => {
    const headers = new Headers(init.headers);
    seen.push(headers);
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return answer(headers);
  };
  return { fetch, seen };
}

const whole =
  (etag = '"v1"') =>
  () =>
    new Response(breaking(content.subarray(0, 10)), {
      status: 200,
      headers: { 'content-length': String(content.length), etag },
    });

const read = async (fetch: FetchFunction) => {
  const { stream } = await downloadFile(noKooDrive, 'F1', {
    containerId: 'C1',
    url: URL_GIVEN,
    fetch,
    retry: { baseDelayMs: 1 },
  });
  return new TextDecoder().decode(await new Response(stream).arrayBuffer());
};

describe('resuming a broken download', () => {
  it('skips what it already has when the storage ignores Range and answers the whole file again', async () => {
    const { fetch, seen } = storage(whole(), () => new Response(content, { status: 200, headers: { etag: '"v1"' } }));
    expect(await read(fetch)).toBe(new TextDecoder().decode(content));
    expect(seen[1]?.get('range')).toBe('bytes=10-');
    expect(seen[1]?.get('if-range')).toBe('"v1"');
  });

  it('refuses to splice two versions of a file', async () => {
    const { fetch } = storage(whole('"v1"'), () => new Response(content, { status: 200, headers: { etag: '"v2"' } }));
    const error = await read(fetch).catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveIntegrityError);
    expect(error.message).toBe(
      'download of F1: the file changed while it was downloaded (ETag "v2", was "v1"); download it again',
    );
  });

  it('refuses a range that does not start where the download stands', async () => {
    const { fetch } = storage(
      whole(),
      () =>
        new Response(content.subarray(5), {
          status: 206,
          headers: { 'content-range': `bytes 5-35/${content.length}`, etag: '"v1"' },
        }),
    );
    const error = await read(fetch).catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveStorageError);
    expect(error.message).toContain('the range answered starts at byte 5, not 10');
    expect(error.message).not.toContain('secret');
  });

  it('waits as Retry-After says after a 503, then goes on', async () => {
    const { fetch, seen } = storage(
      whole(),
      () => new Response('<Error><Code>SlowDown</Code></Error>', { status: 503, headers: { 'retry-after': '0' } }),
      () =>
        new Response(content.subarray(10), {
          status: 206,
          headers: { 'content-range': `bytes 10-35/${content.length}`, etag: '"v1"' },
        }),
    );
    expect(await read(fetch)).toBe(new TextDecoder().decode(content));
    expect(seen).toHaveLength(3);
  });

  it('fails on a body longer than the size announced', async () => {
    const longer = () => new Response(new Uint8Array(50), { status: 200, headers: { 'content-length': '40' } });
    const { fetch } = storage(longer);
    // undici would refuse such a body itself; a stubbed fetch lets the check be seen.
    const error = await read(fetch).catch((caught) => caught);
    expect(error).toBeInstanceOf(KooDriveIntegrityError);
    expect(error.check).toBe('length');
  });
});

describe('presigned URLs', () => {
  it('say when they expire, from X-Amz-Date and X-Amz-Expires', () => {
    expect(urlExpiry('https://s/x?X-Amz-Date=20240104T025403Z&X-Amz-Expires=3600')).toBe(
      Date.UTC(2024, 0, 4, 3, 54, 3),
    );
    expect(urlExpiry('https://s/x?X-Amz-Date=2024&X-Amz-Expires=3600')).toBeUndefined();
    expect(urlExpiry('not a url')).toBeUndefined();
  });

  it('are refused as expired by a 403 that says so, and only then', () => {
    expect(isExpiredUrl(403, { code: 'AccessDenied', message: 'Request has expired' })).toBe(true);
    expect(isExpiredUrl(403, { code: 'SignatureDoesNotMatch' })).toBe(false);
    expect(isExpiredUrl(400, { message: 'expired' })).toBe(false);
  });
});
