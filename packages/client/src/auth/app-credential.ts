import { KooDriveValidationError } from '../errors.js';
import { assertHeaderValue } from '../headers/header-value.js';
import type { AuthorizeRequest, KooDriveCredential } from './credential.js';

/** An app's AppId and AppSecret, for app authentication (HMAC-SHA256). */
export interface AppAuthOptions {
  appId: string;
  /** Never sent, logged or shown: it only keys the HMAC. */
  appSecret: string;
  /** More headers to sign beside host, x-date and x-user-id. */
  signedHeaders?: readonly string[];
}

/** App authentication as a client's only credential: `auth: { type: 'app', appId, appSecret }`. */
export interface AppAuth extends AppAuthOptions {
  type: 'app';
}

/** Checks app credentials; `field` names them in errors (never the secret). */
export function assertAppAuthOptions(field: string, { appId, appSecret, signedHeaders }: AppAuthOptions): void {
  if (appId === undefined || appId === '') throw new KooDriveValidationError(`${field}.appId`, 'is missing');
  assertHeaderValue(`${field}.appId`, appId);
  if (typeof appSecret !== 'string' || appSecret === '') {
    throw new KooDriveValidationError(`${field}.appSecret`, 'is missing: pass the AppSecret of the app');
  }
  for (const name of signedHeaders ?? []) {
    if (!/^[A-Za-z0-9-]+$/.test(name))
      throw new KooDriveValidationError(`${field}.signedHeaders`, `${JSON.stringify(name)} is not a header name`);
  }
}

type Authorize = (request: AuthorizeRequest) => string | Promise<string>;

/**
 * Loads an authorizer on demand. Loading starts at once (with the client), so by the first request
 * it has usually finished; a request that finds it still loading waits for it, and a load that
 * failed fails each request that needs it, never as an unhandled rejection.
 */
export function lazyAuthorizer(load: () => Promise<Authorize>): Authorize {
  let authorize: Authorize | undefined;
  const loading = load().then((loaded) => {
    authorize = loaded;
    return loaded;
  });
  loading.catch(() => undefined);
  return (request) => (authorize ? authorize(request) : loading.then((loaded) => loaded(request)));
}

/**
 * The app-signature credential. The signer is imported dynamically: bundlers put it in a chunk of
 * its own, which a browser app (that holds a user's token, never an AppSecret) does not download.
 * The secret stays in closures: no property, log or `inspect` shows it.
 */
export function appSignatureCredential(options: AppAuthOptions): KooDriveCredential {
  const { appId, appSecret, signedHeaders } = options;
  const authorize = lazyAuthorizer(() =>
    import('./app-auth.js').then(({ createAppAuthorizer }) =>
      createAppAuthorizer(
        { appId, appSecret, ...(signedHeaders ? { signedHeaders } : {}) },
        {
          missingHeader: (name) => new KooDriveValidationError(`header ${name}`, 'is required for app authentication'),
        },
      ),
    ),
  );
  return { scheme: 'kooDriveAppSignature', needsBody: true, authorize };
}
