/**
 * `@koodrive/client/app-signature`: KooDrive's app-signature scheme (HMAC-SHA256) on its own, for
 * debugging a signature or signing requests made without the client. The client itself loads the
 * same signer on demand, only when it holds app credentials; it is kept out of the main entry so
 * that no bundler puts it in the chunk every page loads.
 */

export { createAppAuthorizer } from './auth/app-auth.js';
export { createAppSigner } from './auth/app-signature/app-signer.js';
export {
  buildCanonicalRequest,
  type CanonicalRequestInput,
  canonicalQueryString,
  canonicalUri,
  EMPTY_BODY_SHA256,
  rfc3986Encode,
} from './auth/app-signature/canonical-request.js';
export {
  APP_SIGNATURE_ALGORITHM,
  type AppCredentials,
  type AppSignature,
  type AppSigner,
  type AppSignerOptions,
  type ParsedAppAuthorization,
  parseAppAuthorization,
  REQUIRED_SIGNED_HEADERS,
  type SignableRequest,
} from './auth/app-signature/signer.js';
export {
  defaultSigningCrypto,
  nodeSigningCrypto,
  type SigningCrypto,
  webSigningCrypto,
} from './auth/app-signature/signing-crypto.js';
