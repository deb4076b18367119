/**
 * The client's `auth` option, in any of its forms, turned into one credential per security scheme.
 */
import { KooDriveValidationError } from '../errors.js';
import { type AppAuth, type AppAuthOptions, appSignatureCredential, assertAppAuthOptions } from './app-credential.js';
import type { CredentialSet, KooDriveCredential } from './credential.js';
import {
  assertTokenOptions,
  type TokenAuth,
  type TokenOptions,
  type TokenSource,
  tokenCredential,
} from './token-auth.js';

/** A token credential given as the token itself, with its format, or as a credential of your own. */
export type TokenInput = TokenSource | TokenOptions | KooDriveCredential;

/** Several credentials; each call sends the first one its operation accepts. */
export interface KooDriveCredentials {
  /** The user's access token (`Bearer+{access_token}` in the reference), or a session credential. */
  user?: TokenInput;
  /** The app's AppId and AppSecret, for HMAC-SHA256 app signatures. */
  app?: AppAuthOptions;
  /** An application-level token (`Bearer {app_access_token}`), for the operations that ask for one. */
  appToken?: TokenInput;
}

/**
 * How the client proves who it is:
 * - `{ type: 'token', token, format? }`: a user token, the only credential;
 * - `{ type: 'app', appId, appSecret }`: app signatures, the only credential;
 * - `{ user?, app?, appToken? }`: several, chosen per operation from the spec's `security`;
 * - a KooDriveCredential of your own, or a list of them.
 */
export type KooDriveAuth =
  | TokenAuth
  | AppAuth
  | KooDriveCredentials
  | KooDriveCredential
  | readonly KooDriveCredential[];

const isCredential = (value: unknown): value is KooDriveCredential =>
  typeof value === 'object' && value !== null && typeof (value as KooDriveCredential).authorize === 'function';

function tokenFrom(field: string, input: TokenInput, scheme: 'kooDriveToken' | 'kooDriveAppToken') {
  if (isCredential(input)) return input;
  const options: TokenOptions = typeof input === 'object' && input !== null ? input : { token: input };
  assertTokenOptions(field, options);
  return tokenCredential(options, scheme);
}

/** The credentials of an `auth` option, by scheme. Throws a KooDriveValidationError naming what is wrong. */
export function credentialsOf(auth: KooDriveAuth | undefined): CredentialSet {
  const credentials = new Map<string, KooDriveCredential>();
  const add = (credential: KooDriveCredential) => {
    if (typeof credential.scheme !== 'string' || credential.scheme === '')
      throw new KooDriveValidationError('auth', 'a credential must name its security scheme');
    credentials.set(credential.scheme, credential);
  };
  if (typeof auth !== 'object' || auth === null) {
    throw new KooDriveValidationError('auth', "is required, e.g. { type: 'token', token } or { user, app, appToken }");
  }
  if (Array.isArray(auth)) for (const credential of auth) add(credential);
  else if (isCredential(auth)) add(auth);
  else if ('type' in auth) {
    if (auth.type === 'token')
      add(
        tokenFrom(
          'auth.token',
          { token: auth.token, ...(auth.format ? { format: auth.format } : {}) },
          'kooDriveToken',
        ),
      );
    else if (auth.type === 'app') {
      assertAppAuthOptions('auth', auth);
      add(appSignatureCredential(auth));
    } else {
      throw new KooDriveValidationError(
        'auth.type',
        `must be 'token' or 'app', got ${JSON.stringify((auth as { type: unknown }).type)}`,
      );
    }
  } else {
    const { user, app, appToken } = auth as KooDriveCredentials;
    if (user !== undefined) add(tokenFrom('auth.user', user, 'kooDriveToken'));
    if (app !== undefined) {
      assertAppAuthOptions('auth.app', app);
      add(appSignatureCredential(app));
    }
    if (appToken !== undefined) add(tokenFrom('auth.appToken', appToken, 'kooDriveAppToken'));
  }
  if (credentials.size === 0) throw new KooDriveValidationError('auth', 'holds no credential');
  return credentials;
}
