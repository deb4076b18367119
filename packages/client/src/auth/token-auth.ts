import { KooDriveValidationError } from '../errors.js';
import { assertHeaderValue } from '../headers/header-value.js';
import type { KooDriveCredential } from './credential.js';

/**
 * How a token is written in the Authorization header. The reference shows three forms:
 * - `bearer`: `Bearer <token>` (RFC 6750; the default, reading the reference's `Bearer+` as a form-encoded space)
 * - `bearer-plus`: `Bearer+<token>`, literally as the operation pages' examples show it
 * - `bare`: the token alone, as the Authentication page sends it
 */
export type TokenFormat = 'bearer' | 'bearer-plus' | 'bare';

/** A user or app access token, fixed or fetched anew for every request (e.g. from a refresher). */
export type TokenSource = string | (() => string | Promise<string>);

/** A token and how to write it. */
export interface TokenOptions {
  token: TokenSource;
  /** Default `bearer`. A token that already starts with a documented scheme (`Bearer `, `Bearer+`, `AT+`) is sent as is. */
  format?: TokenFormat;
}

/** Token authentication as a client's only credential: `auth: { type: 'token', token }` (a user token). */
export interface TokenAuth extends TokenOptions {
  type: 'token';
}

// The schemes the reference documents; a token carrying one is never given a second.
const DOCUMENTED_SCHEME = /^(?:Bearer|AT)[ +]/i;

/**
 * The Authorization header value for a token in one of the documented forms; a token that already
 * starts with a documented scheme is returned as is.
 */
export function formatTokenAuthorization(token: string, format: TokenFormat = 'bearer'): string {
  if (DOCUMENTED_SCHEME.test(token)) return token;
  switch (format) {
    case 'bearer':
      return `Bearer ${token}`;
    case 'bearer-plus':
      return `Bearer+${token}`;
    case 'bare':
      return token;
  }
}

/** Checks a token option; `field` names it in the error (never the token itself). */
export function assertTokenOptions(field: string, options: TokenOptions): void {
  const { token, format } = options;
  if (token === undefined || token === null || token === '') {
    throw new KooDriveValidationError(field, 'is missing: pass the access token or a function that returns it');
  }
  if (typeof token === 'string') assertHeaderValue(field, token);
  else if (typeof token !== 'function') throw new KooDriveValidationError(field, 'must be a string or a function');
  if (format !== undefined && !['bearer', 'bearer-plus', 'bare'].includes(format)) {
    throw new KooDriveValidationError(
      field.endsWith('.token') ? field.replace(/\.token$/, '.format') : `${field}.format`,
      "must be 'bearer', 'bearer-plus' or 'bare'",
    );
  }
}

/**
 * A credential that sends a token. A fixed token is formatted once; a token function is asked on
 * every attempt, so a refreshed token is always the one sent.
 */
export function tokenCredential(
  options: TokenOptions,
  scheme: 'kooDriveToken' | 'kooDriveAppToken' = 'kooDriveToken',
): KooDriveCredential {
  const { token, format } = options;
  if (typeof token === 'string') {
    const header = formatTokenAuthorization(token, format);
    return { scheme, authorize: () => header };
  }
  const field = scheme === 'kooDriveToken' ? 'auth.user' : 'auth.appToken';
  return {
    scheme,
    async authorize() {
      const value = await token();
      assertHeaderValue(field, value);
      return formatTokenAuthorization(value, format);
    },
  };
}
