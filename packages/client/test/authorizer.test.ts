import { describe, expect, it, vi } from 'vitest';
import { createAuthorizer, lazyAuthorizer } from '../src/auth/authorizer.js';

const request = () =>
  new Request('https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/space/usage/quota', {
    headers: { 'X-Date': '20251103T070140Z', 'X-User-Id': '1505084218764547200' },
  });

describe('lazyAuthorizer', () => {
  it('makes a request that comes while the code loads wait for it, then answers at once', async () => {
    let finishLoading: (authorize: () => string) => void = () => undefined;
    const authorize = lazyAuthorizer(
      () =>
        new Promise((resolve) => {
          finishLoading = resolve;
        }),
    );
    const early = authorize(request());
    expect(early).toBeInstanceOf(Promise);
    finishLoading(() => 'Bearer loaded');
    expect(await early).toBe('Bearer loaded');
    expect(authorize(request())).toBe('Bearer loaded');
  });

  it('fails each request that needs code that did not load, without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const authorize = lazyAuthorizer(() => Promise.reject(new Error('chunk failed to load')));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(authorize(request())).rejects.toThrow('chunk failed to load');
      await expect(authorize(request())).rejects.toThrow('chunk failed to load');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('createAuthorizer', () => {
  it('formats a fixed token once and answers without a promise', () => {
    const authorize = createAuthorizer({ type: 'token', token: 'abc' });
    expect(authorize(request())).toBe('Bearer abc');
  });

  it('asks a token function on every request', async () => {
    let calls = 0;
    const authorize = createAuthorizer({ type: 'token', token: () => `t${++calls}` });
    expect(await authorize(request())).toBe('Bearer t1');
    expect(await authorize(request())).toBe('Bearer t2');
  });

  it('loads the app signer on demand and signs with it', async () => {
    const authorize = createAuthorizer({ type: 'app', appId: 'app-1', appSecret: 'secret' });
    const header = await authorize(request());
    expect(header).toMatch(/^HMAC-SHA256 AppId=app-1,SignedHeaders=host;x-date;x-user-id,Signature=[0-9a-f]{64}$/);
    // Once loaded, node:crypto signs a bodiless request without a promise.
    expect(authorize(request())).toBe(header);
  });
});
