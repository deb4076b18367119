import type { Clock } from '../headers/x-date.js';
import { formatXDate } from '../headers/x-date.js';
import { type KooDriveLogger, redactedHeaders, silentLogger } from '../logger.js';

/** fetch as the client calls it: the request, and the attempt's AbortSignal (time-out or the caller's abort). */
export type FetchLike = (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/**
 * The init property that carries an attempt's AbortSignal to the transport. openapi-fetch copies
 * unknown init properties onto the Request it builds; giving the signal to fetch once, rather than
 * to that Request (which fetch then copies again), halves what undici spends following it.
 */
export const ATTEMPT_SIGNAL = 'koodriveAttemptSignal';

const attemptSignalOf = (request: Request) =>
  (request as unknown as Record<string, AbortSignal | undefined>)[ATTEMPT_SIGNAL];

/**
 * Produces the Authorization header of one attempt; app authentication signs the request it is
 * given. A fixed token answers at once, without a promise to wait for.
 */
export type Authorizer = (request: Request) => string | Promise<string>;

export interface TransportOptions {
  fetch: FetchLike;
  authorize: Authorizer;
  clock: Clock;
  logger: KooDriveLogger;
}

/** The request was handed to fetch and got no response; `cause` is what fetch threw. */
export class SendFailure extends Error {
  constructor(cause: unknown) {
    super('fetch failed', { cause });
  }
}

/** A 401 whose Date is further than this from our clock is taken as clock skew, not bad credentials. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000;

/**
 * The fetch that openapi-fetch calls. Each attempt gets its own X-Date, read from the clock at
 * that moment, and an Authorization computed after it, because an app signature covers X-Date.
 *
 * KooDrive refuses an X-Date more than 15 minutes old or later than its own clock. When it answers
 * 401 with a Date header far from ours, the transport learns the offset, re-signs and tries once
 * more (as the AWS SDKs do); the offset then applies to every later request of this client.
 */
export function createTransport({ fetch, authorize, clock, logger }: TransportOptions): FetchLike {
  let clockOffsetMs = 0;
  const now = () => new Date(clock().getTime() + clockOffsetMs);

  async function attempt(request: Request): Promise<Response> {
    // fetch consumes a body, so each attempt sends a copy; a request without one is reused as is
    // (its X-Date and Authorization are simply set again).
    const signed = request.body === null ? request : request.clone();
    signed.headers.set('X-Date', formatXDate(now()));
    const authorization = authorize(signed);
    signed.headers.set('Authorization', typeof authorization === 'string' ? authorization : await authorization);
    if (logger.debug !== silentLogger.debug) {
      logger.debug('koodrive send', {
        method: signed.method,
        url: signed.url,
        headers: redactedHeaders(signed.headers),
      });
    }
    const signal = attemptSignalOf(request);
    try {
      return await (signal ? fetch(signed, { signal }) : fetch(signed));
    } catch (error) {
      throw new SendFailure(error);
    }
  }

  /** Whether a 401 shows our clock off from the server's; if so, corrects it. */
  function correctedClockSkew(response: Response): boolean {
    if (response.status !== 401) return false;
    const serverTime = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(serverTime)) return false;
    const skew = serverTime - now().getTime();
    if (Math.abs(skew) <= CLOCK_SKEW_TOLERANCE_MS) return false;
    clockOffsetMs += skew;
    logger.warn('koodrive clock skew corrected', { skewMs: skew });
    return true;
  }

  return async function send(request) {
    const response = await attempt(request);
    if (!correctedClockSkew(response)) return response;
    await response.body?.cancel();
    return attempt(request);
  };
}
