import { KooDriveValidationError } from '../../errors.js';
import { type AppCredentials, type AppSigner, type AppSignerOptions, createSignNow } from './signer.js';

/** A missing signed header, as the client reports bad input: a KooDriveValidationError naming it. */
export const missingSignedHeader = (name: string) =>
  new KooDriveValidationError(`header ${name}`, 'is required for app authentication');

/** Creates the signer of one app; the AppSecret stays in closures, out of errors and `util.inspect`. */
export function createAppSigner(credentials: AppCredentials, options: AppSignerOptions = {}): AppSigner {
  const { kind, signNow } = createSignNow(credentials, { missingHeader: missingSignedHeader, ...options });
  return { appId: credentials.appId, cryptoKind: kind, sign: async (request) => signNow(request) };
}
