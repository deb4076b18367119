import { KooDriveError } from '../errors.js';

/**
 * Why a share link could not be opened:
 * - `extract-code-missing`: the share has an extraction code and none was given;
 * - `extract-code-wrong`: verifyExtractCode refused the code given;
 * - `expired`: the share has expired (getShareInfo's status 2).
 */
export type ShareLinkProblem = 'extract-code-missing' | 'extract-code-wrong' | 'expired';

const MESSAGES: Record<ShareLinkProblem, string> = {
  'extract-code-missing': 'the share has an extraction code: pass it as { extractCode }',
  'extract-code-wrong': 'the extraction code is wrong',
  expired: 'the share has expired',
};

/**
 * A share link that could not be opened, and why (`reason`). The service's own refusal, when there
 * was one, is the `cause` (a KooDriveApiError). The message never repeats the extraction code.
 */
export class KooDriveShareLinkError extends KooDriveError {
  override name = 'KooDriveShareLinkError';
  /** What went wrong: a missing or wrong extraction code, or an expired share. */
  readonly reason: ShareLinkProblem;
  /** The share's short code. */
  readonly shortUrl: string;

  constructor(reason: ShareLinkProblem, shortUrl: string, options: { cause?: unknown; detail?: string } = {}) {
    super(
      `share link ${shortUrl}: ${MESSAGES[reason]}${options.detail ? ` (${options.detail})` : ''}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.reason = reason;
    this.shortUrl = shortUrl;
  }
}
