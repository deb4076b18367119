import { type SignedRequestParts, verifyAppSignature } from './app-signature.js';
import { errorBody, type KooDriveErrorBody, resultCodes } from './errors.js';

export interface AuthenticationOptions {
  /** Tokens the mock accepts, without a scheme. Default: any non-empty token. */
  tokens?: readonly string[];
  /** Apps allowed to sign requests: AppId → AppSecret. Without it, app signatures are refused. */
  apps?: Readonly<Record<string, string>>;
}

export type Authentication =
  | { ok: true; kind: 'token'; token: string }
  | { ok: true; kind: 'app'; appId: string; canonicalRequest: string }
  | { ok: false; status: 401; body: KooDriveErrorBody; canonicalRequest?: string };

// The forms the reference documents: `Bearer <t>`, `Bearer+<t>`, `AT+<t>`, or the bare token.
const TOKEN_SCHEME = /^(?:Bearer|AT)[ +]/i;

const refuse = (msg: string, canonicalRequest?: string): Authentication => ({
  ok: false,
  status: 401,
  body: errorBody(resultCodes.badRequest, `authentication failed: ${msg}`),
  ...(canonicalRequest === undefined ? {} : { canonicalRequest }),
});

/** Checks the Authorization header of a request: a token, or an app signature over the request. */
export async function authenticate(
  request: SignedRequestParts,
  options: AuthenticationOptions,
  now: number,
): Promise<Authentication> {
  const authorization = request.headers.authorization;
  if (!authorization) return refuse('the Authorization header is missing');
  if (authorization.startsWith('HMAC-SHA256 ')) {
    if (!options.apps) return refuse('app authentication is not enabled on this mock');
    const check = await verifyAppSignature(request, options.apps, now);
    return check.ok
      ? { ok: true, kind: 'app', appId: check.appId, canonicalRequest: check.canonicalRequest }
      : refuse(check.problem, check.canonicalRequest);
  }
  const token = authorization.replace(TOKEN_SCHEME, '');
  if (token === '') return refuse('the token is empty');
  if (options.tokens && !options.tokens.includes(token)) return refuse('the token is not valid');
  return { ok: true, kind: 'token', token };
}
