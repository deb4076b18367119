/**
 * The words for a call whose operation accepts no credential the client holds; loaded only then
 * (the error itself is made by the caller, so this module shares nothing with the client's entry).
 */

import type { OperationFacts } from '../operations/operation-facts.js';
import type { CredentialSet } from './credential.js';

const SCHEME_NAMES: Record<string, string> = {
  kooDriveToken: 'a user access token (auth.user)',
  kooDriveAppSignature: 'an app signature (auth.app)',
  kooDriveAppToken: 'an app-level token (auth.appToken)',
};

const describe = (scheme: string) => SCHEME_NAMES[scheme] ?? `a "${scheme}" credential`;

/** What the operation accepts and what the client has, e.g. "this operation accepts an app-level token (auth.appToken); the client has …". */
export function missingCredentialProblem(facts: OperationFacts, credentials: CredentialSet): string {
  const accepted = facts.security.map((alternative) => alternative.map(describe).join(' and ')).join(', or ');
  const held = [...credentials.keys()].map(describe).join(', ') || 'no credential';
  return `this operation accepts ${accepted}; the client has ${held}`;
}
