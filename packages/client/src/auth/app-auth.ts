import type { Authorizer } from '../transport/fetch-wrapper.js';
import { type AppSignature, type AppSignerOptions, andThen, createSignNow } from './app-signature/signer.js';

/** App authentication: every attempt is signed with the app's AppId and AppSecret (HMAC-SHA256). */
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
  const { signNow } = createSignNow(auth, {
    ...options,
    ...(auth.signedHeaders ? { signedHeaders: auth.signedHeaders } : {}),
  });
  const authorization = (signature: AppSignature) => signature.headers.Authorization;
  return (request) => {
    const { method, url, headers } = request;
    if (request.body === null) {
      const signature = signNow({ method, url, headers });
      return andThen(signature, authorization);
    }
    return request
      .clone()
      .arrayBuffer()
      .then((body) => signNow({ method, url, headers, body: new Uint8Array(body) }))
      .then(authorization);
  };
}
