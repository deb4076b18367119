import { errorBody, type KooDriveErrorBody, resultCodes } from './errors.js';

export interface AuthenticationOptions {
  /** Tokens the mock accepts, without a scheme. Default: any non-empty token. */
  tokens?: readonly string[];
}

export type Authentication =
  | { ok: true; kind: 'token'; token: string }
  | { ok: false; status: 401; body: KooDriveErrorBody };

// The forms the reference documents: `Bearer <t>`, `Bearer+<t>`, `AT+<t>`, or the bare token.
const TOKEN_SCHEME = /^(?:Bearer|AT)[ +]/i;

const refuse = (msg: string): Authentication => ({
  ok: false,
  status: 401,
  body: errorBody(resultCodes.badRequest, `authentication failed: ${msg}`),
});

/** Checks the Authorization header of a request. */
export function authenticate(authorization: string | undefined, options: AuthenticationOptions): Authentication {
  if (!authorization) return refuse('the Authorization header is missing');
  if (authorization.startsWith('HMAC-SHA256 ')) return refuse('app authentication is not enabled on this mock');
  const token = authorization.replace(TOKEN_SCHEME, '');
  if (token === '') return refuse('the token is empty');
  if (options.tokens && !options.tokens.includes(token)) return refuse('the token is not valid');
  return { ok: true, kind: 'token', token };
}
