import type { KooDriveAuth } from '../options.js';
import type { Authorizer } from '../transport/fetch-wrapper.js';
import { createTokenAuthorizer } from './token-auth.js';

/**
 * An authorizer whose code is loaded on demand. Loading starts at once (with the client), so by
 * the first request it has usually finished; a request that finds it still loading waits for it,
 * and a load that failed fails each request that needs it, never as an unhandled rejection.
 */
export function lazyAuthorizer(load: () => Promise<Authorizer>): Authorizer {
  let authorize: Authorizer | undefined;
  const loading = load().then((loaded) => {
    authorize = loaded;
    return loaded;
  });
  loading.catch(() => undefined);
  return (request) => (authorize ? authorize(request) : loading.then((loaded) => loaded(request)));
}

/**
 * The Authorization header's source for the client's auth option. The app-signature signer is
 * imported dynamically: a browser app, which holds a user's token and never an AppSecret, does not
 * download it, and bundlers put it in a chunk of its own.
 */
export function createAuthorizer(auth: KooDriveAuth): Authorizer {
  if (auth.type === 'token') return createTokenAuthorizer(auth);
  return lazyAuthorizer(() => import('./app-auth.js').then(({ createAppAuthorizer }) => createAppAuthorizer(auth)));
}
