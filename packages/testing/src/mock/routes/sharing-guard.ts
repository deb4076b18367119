import { MockFileError } from '../state/files.js';
import type { MockHandler } from '../types.js';
import { fail } from './replies.js';

/**
 * A sharing route whose refusals are thrown (state/sharing-model.ts `refuse`, and the file tree's
 * MockFileError): each becomes HTTP 400 with its result code and message. Anything else is a bug
 * of the mock and is left to surface.
 */
export function sharingRoute(handler: MockHandler): MockHandler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof MockFileError) return fail(error.code, error.message);
      throw error;
    }
  };
}

/** The origin URLs the mock hands out start with: the one the request came to. */
export const originOf = (request: { origin?: string; headers: Record<string, string> }) =>
  request.origin ?? `http://${request.headers.host ?? '127.0.0.1'}`;
