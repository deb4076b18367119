import { resultCodes } from '../../errors.js';
import { originOf, redirectUriFor, signInUrl } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * The sign-in URL for a front end's `domain`: the mock's own stand-in for OrgID's page (on the
 * mock's host), which redirects to `https://<domain>/cloudfile/index.html?code=…` (http for a
 * loopback domain), the page the reference's example redirects to.
 */
export const getAuthCodeURL: MockHandler = ({ query, headers }, { state }) => {
  const redirectUri = redirectUriFor(String(query.domain));
  if (!redirectUri) {
    return fail(resultCodes.parameterValidationFailed, 'query domain: must be a host name such as app.example.com');
  }
  const origin = originOf(headers.host ?? 'localhost');
  return ok({ uri: signInUrl(state.org, origin, redirectUri), orgIdHost: origin });
};
