/**
 * The client the sign-in helpers and a session use for Session Management's own calls
 * (getAuthCodeURL, createSession, refreshSession, logout). The spec gives these operations no
 * X-User-Id header, and before sign-in there is no user to name, so the requests carry none: the
 * client's required `userId` gets a stand-in that a middleware removes before anything is sent.
 */
import type { Middleware } from 'openapi-fetch';
import type { KooDriveCredential } from '../auth/credential.js';
import type { TokenFormat } from '../auth/token-auth.js';
import { createKooDriveClient, type KooDriveClient } from '../client.js';
import type { KooDriveClientOptions } from '../options.js';

/** The client options that apply to the session's own calls. */
export type SessionCallOptions = Pick<
  KooDriveClientOptions,
  'baseUrl' | 'fetch' | 'language' | 'clock' | 'traceId' | 'retry' | 'timeout' | 'logger'
>;

// Never sent: dropUserId removes it from every request.
const NO_USER = 'none';

const dropUserId: Middleware = {
  onRequest({ request }) {
    request.headers.delete('X-User-Id');
    return request;
  },
};

// Calls that take no authorization never ask a credential; the client still wants one to hold.
const noCredential: KooDriveCredential = {
  scheme: 'kooDriveToken',
  authorize() {
    throw new Error('the sign-in calls take no authorization');
  },
};

/**
 * A client for Session Management's calls, without X-User-Id: `token` (when given) authorizes
 * refreshSession and logout, read at every attempt.
 */
export function sessionClient(options: SessionCallOptions, token?: () => string, format?: TokenFormat): KooDriveClient {
  const { baseUrl, fetch, language, clock, traceId, retry, timeout, logger } = options;
  const kd = createKooDriveClient({
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(fetch === undefined ? {} : { fetch }),
    ...(language === undefined ? {} : { language }),
    ...(clock === undefined ? {} : { clock }),
    ...(traceId === undefined ? {} : { traceId }),
    ...(retry === undefined ? {} : { retry }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(logger === undefined ? {} : { logger }),
    userId: NO_USER,
    auth: token ? { type: 'token', token, ...(format ? { format } : {}) } : noCredential,
  });
  kd.use(dropUserId);
  return kd;
}
