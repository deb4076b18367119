/**
 * The Authorization header, checked as KooDrive does: per operation, against the credentials its
 * `security` accepts (a user token, an app-level token, an app signature, or none).
 */
import { type SignedRequestParts, verifyAppSignature } from './app-signature.js';
import { errorBody, type KooDriveErrorBody, resultCodes } from './errors.js';

export interface AuthenticationOptions {
  /** User access tokens the mock accepts, without a scheme. Default: any non-empty token. */
  tokens?: readonly string[];
  /**
   * App-level tokens the mock accepts (`Bearer {app_access_token}`), for the operations that ask
   * for one. Default: any token the mock would take as a user token.
   */
  appTokens?: readonly string[];
  /** Apps allowed to sign requests: AppId → AppSecret. Without it, app signatures are refused. */
  apps?: Readonly<Record<string, string>>;
  /**
   * Checks a user token beyond the lists above (the mock's sessions use it): `false` refuses it.
   * The reason is sent back in `msg`.
   */
  checkUserToken?: (token: string) => true | { refused: string; code?: number };
}

export type Authentication =
  | { ok: true; kind: 'none' }
  | { ok: true; kind: 'token' | 'app-token'; token: string }
  | { ok: true; kind: 'app'; appId: string; canonicalRequest: string }
  | { ok: false; status: 401; body: KooDriveErrorBody; canonicalRequest?: string };

// The forms the reference documents: `Bearer <t>`, `Bearer+<t>`, `AT+<t>`, or the bare token.
const TOKEN_SCHEME = /^(?:Bearer|AT)[ +]/i;

const refuse = (msg: string, canonicalRequest?: string, code: number = resultCodes.badRequest): Authentication => ({
  ok: false,
  status: 401,
  body: errorBody(code, `authentication failed: ${msg}`),
  ...(canonicalRequest === undefined ? {} : { canonicalRequest }),
});

const accepts = (security: readonly (readonly string[])[], scheme: string) =>
  security.some((alternative) => alternative.includes(scheme));

/** Checks the Authorization header of a request against what its operation accepts. */
export async function authenticate(
  request: SignedRequestParts,
  options: AuthenticationOptions,
  now: number,
  security: readonly (readonly string[])[] = [['kooDriveToken'], ['kooDriveAppSignature']],
): Promise<Authentication> {
  const authorization = request.headers.authorization;
  const anonymous = security.some((alternative) => alternative.length === 0);
  if (!authorization) return anonymous ? { ok: true, kind: 'none' } : refuse('the Authorization header is missing');
  if (authorization.startsWith('HMAC-SHA256 ')) {
    if (!accepts(security, 'kooDriveAppSignature')) return refuse('this operation does not accept app signatures');
    if (!options.apps) return refuse('app authentication is not enabled on this mock');
    const check = await verifyAppSignature(request, options.apps, now);
    return check.ok
      ? { ok: true, kind: 'app', appId: check.appId, canonicalRequest: check.canonicalRequest }
      : refuse(check.problem, check.canonicalRequest);
  }
  const token = authorization.replace(TOKEN_SCHEME, '');
  if (token === '') return refuse('the token is empty');
  const listedAppToken = options.appTokens
    ? options.appTokens.includes(token)
    : !options.tokens || options.tokens.includes(token);
  if (accepts(security, 'kooDriveAppToken') && listedAppToken) return { ok: true, kind: 'app-token', token };
  if (!accepts(security, 'kooDriveToken')) {
    return refuse(
      accepts(security, 'kooDriveAppToken')
        ? 'this operation takes an app-level token'
        : 'this operation takes an app signature, not a token',
    );
  }
  const verdict =
    (options.tokens?.includes(token) ?? !options.checkUserToken)
      ? true
      : (options.checkUserToken?.(token) ?? { refused: 'the token is not valid' });
  if (verdict !== true) return refuse(verdict.refused, undefined, verdict.code);
  return { ok: true, kind: 'token', token };
}
