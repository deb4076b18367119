/**
 * The app-signature authorizer. This module, and the signer it imports, are loaded on demand by
 * `appSignatureCredential` (auth/app-credential.ts), so that a client holding only a token never
 * bundles or downloads them.
 */
import type { AppAuthOptions } from './app-credential.js';
import { type AppSignature, type AppSignerOptions, andThen, createSignNow } from './app-signature/signer.js';
import type { AuthorizeRequest } from './credential.js';

/** Signs each attempt after its X-Date is set, over the exact body bytes fetch will send. */
export function createAppAuthorizer(
  auth: AppAuthOptions,
  options: Pick<AppSignerOptions, 'crypto' | 'missingHeader'> = {},
): (request: AuthorizeRequest) => string | Promise<string> {
  const { signNow } = createSignNow(auth, {
    ...options,
    ...(auth.signedHeaders ? { signedHeaders: auth.signedHeaders } : {}),
  });
  const authorization = (signature: AppSignature) => signature.headers.Authorization;
  return ({ method, url, headers, body }) => andThen(signNow({ method, url, headers, body }), authorization);
}
