import { assertHeaderValue } from '../headers/header-value.js';

/**
 * How a token is written in the Authorization header. The reference shows three forms:
 * - `bearer`: `Bearer <token>` (RFC 6750; the default, reading the reference's `Bearer+` as a form-encoded space)
 * - `bearer-plus`: `Bearer+<token>`, literally as the operation pages' examples show it
 * - `bare`: the token alone, as the Authentication page sends it
 */
export type TokenFormat = 'bearer' | 'bearer-plus' | 'bare';

/** A user or app access token, fixed or fetched anew for every request (e.g. from a refresher). */
export type TokenSource = string | (() => string | Promise<string>);

/** Token authentication: a user or app access token sent in the Authorization header. */
export interface TokenAuth {
  type: 'token';
  token: TokenSource;
  /** Default `bearer`. A token that already starts with a documented scheme (`Bearer `, `Bearer+`, `AT+`) is sent as is. */
  format?: TokenFormat;
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

/**
 * Returns the function that produces the Authorization header for each attempt. A fixed token
 * (checked with the client's options) is formatted once; a token function is asked every time.
 */
export function createTokenAuthorizer(auth: TokenAuth): () => string | Promise<string> {
  const { token, format } = auth;
  if (typeof token === 'string') {
    const header = formatTokenAuthorization(token, format);
    return () => header;
  }
  return async () => {
    const value = await token();
    assertHeaderValue('auth.token', value);
    return formatTokenAuthorization(value, format);
  };
}
