import { describe, expect, it, vi } from 'vitest';
import { lazyAuthorizer } from '../src/auth/app-credential.js';
import { credentialsOf } from '../src/auth/auth-option.js';
import { credentialFor } from '../src/auth/credential.js';
import { missingCredentialProblem } from '../src/auth/missing-credential.js';
import type { OperationFacts } from '../src/operations/operation-facts.js';

const request = () => ({
  method: 'GET',
  url: 'https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/space/usage/quota',
  headers: new Headers({ 'X-Date': '20251103T070140Z', 'X-User-Id': '1505084218764547200' }),
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

const attempt = request;
const only = (auth: Parameters<typeof credentialsOf>[0]) => [...credentialsOf(auth).values()][0];

describe('credentials from the auth option', () => {
  it('formats a fixed token once and answers without a promise', () => {
    expect(only({ type: 'token', token: 'abc' })?.authorize(attempt())).toBe('Bearer abc');
  });

  it('asks a token function on every request', async () => {
    let calls = 0;
    const credential = only({ type: 'token', token: () => `t${++calls}` });
    expect(await credential?.authorize(attempt())).toBe('Bearer t1');
    expect(await credential?.authorize(attempt())).toBe('Bearer t2');
  });

  it('loads the app signer on demand and signs with it', async () => {
    const credential = only({ type: 'app', appId: 'app-1', appSecret: 'secret' });
    const header = await credential?.authorize(attempt());
    expect(header).toMatch(/^HMAC-SHA256 AppId=app-1,SignedHeaders=host;x-date;x-user-id,Signature=[0-9a-f]{64}$/);
    // Once loaded, node:crypto signs a bodiless request without a promise.
    expect(credential?.authorize(attempt())).toBe(header);
  });

  it('holds one credential per scheme from { user, app, appToken }', () => {
    const set = credentialsOf({ user: 'u', app: { appId: 'a', appSecret: 's' }, appToken: { token: 't' } });
    expect([...set.keys()]).toEqual(['kooDriveToken', 'kooDriveAppSignature', 'kooDriveAppToken']);
    expect(set.get('kooDriveAppToken')?.authorize(attempt())).toBe('Bearer t');
  });

  it('takes credentials of your own (an auth strategy)', () => {
    const mine = { scheme: 'kooDriveToken', authorize: () => 'Bearer mine' };
    expect(credentialsOf([mine]).get('kooDriveToken')).toBe(mine);
    expect(credentialsOf(mine).get('kooDriveToken')).toBe(mine);
  });

  it('names the credential that is wrong', () => {
    expect(() => credentialsOf({ user: '' })).toThrow(/auth\.user: is missing/);
    expect(() => credentialsOf({ app: { appId: 'a', appSecret: '' } })).toThrow(/auth\.app\.appSecret: is missing/);
    expect(() => credentialsOf({})).toThrow(/auth: holds no credential/);
  });
});

describe('the credential an operation gets', () => {
  const facts = (security: OperationFacts['security']): OperationFacts => ({
    id: 'op',
    method: 'GET',
    path: '/p',
    safe: true,
    security,
  });
  const both = credentialsOf({ user: 'u', app: { appId: 'a', appSecret: 's' } });

  it('is the first alternative of the spec the client holds', () => {
    expect(credentialFor(facts([['kooDriveToken'], ['kooDriveAppSignature']]), both)?.scheme).toBe('kooDriveToken');
    expect(credentialFor(facts([['kooDriveAppToken'], ['kooDriveAppSignature']]), both)?.scheme).toBe(
      'kooDriveAppSignature',
    );
  });

  it('is none for an operation that takes no authorization', () => {
    expect(credentialFor(facts([[]]), both)).toBeNull();
    expect(credentialFor(facts([['kooDriveToken'], []]), credentialsOf({ appToken: 't' }))).toBeNull();
  });

  it('is undefined when the client holds none, and the problem names both sides', () => {
    expect(credentialFor(facts([['kooDriveAppToken']]), both)).toBeUndefined();
    const problem = missingCredentialProblem(facts([['kooDriveAppToken']]), both);
    expect(problem).toContain('accepts an app-level token (auth.appToken)');
    expect(problem).toContain('the client has a user access token (auth.user), an app signature (auth.app)');
  });
});
