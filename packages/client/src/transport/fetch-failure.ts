/**
 * Why fetch got no answer, in words: the error codes sit a cause or two deep in Node
 * (`TypeError: fetch failed` → `cause.code: 'ECONNREFUSED'`), and browsers say only "Failed to fetch".
 */

const REASONS: [RegExp, string][] = [
  [/^ECONNREFUSED$/, 'connection refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'connection reset'],
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/, 'host not found (DNS)'],
  [
    /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/,
    'timed out at the network level',
  ],
  [/^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN)$/, 'host unreachable'],
  [
    /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO)/,
    'TLS handshake failed',
  ],
];

// What browsers throw for any network failure, CORS refusals included (they do not tell them apart).
const BROWSER_FETCH_FAILURE = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

/** The errors of a cause chain, outermost first. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 5; ) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** A short reason for a fetch failure, and the system error code when there is one. */
export function describeFetchFailure(error: unknown): { reason: string; code?: string } {
  const chain = causeChain(error);
  for (const link of chain) {
    const code = (link as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    const match = REASONS.find(([pattern]) => pattern.test(code));
    return { reason: match ? match[1] : `failed (${code})`, code };
  }
  const messages = chain.map((link) => (link instanceof Error ? link.message : String(link)));
  if (messages.some((message) => BROWSER_FETCH_FAILURE.test(message))) {
    return {
      reason: 'the browser could not reach it (a network failure or a CORS refusal; browsers do not say which)',
    };
  }
  if (messages.includes('terminated')) return { reason: 'the connection closed before the answer was complete' };
  const innermost = messages[messages.length - 1] ?? 'unknown failure';
  return { reason: innermost.replace(/"[^"]*"/g, '"…"') };
}
