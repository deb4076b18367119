/**
 * A fetch for @koodrive/client that sends each request through Prism and records what Prism said
 * of it: the violations it reported in its `sl-violations` header, and the errors it answered in
 * place of the service (`application/problem+json` documents of type `https://stoplight.io/prism/errors#…`).
 */

/** One violation Prism reported, request or response side. */
export interface PrismViolation {
  /** Where: `request.query.limit`, `response.body.data.0.capacity`, … */
  where: string;
  severity: string;
  message: string;
}

/** One request that went through Prism, and its answer. */
export interface PrismExchange {
  method: string;
  /** Path and query, as the client sent them. */
  target: string;
  requestHeaders: Headers;
  requestBody: string;
  status: number;
  responseBody: string;
  /** What Prism reported; empty when it found the exchange valid. */
  violations: PrismViolation[];
}

/** Options of prismFetch. */
export interface PrismFetchOptions {
  /** Prism's base URL: every request goes there, whatever host the client addressed. */
  prismUrl: string;
  /** Called with every exchange. */
  onExchange: (exchange: PrismExchange) => void;
  /** Extra request headers, such as `Prefer: code=400` for Prism's mock. */
  headers?: () => Record<string, string>;
  /** Replaces the answer's body text before the client reads it (the int64 property test adds big numbers). */
  rewriteBody?: (text: string, status: number) => string;
}

const PRISM_ERROR = 'https://stoplight.io/prism/errors#';

interface RawViolation {
  location?: unknown[];
  severity?: string;
  message?: string;
  code?: unknown;
}

const toViolation = (raw: RawViolation, side?: string): PrismViolation => ({
  where: [side, ...(raw.location ?? [])].filter((part) => part !== undefined).join('.'),
  severity: raw.severity ?? 'Error',
  message: raw.message ?? JSON.stringify(raw),
});

/** The violations in Prism's `sl-violations` header and in an error document Prism answered with. */
export function readPrismVerdict(headers: Headers, body: string): PrismViolation[] {
  const violations: PrismViolation[] = [];
  const header = headers.get('sl-violations');
  if (header) {
    const json = header.replace(/^Too many violations! /, '');
    try {
      for (const raw of JSON.parse(json) as RawViolation[]) violations.push(toViolation(raw));
    } catch {
      violations.push({ where: 'sl-violations', severity: 'Error', message: header.slice(0, 500) });
    }
  }
  if ((headers.get('content-type') ?? '').includes('problem+json')) {
    let problem: { type?: string; title?: string; detail?: string; validation?: RawViolation[] } = {};
    try {
      problem = JSON.parse(body);
    } catch {}
    if (problem.type?.startsWith(PRISM_ERROR)) {
      const kind = problem.type.slice(PRISM_ERROR.length);
      // Prism refuses a request (422, 401) before forwarding it; its locations then have no side.
      const side = kind === 'UNPROCESSABLE_ENTITY' || kind === 'UNAUTHORIZED' ? 'request' : undefined;
      const listed = problem.validation ?? [];
      if (listed.length === 0)
        violations.push({ where: side ?? kind, severity: 'Error', message: `${kind}: ${problem.title ?? ''}` });
      // With --errors, a response's violations are in both the header and the error document: once is enough.
      const reported = new Set(violations.map((violation) => `${violation.where} ${violation.message}`));
      for (const raw of listed) {
        const violation = toViolation(raw, side);
        if (!reported.has(`${violation.where} ${violation.message}`))
          violations.push({ ...violation, message: `${kind}: ${violation.message}` });
      }
    }
  }
  return violations;
}

/** The client's `fetch` option: through Prism, every exchange recorded (see PrismFetchOptions). */
export function prismFetch(options: PrismFetchOptions) {
  return async (request: Request, init?: { signal?: AbortSignal }): Promise<Response> => {
    const url = new URL(request.url);
    const target = `${url.pathname}${url.search}`;
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(options.headers?.() ?? {})) headers.set(name, value);
    const requestBody = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    // The Host the client signed (the service's, here the mock's) is the one Prism's forward sends
    // upstream: Prism drops the incoming Host and its fetch sets the upstream URL's.
    const answer = await fetch(new URL(target, options.prismUrl), {
      method: request.method,
      headers,
      ...(requestBody === '' ? {} : { body: requestBody }),
      redirect: 'manual',
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    const text = await answer.text();
    const violations = readPrismVerdict(answer.headers, text);
    options.onExchange({
      method: request.method,
      target,
      requestHeaders: headers,
      requestBody,
      status: answer.status,
      responseBody: text,
      violations,
    });
    const responseHeaders = new Headers(answer.headers);
    responseHeaders.delete('content-length');
    responseHeaders.delete('content-encoding');
    const body = options.rewriteBody ? options.rewriteBody(text, answer.status) : text;
    return new Response(answer.status === 204 ? null : body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: responseHeaders,
    });
  };
}
