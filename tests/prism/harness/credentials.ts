/**
 * The credentials the contract tests call with, and a client for each alternative of an
 * operation's `security`: the mock KooDrive accepts exactly these.
 */
import { createKooDriveClient, type KooDriveAuth, type KooDriveClient } from '@koodrive/client';
import { makeMockState } from '@koodrive/testing';

/**
 * The user the calls act for (`X-User-Id`): the first user of makeMockState that has an individual
 * space, so that the file operations, which act in the caller's space, have one to act in.
 */
export const USER_ID = makeMockState().userSpaces[0]?.userId ?? '1505084218764547200';
export const USER_TOKEN = 'prism-user-token-4c1e';
export const APP_TOKEN = 'prism-app-token-9b07';
export const APP = { appId: 'prism-app', appSecret: 'prism-app-secret-51d3' } as const;

/** What the mock KooDrive must accept: give these to startMockKooDrive. */
export const mockCredentials = { tokens: [USER_TOKEN], appTokens: [APP_TOKEN], apps: { [APP.appId]: APP.appSecret } };

const AUTH_BY_SCHEME: Record<string, KooDriveAuth> = {
  kooDriveToken: { user: USER_TOKEN },
  kooDriveAppSignature: { app: APP },
  kooDriveAppToken: { appToken: APP_TOKEN },
};

/** The alternatives of an operation's `security`; `security: []` is the one alternative of sending nothing. */
export const alternativesOf = (security: readonly (readonly string[])[]) => (security.length === 0 ? [[]] : security);

/** A short name for an alternative of `security`, for test names and messages. */
export const alternativeName = (alternative: readonly string[]) =>
  alternative.length === 0 ? 'no credential' : alternative.join('+');

/**
 * The auth option that makes the client send exactly `alternative`: its one scheme's credential,
 * or for the empty alternative (no Authorization) a credential the operation accepts nowhere.
 * Undefined when the client cannot be made to choose it (every scheme is taken, or several are
 * required at once, which one Authorization header cannot carry).
 */
export function authFor(alternative: readonly string[], security: readonly (readonly string[])[]) {
  if (alternative.length === 1) return AUTH_BY_SCHEME[alternative[0] as string];
  if (alternative.length > 1) return undefined;
  const used = new Set(security.flat());
  // An operation that takes no credential at all (`security: []`): the client sends none, whatever it holds.
  if (used.size === 0) return AUTH_BY_SCHEME.kooDriveToken;
  const unused = Object.keys(AUTH_BY_SCHEME).find((scheme) => !used.has(scheme));
  return unused ? AUTH_BY_SCHEME[unused] : undefined;
}

/** The Authorization header that shows the client chose `alternative`. */
export function sentAlternative(authorization: string | null, alternative: readonly string[]): boolean {
  if (alternative.length === 0) return authorization === null;
  const scheme = alternative[0];
  if (scheme === 'kooDriveAppSignature') return authorization?.startsWith(`HMAC-SHA256 AppId=${APP.appId},`) ?? false;
  if (scheme === 'kooDriveAppToken') return authorization === `Bearer ${APP_TOKEN}`;
  return authorization === `Bearer ${USER_TOKEN}`;
}

/** A call by method and path template, the way kd.GET/POST/PUT/DELETE take it, without the types. */
export type LooseCall = (
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The client's method for an HTTP method. */
export function methodOf(client: KooDriveClient, method: string): LooseCall {
  const call = (client as unknown as Record<string, LooseCall | undefined>)[method];
  if (!call) throw new Error(`the client has no method ${method}`);
  return call;
}

export { createKooDriveClient };
