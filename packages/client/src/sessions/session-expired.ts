import { KooDriveError } from '../errors.js';

/** Why a session credential's session ended. */
export type KooDriveSessionEnd = 'refresh-refused' | 'signed-out';

/**
 * The session behind a session credential (createSessionAuth) has ended: KooDrive refused to
 * refresh its token, or it was signed out. Every later call with the credential fails with it at
 * once, before sending; sign in again. `cause` is refreshSession's failure, when there was one.
 */
export class KooDriveSessionExpiredError extends KooDriveError {
  override name = 'KooDriveSessionExpiredError';
  /** `refresh-refused`: KooDrive refused refreshSession; `signed-out`: logout ended it. */
  readonly reason: KooDriveSessionEnd;

  constructor(reason: KooDriveSessionEnd, options: { cause?: unknown; detail?: string } = {}) {
    const why = reason === 'signed-out' ? 'it was signed out' : 'KooDrive refused to refresh it';
    const detail = options.detail ? ` (${options.detail})` : '';
    super(
      `The KooDrive session has ended: ${why}${detail}. Sign in again.`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.reason = reason;
  }
}
