import { type Clock, formatXDate } from '../headers/x-date.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** Produces the Authorization header of one attempt; app authentication signs the request it is given. */
export type Authorizer = (request: Request) => Promise<string>;

export interface TransportOptions {
  fetch: FetchLike;
  authorize: Authorizer;
  clock: Clock;
}

/** The request was handed to fetch and got no response; `cause` is what fetch threw. */
export class SendFailure extends Error {
  constructor(cause: unknown) {
    super('fetch failed', { cause });
  }
}

/**
 * The fetch that openapi-fetch calls. Each attempt gets its own X-Date, read from the clock at
 * that moment, and an Authorization computed after it, because an app signature covers X-Date.
 */
export function createTransport({ fetch, authorize, clock }: TransportOptions): FetchLike {
  return async function send(request) {
    const attempt = request.clone();
    attempt.headers.set('X-Date', formatXDate(clock()));
    attempt.headers.set('Authorization', await authorize(attempt));
    try {
      return await fetch(attempt);
    } catch (error) {
      throw new SendFailure(error);
    }
  };
}
