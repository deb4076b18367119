/**
 * Sign-in and sessions in the mock KooDrive, as the reference describes the flow:
 *
 *   getAuthCodeURL(domain) → the sign-in URL (here the mock's own stand-in for OrgID's page)
 *   GET that URL           → 302 to the front end's redirect URI with `?code=…` (single-use, 5 minutes)
 *   createSession(code)    → accessToken (`Bearer …`) and sessionId
 *   any call               → the token lives 20 minutes after its last use, by the mock's clock
 *   refreshSession         → a new token (`Bearer+…`, as the reference's example writes it); the old one is refused
 *   logout                 → the session ends; its tokens are refused
 *
 * Readings: the reference does not say whether refreshSession takes a token that idled out. Its
 * flow (refresh when a call is refused for an expired token) and the separate session ID suggest
 * that the session outlives its token, so refreshSession and logout accept the session's current
 * token however long it was idle, as long as the session has not ended. Other calls refuse it.
 */

import type { AuthenticationOptions } from '../authenticate.js';
import { errorBody, resultCodes } from '../errors.js';
import type { MockState } from '../types.js';
import type { MockOrganization, MockSession, MockSessionEnd, MockUser } from './org.js';

/** A token dies after this long without a call (the reference's 20 minutes). */
export const TOKEN_IDLE_MS = 20 * 60_000;
/** An authorization code from the sign-in page must be exchanged within this long. */
export const SIGN_IN_CODE_TTL_MS = 5 * 60_000;
/** Where the mock serves its stand-in for OrgID's sign-in page. */
export const ORGID_AUTHORIZE_PATH = '/oauth2/authorize';

/** Operations that take the session's current token even after it idled out (see the readings above). */
const TAKE_IDLE_TOKEN = new Set(['refreshSession', 'logout']);

const ENDINGS: Record<MockSessionEnd, string> = {
  logout: 'the user signed out',
  revoked: 'the session was revoked',
  'user-deleted': 'the user was deleted',
};

/** `length` random hexadecimal characters (tokens and codes are secrets: never predictable). */
export function randomHex(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, length);
}

const isLoopback = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i.test(host);

/** The origin of a host as seen in a Host header: http on loopback (the mock's server), https elsewhere. */
export const originOf = (host: string) => `${isLoopback(host) ? 'http' : 'https'}://${host}`;

const HOST = /^(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+(?::\d{1,5})?$/;

/**
 * The front end's page OrgID sends the code back to, for getAuthCodeURL's `domain`: a host (as the
 * reference's example sends it) or an origin. Undefined when `domain` is neither.
 */
export function redirectUriFor(domain: string): string | undefined {
  const origin = /^https?:\/\/[^/?#@]+\/?$/i.test(domain)
    ? domain.replace(/\/$/, '')
    : HOST.test(domain)
      ? originOf(domain)
      : undefined;
  return origin && `${origin}/cloudfile/index.html`;
}

/** The sign-in URL getAuthCodeURL answers: the mock's OrgID page, shaped as the reference's example. */
export function signInUrl(org: MockOrganization, mockOrigin: string, redirectUri: string): string {
  const query = new URLSearchParams({ response_type: 'code', client_id: org.clientId, scope: 'phone profile email' });
  // The reference's example leaves redirect_uri unencoded after the other parameters.
  return `${mockOrigin}${ORGID_AUTHORIZE_PATH}?${query}&redirect_uri=${redirectUri}`;
}

/**
 * Issues a single-use authorization code for a user (the administrator by default), as OrgID does
 * after a sign-in. Tests can call it to skip the sign-in page.
 */
export function issueSignInCode(org: MockOrganization, now: number, user: string = org.administratorId): string {
  const code = randomHex(96);
  org.signInCodes.push({ code, user, issuedAt: now, used: false });
  return code;
}

const signInFailure = (msg: string) =>
  Response.json(errorBody(resultCodes.parameterValidationFailed, msg), { status: 400 });

/**
 * The mock's stand-in for OrgID's sign-in page: a GET of the URL getAuthCodeURL gave signs in at
 * once (the administrator, or the user `login_hint` names) and redirects to `redirect_uri` with
 * the code (and `state`, when given). Undefined for any other path.
 */
export function orgIdSignIn(method: string, url: URL, state: MockState, now: number): Response | undefined {
  if (url.pathname !== ORGID_AUTHORIZE_PATH) return undefined;
  const org = state.org;
  if (method !== 'GET') return signInFailure('the sign-in page takes GET');
  const query = url.searchParams;
  if (query.get('response_type') !== 'code') return signInFailure('response_type must be code');
  if (query.get('client_id') !== org.clientId) return signInFailure('client_id is not this organization’s');
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri || !/^https?:\/\//i.test(redirectUri)) return signInFailure('redirect_uri must be an http(s) URL');
  const hint = query.get('login_hint');
  const user = hint ? org.users.find((candidate) => candidate.id === hint || candidate.userId === hint) : undefined;
  if (hint && !user) return signInFailure(`login_hint names no user of the organization: ${hint}`);
  if (user && user.status !== 0) return signInFailure('the account is disabled');
  const target = new URL(redirectUri);
  target.searchParams.set('code', issueSignInCode(org, now, user?.id));
  const oauthState = query.get('state');
  if (oauthState !== null) target.searchParams.set('state', oauthState);
  return new Response(null, { status: 302, headers: { location: target.href } });
}

/** Exchanges a code for a new session, or says why it cannot. */
export function startSession(
  org: MockOrganization,
  code: string,
  now: number,
): { session: MockSession; user: MockUser } | { refused: string } {
  const issued = org.signInCodes.find((candidate) => candidate.code === code);
  if (!issued) return { refused: 'the authorization code is not valid' };
  if (issued.used) return { refused: 'the authorization code was already used' };
  issued.used = true;
  if (now - issued.issuedAt > SIGN_IN_CODE_TTL_MS) return { refused: 'the authorization code expired' };
  const user = org.users.find((candidate) => candidate.id === issued.user);
  if (!user) return { refused: 'the user who signed in is no longer in the organization' };
  const session: MockSession = {
    sessionId: randomHex(48),
    user: user.id,
    token: randomHex(48),
    lastUsedAt: now,
    createdAt: now,
    replacedTokens: [],
  };
  org.sessions.push(session);
  return { session, user };
}

/** The session a token belongs to (current or replaced), if the mock issued it. */
export function sessionOfToken(org: MockOrganization, token: string): MockSession | undefined {
  return org.sessions.find((session) => session.token === token || session.replacedTokens.includes(token));
}

/** Ends a session: its tokens are refused from then on. */
export function endSession(session: MockSession, why: MockSessionEnd): void {
  session.ended ??= why;
}

/**
 * Checks a token the mock issued, for one operation: true (and the token's idle time starts
 * again), or why it is refused. Undefined for a token the mock did not issue.
 */
export function sessionTokenVerdict(
  org: MockOrganization,
  token: string,
  operationId: string,
  now: number,
): true | { refused: string } | undefined {
  const session = sessionOfToken(org, token);
  if (!session) return undefined;
  if (session.ended) return { refused: `the session has ended: ${ENDINGS[session.ended]}` };
  if (session.token !== token) return { refused: 'the token was replaced by refreshSession' };
  if (now - session.lastUsedAt >= TOKEN_IDLE_MS && !TAKE_IDLE_TOKEN.has(operationId)) {
    return { refused: 'the token expired after 20 minutes without a call' };
  }
  session.lastUsedAt = now;
  return true;
}

/**
 * The authentication options of one request: the caller's, with the mock's sessions checked
 * first. A token the mock did not issue is judged as before: by the caller's `checkUserToken`,
 * else by the `tokens` list, else accepted.
 */
export function withSessions(
  options: AuthenticationOptions,
  state: MockState,
  now: () => number,
  operationId: string,
): AuthenticationOptions {
  const own = options.checkUserToken;
  return {
    ...options,
    checkUserToken: (token) =>
      (state.org ? sessionTokenVerdict(state.org, token, operationId, now()) : undefined) ??
      own?.(token) ??
      (options.tokens ? { refused: 'the token is not valid' } : true),
  };
}

/** Replaces a session's token; the old one is refused from then on. Returns the new one, without scheme. */
export function renewSession(session: MockSession, now: number): string {
  session.replacedTokens.push(session.token);
  session.token = randomHex(48);
  session.lastUsedAt = now;
  return session.token;
}

/** The token of a request's Authorization header, without its scheme. */
export function bearerToken(headers: Record<string, string>): string | undefined {
  const authorization = headers.authorization;
  if (!authorization) return undefined;
  return authorization.replace(/^(?:Bearer|AT)[ +]/i, '');
}

/** The user a request acts as: the session's for a session token, else the administrator. */
export function sessionUser(org: MockOrganization, headers: Record<string, string>): MockUser | undefined {
  const token = bearerToken(headers);
  const session = token === undefined ? undefined : sessionOfToken(org, token);
  const id = session ? session.user : org.administratorId;
  return org.users.find((user) => user.id === id);
}
