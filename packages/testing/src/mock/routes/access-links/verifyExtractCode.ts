import type { verifyExtractCodeRequestBody } from '@koodrive/types';
import {
  callerOf,
  checkLinkAccess,
  checkNotExpired,
  findShare,
  refuse,
  sharingCodes,
  sharingOf,
} from '../../state/sharing-model.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

const randomHex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * Checks a share's access code and answers a kdstoken for it (42 hexadecimal characters, the
 * length of the carrier example's). A wrong code answers 13000101 "the extraction code is wrong".
 * A share without a code answers a token whatever the code (there is nothing to check). The token
 * lives `state.sharing.tokenTtlMs` (30 minutes unless a test sets it: the reference does not say),
 * and ends when the share is cancelled or its code changes.
 */
export const verifyExtractCode = sharingRoute((request, { state, now }) => {
  const { shortUrl, extractCode } = request.body as verifyExtractCodeRequestBody;
  const share = findShare(state, { shortUrl });
  const at = now().getTime();
  checkLinkAccess(state, share, callerOf(request.headers));
  checkNotExpired(share, at);
  if (share.extractCode !== undefined && share.extractCode !== extractCode) {
    refuse(sharingCodes.badRequest, 'the extraction code is wrong');
  }
  const sharing = sharingOf(state);
  const token = {
    token: randomHex(21),
    shareId: share.shareId,
    extractCode: share.extractCode ?? '',
    issuedAt: at,
    expiresAt: at + sharing.tokenTtlMs,
  };
  sharing.tokens.push(token);
  return ok({ kdstoken: token.token });
});
