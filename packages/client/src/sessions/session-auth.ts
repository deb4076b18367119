/**
 * A user's session as a credential: give it to createKooDriveClient as `auth` (or `auth.user`),
 * and every call sends the session's current token, kept alive by refreshSession.
 *
 * KooDrive's token lives 20 minutes after its last use. The credential:
 * - refreshes first when the token has been idle for `refreshAfterIdleMs` (18 minutes by default),
 *   so a call never goes out with a token about to die; with `keepAlive`, a timer refreshes at that
 *   point even when no call comes;
 * - on a 401, refreshes once and the call is retried once (the reference names no code that tells
 *   an expired token apart, so every 401 to a call it authorized counts);
 * - shares one refresh among every call that needs it at the same time;
 * - ends with KooDriveSessionExpiredError once KooDrive refuses to refresh, or after logout.
 */
import type { KooDriveCredential } from '../auth/credential.js';
import { formatTokenAuthorization, type TokenFormat } from '../auth/token-auth.js';
import { type KooDriveApiError, KooDriveValidationError } from '../errors.js';
import { assertHeaderValue } from '../headers/header-value.js';
import { systemClock } from '../headers/x-date.js';
import { type SessionCallOptions, sessionClient } from './session-client.js';
import { type KooDriveSessionEnd, KooDriveSessionExpiredError } from './session-expired.js';

/** KooDrive's idle lifetime of an access token. */
export const SESSION_IDLE_TIMEOUT_MS = 20 * 60_000;

/** Refresh early by this much before KooDrive's idle limit: room for the clock and the network. */
const DEFAULT_REFRESH_AFTER_IDLE_MS = SESSION_IDLE_TIMEOUT_MS - 2 * 60_000;

/** A 401 that comes back this soon after a refresh answers an attempt sent before it. */
const RECENT_REFRESH_MS = 2_000;

/** What a session is made of, to keep it across restarts: both are secrets. */
export interface KooDriveSessionSnapshot {
  /** The current access token, as KooDrive gave it (usually with its scheme, `Bearer …`). */
  accessToken: string;
  /** The session's ID, sent as `x-session-id` to refresh it. */
  sessionId: string;
}

/** Options of createSessionAuth. */
export interface SessionAuthOptions extends KooDriveSessionSnapshot, SessionCallOptions {
  /**
   * How to write a token that comes without a scheme (`bearer` by default). Tokens that carry one
   * (`Bearer …` as createSession answers, `Bearer+…` as refreshSession's example shows) are sent as
   * they are.
   */
  format?: TokenFormat;
  /** Refresh before a call once the token has been idle this long; default 18 minutes (below KooDrive's 20). */
  refreshAfterIdleMs?: number;
  /**
   * Refresh on a timer after `refreshAfterIdleMs` without a call, so the session survives idle
   * periods (a server process). Default false: an idle app lets KooDrive's 20-minute limit apply.
   * The timer does not keep a Node process alive.
   */
  keepAlive?: boolean;
  /** Called with the new token after every refresh, e.g. to store the session. */
  onRefresh?: (session: KooDriveSessionSnapshot) => void;
}

/** A session as a client credential (scheme `kooDriveToken`), with what an app does with a session. */
export interface KooDriveSessionAuth extends KooDriveCredential {
  readonly scheme: 'kooDriveToken';
  /** Whether the session has ended (signed out, or refreshing was refused): calls then fail at once. */
  readonly ended: boolean;
  /** Refreshes the token now; joins a refresh already under way. */
  refresh(): Promise<void>;
  /**
   * Signs out (logout) and ends the credential. Resolves when KooDrive cleared the session, or
   * when it was over already (a 401); other failures are thrown, the credential ended anyway.
   */
  logout(options?: { signal?: AbortSignal }): Promise<void>;
  /** The current token and session ID, to store the session. Secrets: never log them. */
  snapshot(): KooDriveSessionSnapshot;
  /** Stops the keep-alive timer without signing out (the credential keeps working). */
  stopKeepAlive(): void;
}

/**
 * A credential that holds a KooDrive session and keeps its token alive. Give it the `accessToken`
 * and `sessionId` createSession answered (`signIn.createSession(code)` does this for you), and
 * the same `baseUrl` (and `fetch`) as the client that will use it: its own calls go there.
 *
 * @example
 * const auth = createSessionAuth({ baseUrl, accessToken, sessionId });
 * const kd = createKooDriveClient({ baseUrl, userId, auth });
 */
export function createSessionAuth(options: SessionAuthOptions): KooDriveSessionAuth {
  const { format, keepAlive = false, onRefresh, refreshAfterIdleMs = DEFAULT_REFRESH_AFTER_IDLE_MS } = options;
  assertHeaderValue('accessToken', options.accessToken);
  assertHeaderValue('sessionId', options.sessionId);
  if (!(Number.isFinite(refreshAfterIdleMs) && refreshAfterIdleMs > 0)) {
    throw new KooDriveValidationError('refreshAfterIdleMs', 'must be a positive number of milliseconds');
  }
  const clock = options.clock ?? systemClock;
  // The secrets live in this closure only: no property, log or inspect of the credential shows them.
  let token = options.accessToken;
  const sessionId = options.sessionId;
  const own = sessionClient(options, () => token, format);
  let lastUsedAt = clock().getTime();
  let refreshing: Promise<void> | undefined;
  let ended: { reason: KooDriveSessionEnd; cause?: KooDriveApiError; detail?: string } | undefined;
  // For a 401 after a refresh: was the refused attempt sent with the token before it?
  let refreshedAt = Number.NEGATIVE_INFINITY;
  let usesOfToken = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Keep-alive as asked for; stopKeepAlive() turns it off for good (a refresh that ends later must
  // not start the timer again).
  let keepingAlive = keepAlive;

  const isEnded = () => ended !== undefined;
  const expired = () => {
    const { reason, cause, detail } = ended as NonNullable<typeof ended>;
    return new KooDriveSessionExpiredError(reason, { ...(cause ? { cause } : {}), ...(detail ? { detail } : {}) });
  };

  function end(reason: KooDriveSessionEnd, cause?: KooDriveApiError, detail?: string): void {
    ended ??= { reason, ...(cause ? { cause } : {}), ...(detail ? { detail } : {}) };
    clearTimer();
  }

  function clearTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function stopKeepAlive(): void {
    keepingAlive = false;
    clearTimer();
  }

  function scheduleKeepAlive(): void {
    if (!keepingAlive || ended) return;
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      // Nobody awaits this refresh: a refusal ends the session (the next call says so), and a
      // failure to reach KooDrive leaves the next call to try again.
      refresh().catch((error: unknown) =>
        options.logger?.warn?.('koodrive session keep-alive refresh failed', { error }),
      );
    }, refreshAfterIdleMs);
    (timer as { unref?: () => void }).unref?.();
  }

  async function refreshNow(): Promise<void> {
    const result = await own.POST('/koodrive/ose/v1/session/refresh', {
      params: { header: { 'x-session-id': sessionId } },
    });
    if (result.error) {
      if (!isRefusal(result.error)) throw result.error;
      end(
        'refresh-refused',
        result.error,
        `refreshSession: HTTP ${result.error.status}, code ${result.error.code ?? 'none'}`,
      );
      throw expired();
    }
    const next = result.data.accessToken;
    if (typeof next !== 'string' || next === '') {
      end('refresh-refused', undefined, 'refreshSession answered without an accessToken');
      throw expired();
    }
    assertHeaderValue('refreshSession accessToken', next);
    token = next;
    lastUsedAt = clock().getTime();
    refreshedAt = performance.now();
    usesOfToken = 0;
    scheduleKeepAlive();
    try {
      onRefresh?.({ accessToken: token, sessionId });
    } catch (error) {
      // The app's callback failing is no reason to fail the call that needed the refresh.
      options.logger?.warn?.('koodrive session onRefresh callback failed', { error });
    }
  }

  /** The refresh under way, or a new one: one at a time, shared by every call that needs it. */
  function refresh(): Promise<void> {
    if (ended) return Promise.reject(expired());
    refreshing ??= refreshNow().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  scheduleKeepAlive();
  return {
    scheme: 'kooDriveToken',
    get ended() {
      return isEnded();
    },
    async authorize() {
      if (ended) throw expired();
      if (refreshing) await refreshing;
      else if (clock().getTime() - lastUsedAt >= refreshAfterIdleMs) await refresh();
      lastUsedAt = clock().getTime();
      usesOfToken++;
      scheduleKeepAlive();
      return formatTokenAuthorization(token, format);
    },
    async renew() {
      if (ended) throw expired();
      if (refreshing) {
        await refreshing;
        return true;
      }
      // A 401 to an attempt sent with the token a refresh has since replaced: retry with the new
      // one, no second refresh. The pipeline does not say which token an attempt carried, so an
      // attempt counts as older when no call has used the new token yet, or the refresh is recent.
      if (usesOfToken === 0 || performance.now() - refreshedAt < RECENT_REFRESH_MS) return true;
      await refresh();
      return true;
    },
    refresh,
    async logout(init = {}) {
      if (ended) {
        clearTimer();
        return;
      }
      if (refreshing) await refreshing.catch(() => undefined);
      clearTimer();
      // A refresh that was under way may have found the session over: nothing left to sign out.
      if (isEnded()) return;
      try {
        const result = await own.GET('/koodrive/ose/v1/session/logoff', init.signal ? { signal: init.signal } : {});
        // A 401 means the session was over already: signing out has nothing left to do.
        if (result.error && result.error.status !== 401) throw result.error;
      } finally {
        // Whatever KooDrive answered, the app asked to sign out: the token is not used again.
        end('signed-out');
      }
    },
    snapshot: () => ({ accessToken: token, sessionId }),
    stopKeepAlive,
  };
}

/**
 * Whether refreshSession's failure means KooDrive will not refresh this session (a 4xx, or a
 * business error), as opposed to a failure another try may get past (5xx, 408, 429).
 */
function isRefusal(error: KooDriveApiError): boolean {
  if (error.kind === 'business-error') return true;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}
