import type { Authorizer } from '../transport/fetch-wrapper.js';
import { type AppSignerOptions, createAppSigner } from './app-signature/signer.js';

export interface AppAuth {
  type: 'app';
  appId: string;
  /** Never sent, logged or shown: it only keys the HMAC. */
  appSecret: string;
  /** More headers to sign beside host, x-date and x-user-id. */
  signedHeaders?: readonly string[];
}

/**
 * Signs each attempt after its X-Date is set. The payload hash covers the exact bytes fetch will
 * send, read from a clone of the request, so the body is never serialized a second time.
 */
export function createAppAuthorizer(auth: AppAuth, options: Pick<AppSignerOptions, 'crypto'> = {}): Authorizer {
  const signer = createAppSigner(auth, {
    ...options,
    ...(auth.signedHeaders ? { signedHeaders: auth.signedHeaders } : {}),
  });
  return async (request) => {
    const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
    const signature = await signer.sign({ method: request.method, url: request.url, headers: request.headers, body });
    return signature.headers.Authorization;
  };
}
