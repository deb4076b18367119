/**
 * Credentials, and the choice of one per operation. The spec says which security schemes each
 * operation accepts (user token, app signature, app-level token, or none); a client may hold a
 * credential for several, and each call sends the first the operation accepts.
 *
 * A credential is pluggable, like Octokit's auth strategies: anything with a `scheme` and an
 * `authorize` function works, e.g. a session that refreshes its token (`renew`).
 */
import type { OperationFacts, SecurityScheme } from '../operations/operation-facts.js';

/** What a credential sees of one attempt: final headers (X-Date set) and the exact body bytes. */
export interface AuthorizeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  /** The body as sent; present only for credentials that set `needsBody`. */
  readonly body?: Uint8Array;
}

/** Why KooDrive refused an attempt with 401. */
export interface UnauthorizedAnswer {
  status: number;
  /** KooDrive's `code`, when the body had one. */
  code: number | undefined;
  headers: Headers;
}

/** A source of the Authorization header for one security scheme of the spec. */
export interface KooDriveCredential {
  /** The spec's security scheme it satisfies. */
  readonly scheme: SecurityScheme;
  /** Whether `authorize` needs the body bytes (an app signature hashes them). */
  readonly needsBody?: boolean;
  /** The Authorization header value for one attempt. */
  authorize(request: AuthorizeRequest): string | Promise<string>;
  /**
   * Called when KooDrive answered 401 to an attempt this credential authorized. Resolve true to
   * have the call retried once with a fresh `authorize` (a session that refreshed its token).
   */
  renew?(answer: UnauthorizedAnswer): boolean | Promise<boolean>;
}

/** The credentials of a client by scheme. */
export type CredentialSet = ReadonlyMap<string, KooDriveCredential>;

/**
 * The credential to send for an operation: the first of its security alternatives the client
 * holds, null for an operation that takes no authorization, undefined when the client holds none
 * of them (missing-credential.ts then says so).
 */
export function credentialFor(
  facts: OperationFacts,
  credentials: CredentialSet,
): KooDriveCredential | null | undefined {
  for (const alternative of facts.security) {
    if (alternative.length === 0) return null;
    const credential = credentials.get(alternative[0] as string);
    if (credential && alternative.every((scheme) => credentials.has(scheme))) return credential;
  }
  return undefined;
}
