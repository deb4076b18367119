/**
 * Signing in and keeping the session alive, against the mock KooDrive over loopback: the sign-in
 * URL and its code, createSession, the 20-minute idle limit on the mock's clock, refreshing before
 * it and after a 401, one refresh shared by concurrent calls, refresh failures, logout, and the
 * five Session Management operations and getJsSdkInfo called through the client.
 */
import { inspect } from 'node:util';
import {
  type MockSession,
  makeMockState,
  type RunningMockKooDrive,
  startMockKooDrive,
  TOKEN_IDLE_MS,
} from '@koodrive/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  authSession,
  createSession,
  GetService,
  getAuthCodeURL,
  getJsSdkInfo,
  logout,
  refreshSession,
} from '../src/generated/operations/index.js';
import {
  createKooDriveClient,
  createKooDriveSignIn,
  createSessionAuth,
  KooDriveApiError,
  KooDriveConnectionError,
  KooDriveSessionExpiredError,
  KooDriveValidationError,
  type SessionAuthOptions,
  unwrap,
} from '../src/index.js';
import { TOKEN } from './helpers.js';

const MINUTE = 60_000;
const DOMAIN = 'app.example.com';

let now: number;
const clock = () => new Date(now);
let mock: RunningMockKooDrive;

beforeEach(async () => {
  now = Date.UTC(2026, 0, 5, 9, 0, 0);
  mock = await startMockKooDrive({ clock, tokens: [TOKEN], state: makeMockState() });
});
afterEach(() => mock.close());

/** The recorded requests as `METHOD path status`, to read what went on the wire in order. */
const wire = () => mock.requests.map((request) => `${request.method} ${request.url.pathname} ${request.status}`);
const refreshes = () => mock.requests.filter((request) => request.url.pathname === '/koodrive/ose/v1/session/refresh');
const lastAuthorization = () => mock.requests.at(-1)?.headers.authorization;
const mockSession = (): MockSession => {
  const session = mock.state.org.sessions.at(-1);
  if (!session) throw new Error('the mock has no session');
  return session;
};

/** The whole sign-in as a front end does it: the URL, the OrgID page's redirect with the code, createSession. */
async function signIn(options: { loginHint?: string } & Partial<SessionAuthOptions> = {}) {
  const { loginHint, ...sessionOptions } = options;
  const helpers = createKooDriveSignIn({ baseUrl: mock.url, clock });
  const { uri } = await helpers.signInUrl(DOMAIN);
  const page = await fetch(loginHint ? `${uri}&login_hint=${loginHint}` : uri, { redirect: 'manual' });
  expect(page.status).toBe(302);
  const code = new URL(page.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const session = await helpers.createSession(code, sessionOptions);
  const kd = createKooDriveClient({ baseUrl: mock.url, userId: session.userId, auth: session.auth, clock });
  mock.reset();
  return { ...session, kd, code, helpers };
}

describe('signing in', () => {
  it('getAuthCodeURL gives the sign-in URL for the front end’s domain, sent without X-User-Id or Authorization', async () => {
    const { uri, orgIdHost } = await createKooDriveSignIn({ baseUrl: mock.url }).signInUrl(DOMAIN);
    const url = new URL(uri);
    expect(url.origin).toBe(orgIdHost);
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(mock.state.org.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(`https://${DOMAIN}/cloudfile/index.html`);
    const [request] = mock.requests;
    expect(request?.url.searchParams.get('domain')).toBe(DOMAIN);
    expect(request?.headers['x-user-id']).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('the sign-in page redirects to the front end with a code; createSession exchanges it for a working session', async () => {
    const { userId, user, kd, auth } = await signIn();
    const administrator = mock.state.org.users.find((candidate) => candidate.id === mock.state.org.administratorId);
    expect(userId).toBe(administrator?.userId);
    expect(user).toMatchObject({ userName: 'Tenant Administrator', role: '2', orgId: mock.state.org.orgId });
    const me = await unwrap(authSession(kd));
    expect(me.data?.userId).toBe(userId);
    // createSession's token already carries its scheme: it goes out as it came, never "Bearer Bearer …".
    expect(lastAuthorization()).toMatch(/^Bearer [0-9a-f]{48}$/);
    expect(lastAuthorization()).toBe(auth.snapshot().accessToken);
  });

  it('createSession is sent without X-User-Id or Authorization, and a code works once', async () => {
    const helpers = createKooDriveSignIn({ baseUrl: mock.url });
    const { uri } = await helpers.signInUrl(DOMAIN);
    const code = new URL((await fetch(uri, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get(
      'code',
    ) as string;
    await helpers.createSession(code);
    const exchange = mock.requests.find((request) => request.url.pathname === '/koodrive/ose/v1/session');
    expect(exchange?.headers['x-user-id']).toBeUndefined();
    expect(exchange?.headers.authorization).toBeUndefined();
    const again = helpers.createSession(code);
    await expect(again).rejects.toThrow(KooDriveApiError);
    await expect(again).rejects.toMatchObject({
      status: 400,
      code: 13000101,
      msg: expect.stringMatching(/already used/),
    });
  });

  it('a code older than 5 minutes is refused', async () => {
    const helpers = createKooDriveSignIn({ baseUrl: mock.url });
    const { uri } = await helpers.signInUrl(DOMAIN);
    const code = new URL((await fetch(uri, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get(
      'code',
    ) as string;
    now += 5 * MINUTE + 1000;
    await expect(helpers.createSession(code)).rejects.toMatchObject({ msg: expect.stringMatching(/expired/) });
  });

  it('login_hint signs in another user of the organization, whom the session then acts for', async () => {
    const someone = mock.state.org.users[3];
    const { userId, kd } = await signIn({ loginHint: someone?.userId ?? '' });
    expect(userId).toBe(someone?.userId);
    expect((await unwrap(authSession(kd))).data?.userName).toBe(someone?.name);
  });

  it('bad input is refused before anything is sent, naming the field and not the value', async () => {
    const helpers = createKooDriveSignIn({ baseUrl: mock.url });
    await expect(helpers.signInUrl('')).rejects.toThrow(KooDriveValidationError);
    const secret = 'abc\r\nX-Injected: 1';
    const refused = helpers.createSession(secret);
    await expect(refused).rejects.toThrow('code: must not contain CR or LF');
    await expect(refused).rejects.not.toThrow(/abc/);
    expect(() => createSessionAuth({ accessToken: '', sessionId: 's' })).toThrow('accessToken: must not be empty');
    expect(() => createSessionAuth({ accessToken: 't', sessionId: 's', refreshAfterIdleMs: 0 })).toThrow(
      'refreshAfterIdleMs',
    );
    expect(mock.requests).toHaveLength(0);
  });

  it('the mock refuses a domain that is not a host name', async () => {
    const result = await getAuthCodeURL(anyTokenClient(), { params: { query: { domain: 'not a host/x' } } });
    expect(result.error).toMatchObject({ status: 400, code: 13000102 });
  });
});

/** A client with a fixed token the mock accepts: for calls that take no authorization, any credential will do. */
function anyTokenClient() {
  return createKooDriveClient({
    baseUrl: mock.url,
    userId: '1505084218764547200',
    auth: { type: 'token', token: TOKEN },
  });
}

describe('the token’s 20 idle minutes, on the mock’s clock', () => {
  it('the mock refuses a token unused for 20 minutes, and every call restarts the 20 minutes', async () => {
    const { auth } = await signIn();
    // A plain token client, which never refreshes: what KooDrive does to a token left alone.
    const plain = createKooDriveClient({
      baseUrl: mock.url,
      userId: '1505084218764547200',
      auth: { type: 'token', token: auth.snapshot().accessToken },
      clock,
    });
    now += TOKEN_IDLE_MS - 1000;
    expect((await GetService(plain)).error).toBeUndefined();
    now += TOKEN_IDLE_MS - 1000;
    expect((await GetService(plain)).error).toBeUndefined();
    now += TOKEN_IDLE_MS;
    const { error } = await GetService(plain);
    expect(error).toMatchObject({ status: 401, kind: 'unauthorized', msg: expect.stringMatching(/20 minutes/) });
  });

  it('the credential refreshes before a call once the token has been idle 18 minutes, with the session ID', async () => {
    const onRefresh = vi.fn();
    const { kd, auth } = await signIn({ onRefresh });
    const before = auth.snapshot();
    now += 18 * MINUTE;
    expect((await GetService(kd)).error).toBeUndefined();
    expect(wire()).toEqual(['POST /koodrive/ose/v1/session/refresh 200', 'GET /koodrive/ose/v1/service 200']);
    const [refresh, call] = mock.requests;
    expect(refresh?.headers.authorization).toBe(before.accessToken);
    expect(refresh?.headers['x-session-id']).toBe(before.sessionId);
    expect(refresh?.headers['x-user-id']).toBeUndefined();
    // refreshSession's token comes as `Bearer+…` (the reference's example): sent as it is.
    expect(call?.headers.authorization).toMatch(/^Bearer\+[0-9a-f]{48}$/);
    expect(call?.headers.authorization).toBe(auth.snapshot().accessToken);
    expect(onRefresh).toHaveBeenCalledExactlyOnceWith({
      accessToken: auth.snapshot().accessToken,
      sessionId: before.sessionId,
    });
    // The old token is gone on the mock's side.
    expect(mockSession().replacedTokens).toHaveLength(1);
  });

  it('an onRefresh callback that throws does not fail the call that needed the refresh', async () => {
    const { kd } = await signIn({
      onRefresh: () => {
        throw new Error('storage full');
      },
    });
    now += 18 * MINUTE;
    expect((await GetService(kd)).error).toBeUndefined();
    expect(refreshes()).toHaveLength(1);
  });

  it('a session in use is not refreshed: each call restarts the idle time', async () => {
    const { kd } = await signIn();
    for (let step = 0; step < 4; step++) {
      now += 15 * MINUTE;
      expect((await GetService(kd)).error).toBeUndefined();
    }
    expect(refreshes()).toHaveLength(0);
  });

  it('a 401 for a token the mock expired is refreshed once and the call retried once', async () => {
    const { kd } = await signIn();
    // The mock's idle clock ran out while the credential's did not (a server that expired it early).
    mockSession().lastUsedAt -= TOKEN_IDLE_MS;
    const { data, error } = await GetService(kd);
    expect(error).toBeUndefined();
    expect(data?.data?.organizationId).toBe(mock.state.org.orgId);
    expect(wire()).toEqual([
      'GET /koodrive/ose/v1/service 401',
      'POST /koodrive/ose/v1/session/refresh 200',
      'GET /koodrive/ose/v1/service 200',
    ]);
  });
});

describe('one refresh for concurrent calls', () => {
  it('calls that find the token idle wait for one refresh and all go out with the new token', async () => {
    const { kd, auth } = await signIn();
    now += 19 * MINUTE;
    const results = await Promise.all(Array.from({ length: 6 }, () => GetService(kd)));
    expect(results.every((result) => result.error === undefined)).toBe(true);
    expect(refreshes()).toHaveLength(1);
    const calls = mock.requests.filter((request) => request.url.pathname === '/koodrive/ose/v1/service');
    expect(calls).toHaveLength(6);
    for (const call of calls) expect(call.headers.authorization).toBe(auth.snapshot().accessToken);
    expect(mock.requests[0]?.url.pathname).toBe('/koodrive/ose/v1/session/refresh');
  });

  it('refresh() called while a refresh is under way joins it', async () => {
    const { kd, auth } = await signIn();
    now += 19 * MINUTE;
    await Promise.all([auth.refresh(), GetService(kd), auth.refresh(), GetService(kd)]);
    expect(refreshes()).toHaveLength(1);
    await auth.refresh();
    expect(refreshes()).toHaveLength(2);
  });

  it('calls refused together with 401 share one refresh, then each is retried once', async () => {
    const { kd } = await signIn();
    mockSession().lastUsedAt -= TOKEN_IDLE_MS;
    const results = await Promise.all(Array.from({ length: 6 }, () => GetService(kd)));
    expect(results.every((result) => result.error === undefined)).toBe(true);
    expect(refreshes()).toHaveLength(1);
    const statuses = mock.requests
      .filter((request) => request.url.pathname === '/koodrive/ose/v1/service')
      .map((request) => request.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(6);
    expect(statuses.filter((status) => status === 200)).toHaveLength(6);
  });
});

describe('when refreshing fails', () => {
  it('a refused refresh after a 401 ends with KooDriveSessionExpiredError, and later calls fail before sending', async () => {
    const { kd, auth } = await signIn();
    mockSession().ended = 'revoked';
    const failed = GetService(kd);
    await expect(failed).rejects.toThrow(KooDriveSessionExpiredError);
    const error = (await failed.catch((caught: unknown) => caught)) as KooDriveSessionExpiredError;
    expect(error.reason).toBe('refresh-refused');
    expect(error.cause).toBeInstanceOf(KooDriveApiError);
    expect(error.cause).toMatchObject({ operationId: 'refreshSession', status: 401 });
    expect(wire()).toEqual(['GET /koodrive/ose/v1/service 401', 'POST /koodrive/ose/v1/session/refresh 401']);
    expect(auth.ended).toBe(true);
    const sent = mock.requests.length;
    await expect(GetService(kd)).rejects.toThrow(KooDriveSessionExpiredError);
    await expect(auth.refresh()).rejects.toThrow(KooDriveSessionExpiredError);
    expect(mock.requests).toHaveLength(sent);
  });

  it('a refused refresh before a call (idle token) ends the session without sending the call', async () => {
    const { kd } = await signIn();
    mockSession().ended = 'revoked';
    now += 19 * MINUTE;
    await expect(GetService(kd)).rejects.toMatchObject({
      name: 'KooDriveSessionExpiredError',
      reason: 'refresh-refused',
    });
    expect(wire()).toEqual(['POST /koodrive/ose/v1/session/refresh 401']);
  });

  it('a refresh that fails for a reason another try may get past (HTTP 500) leaves the session usable', async () => {
    const { kd, auth } = await signIn();
    mock.use('refreshSession', () => ({ status: 500, body: { code: 13000201, msg: 'inner server invoke failure' } }));
    now += 19 * MINUTE;
    await expect(GetService(kd)).rejects.toMatchObject({ operationId: 'refreshSession', kind: 'server-error' });
    expect(auth.ended).toBe(false);
    mock.reset();
    expect((await GetService(kd)).error).toBeUndefined();
    expect(wire()).toEqual(['POST /koodrive/ose/v1/session/refresh 200', 'GET /koodrive/ose/v1/service 200']);
  });

  it('a refreshed session whose new token is refused again is not refreshed in a loop', async () => {
    const { kd } = await signIn();
    // Every call is refused; refreshing works but does not help.
    mock.use('GetService', () => ({ status: 401, body: { code: 13000101, msg: 'authentication failed' } }));
    const { error } = await GetService(kd);
    expect(error).toMatchObject({ status: 401 });
    expect(refreshes()).toHaveLength(1);
    expect(wire().filter((line) => line.startsWith('GET'))).toHaveLength(2);
  });
});

describe('logout', () => {
  it('ends the session on both sides: the mock refuses its token, the credential sends nothing more', async () => {
    const { kd, auth } = await signIn();
    const { accessToken } = auth.snapshot();
    await auth.logout();
    expect(wire()).toEqual(['GET /koodrive/ose/v1/session/logoff 200']);
    expect(mock.requests[0]?.headers.authorization).toBe(accessToken);
    expect(mockSession().ended).toBe('logout');
    expect(auth.ended).toBe(true);
    await expect(GetService(kd)).rejects.toMatchObject({ name: 'KooDriveSessionExpiredError', reason: 'signed-out' });
    const plain = createKooDriveClient({ baseUrl: mock.url, userId: '1', auth: { type: 'token', token: accessToken } });
    expect((await GetService(plain)).error).toMatchObject({ status: 401, msg: expect.stringMatching(/signed out/) });
    await auth.logout();
    expect(wire().filter((line) => line.includes('logoff'))).toHaveLength(1);
  });

  it('resolves when KooDrive says the session was over already', async () => {
    const { auth } = await signIn();
    mockSession().ended = 'revoked';
    await expect(auth.logout()).resolves.toBeUndefined();
    expect(wire()).toEqual(['GET /koodrive/ose/v1/session/logoff 401']);
    expect(auth.ended).toBe(true);
  });
  it('ends the credential even when KooDrive cannot be reached, and says why', async () => {
    const { auth } = await signIn();
    const unreachable = createSessionAuth({ ...auth.snapshot(), baseUrl: 'http://127.0.0.1:9', retry: false });
    await expect(unreachable.logout()).rejects.toThrow(KooDriveConnectionError);
    expect(unreachable.ended).toBe(true);
  });
});

describe('keep-alive', () => {
  it('refreshes on a timer when no call comes, and stops when told', async () => {
    const { auth } = await signIn({ keepAlive: true, refreshAfterIdleMs: 40 });
    await vi.waitFor(() => expect(refreshes().length).toBeGreaterThanOrEqual(2), { timeout: 2000, interval: 20 });
    auth.stopKeepAlive();
    const count = refreshes().length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(refreshes()).toHaveLength(count);
  });

  it('is off by default: an idle session is not refreshed behind the app’s back', async () => {
    await signIn({ refreshAfterIdleMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(refreshes()).toHaveLength(0);
  });
});

describe('tokens and their schemes', () => {
  it('a token without a scheme gets the client’s format; one with a scheme is sent as it is', async () => {
    const { auth } = await signIn();
    const { accessToken, sessionId } = auth.snapshot();
    const bare = accessToken.replace(/^Bearer /, '');
    const send = async (options: Partial<SessionAuthOptions>) => {
      const credential = createSessionAuth({ baseUrl: mock.url, accessToken: bare, sessionId, clock, ...options });
      const kd = createKooDriveClient({ baseUrl: mock.url, userId: '1', auth: credential, clock });
      expect((await GetService(kd)).error).toBeUndefined();
      return lastAuthorization();
    };
    expect(await send({})).toBe(`Bearer ${bare}`);
    expect(await send({ format: 'bearer-plus' })).toBe(`Bearer+${bare}`);
    expect(await send({ accessToken: `Bearer+${bare}` })).toBe(`Bearer+${bare}`);
  });
});

describe('the Session Management operations and getJsSdkInfo, by name', () => {
  it('each is called through the client, with the session’s token where the spec asks for one', async () => {
    const { kd, auth, helpers } = await signIn();
    const { sessionId } = auth.snapshot();
    const anonymous = anyTokenClient();

    const url = await unwrap(getAuthCodeURL(anonymous, { params: { query: { domain: DOMAIN } } }));
    expect(url.uri).toContain('/oauth2/authorize?');
    const code = new URL((await fetch(url.uri ?? '', { redirect: 'manual' })).headers.get('location') ?? '');
    const created = await unwrap(createSession(anonymous, { body: { code: code.searchParams.get('code') ?? '' } }));
    expect(created.data?.accessToken).toMatch(/^Bearer /);
    expect(created.data?.sessionId).toMatch(/^[0-9a-f]{48}$/);

    const checked = await unwrap(authSession(kd));
    expect(checked.data?.tenantId).toBe(mock.state.org.tenantId);

    const sdk = await unwrap(getJsSdkInfo(kd));
    expect(JSON.parse(sdk.data?.orgid_config ?? '{}')).toMatchObject({
      sdk_auth_code: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const second = await unwrap(getJsSdkInfo(kd));
    expect(second.data?.orgid_config).not.toBe(sdk.data?.orgid_config);

    const refreshed = await unwrap(refreshSession(kd, { params: { header: { 'x-session-id': sessionId } } }));
    expect(refreshed.accessToken).toMatch(/^Bearer\+[0-9a-f]{48}$/);
    // Refreshing behind the credential's back replaced its token: its next call is refused, and the
    // credential's own refresh (with the replaced token) is refused too: the session is over for it.
    await expect(authSession(kd)).rejects.toThrow(KooDriveSessionExpiredError);

    const other = await helpers.createSession(
      new URL((await fetch(url.uri ?? '', { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get(
        'code',
      ) ?? '',
    );
    const otherClient = createKooDriveClient({ baseUrl: mock.url, userId: other.userId, auth: other.auth });
    expect((await unwrap(logout(otherClient))).code).toBe(0);
    expect(
      mock.state.org.sessions.find((session) => session.sessionId === other.auth.snapshot().sessionId)?.ended,
    ).toBe('logout');
  });

  it('app signatures are refused before sending: these operations take a user token only', async () => {
    const app = createKooDriveClient({
      baseUrl: mock.url,
      userId: '1505084218764547200',
      auth: { type: 'app', appId: 'org-app', appSecret: 'org-secret' },
    });
    for (const call of [
      () => authSession(app),
      () => getJsSdkInfo(app),
      () => refreshSession(app, { params: { header: { 'x-session-id': 'x' } } }),
    ]) {
      await expect(call()).rejects.toThrow(KooDriveValidationError);
    }
    expect(mock.requests).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('neither the token nor the session ID shows in the credential, its errors or a refused call', async () => {
    const { auth, kd } = await signIn();
    const { accessToken, sessionId } = auth.snapshot();
    const bare = accessToken.replace(/^Bearer /, '');
    expect(inspect(auth, { depth: 5, getters: true })).not.toContain(bare);
    expect(inspect(auth, { depth: 5, getters: true })).not.toContain(sessionId);
    mockSession().ended = 'revoked';
    const error = await GetService(kd).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(KooDriveSessionExpiredError);
    const shown = `${String(error)} ${(error as Error).stack} ${inspect(error, { depth: 5 })}`;
    expect(shown).not.toContain(bare);
    expect(shown).not.toContain(sessionId);
  });
});
