/**
 * Signing in, as the reference describes it, in a browser or on a server:
 *
 *   const signIn = createKooDriveSignIn({ baseUrl });
 *   const { uri } = await signIn.signInUrl('app.example.com');   // getAuthCodeURL: send the user there
 *   // … OrgID sends the user back to the front end with ?code=…
 *   const session = await signIn.createSession(code);              // createSession
 *   const kd = createKooDriveClient({ baseUrl, userId: session.userId, auth: session.auth });
 *
 * Both calls take no authorization and, before sign-in, there is no user: they send no X-User-Id.
 */
import type { SessionUserInfo } from '@koodrive/types';
import { KooDriveError } from '../errors.js';
import { assertHeaderValue } from '../headers/header-value.js';
import { unwrap } from '../unwrap.js';
import { createSessionAuth, type KooDriveSessionAuth, type SessionAuthOptions } from './session-auth.js';
import { type SessionCallOptions, sessionClient } from './session-client.js';

/** Where OrgID sends the user to sign in. */
export interface KooDriveSignInUrl {
  /** The OrgID sign-in (OAuth 2.0 authorize) address to open. */
  uri: string;
  /** OrgID's host, as KooDrive reports it. */
  orgIdHost?: string;
}

/** A new session: its credential for the client, and who signed in. */
export interface KooDriveSession {
  /** Give it to createKooDriveClient as `auth`. */
  auth: KooDriveSessionAuth;
  /** The user's KooDrive ID, for the client's `userId` (X-User-Id). */
  userId: string;
  /** The user and organization, as createSession answered them. */
  user: SessionUserInfo | undefined;
}

/** The sign-in steps, bound to a KooDrive endpoint. */
export interface KooDriveSignIn {
  /** getAuthCodeURL: the sign-in address for the front end at `domain` (its host, e.g. `app.example.com`). */
  signInUrl(domain: string, init?: { signal?: AbortSignal }): Promise<KooDriveSignInUrl>;
  /**
   * createSession: exchanges the code OrgID gave the front end for a session credential that keeps
   * itself alive; `options` are createSessionAuth's (keepAlive, onRefresh, …).
   */
  createSession(
    code: string,
    options?: Omit<SessionAuthOptions, 'accessToken' | 'sessionId' | keyof SessionCallOptions> & {
      signal?: AbortSignal;
    },
  ): Promise<KooDriveSession>;
}

/**
 * The sign-in helpers for a KooDrive endpoint (`baseUrl`, the international one by default). Its
 * `fetch`, `retry`, `timeout`, `logger`, … also serve the sessions it creates. Failures are thrown
 * as KooDriveErrors (a refused code: KooDriveApiError).
 */
export function createKooDriveSignIn(options: SessionCallOptions = {}): KooDriveSignIn {
  const kd = sessionClient(options);
  return {
    async signInUrl(domain, init = {}) {
      assertHeaderValue('domain', domain);
      const { uri, orgIdHost } = await unwrap(
        kd.GET('/koodrive/ose/v1/session/authCodeURL', {
          params: { query: { domain } },
          ...(init.signal ? { signal: init.signal } : {}),
        }),
      );
      if (!uri) throw new KooDriveError('getAuthCodeURL answered without a sign-in uri');
      return { uri, ...(orgIdHost ? { orgIdHost } : {}) };
    },
    async createSession(code, { signal, ...sessionOptions } = {}) {
      assertHeaderValue('code', code);
      const { data } = await unwrap(
        kd.POST('/koodrive/ose/v1/session', { body: { code }, ...(signal ? { signal } : {}) }),
      );
      const { accessToken, sessionId, userId, userInfo } = data ?? {};
      if (!accessToken || !sessionId || !userId) {
        throw new KooDriveError('createSession answered without an accessToken, a sessionId and a userId');
      }
      const auth = createSessionAuth({ ...options, ...sessionOptions, accessToken, sessionId });
      return { auth, userId, user: userInfo };
    },
  };
}
