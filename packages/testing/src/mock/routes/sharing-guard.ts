import { fileRoute } from '../state/file-replies.js';

/**
 * A sharing route whose refusals are thrown (state/sharing-model.ts `refuse`, and the file tree's
 * MockFileError): each becomes HTTP 400 with its result code and message, as the file routes do.
 */
export const sharingRoute = fileRoute;

/** The origin URLs the mock hands out start with: the one the request came to. */
export const originOf = (request: { origin?: string; headers: Record<string, string> }) =>
  request.origin ?? `http://${request.headers.host ?? '127.0.0.1'}`;
