/** The mock KooDrive as a real HTTP server on loopback, for tests that must see the wire. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CorsOptions, createCorsPolicy } from './cors.js';
import type { FaultOptions } from './fault-options.js';
import { createFaultInjector, type FaultInjector, serveFaultReport } from './faults.js';
import { createMockKooDrive, type MockKooDrive, type MockKooDriveOptions } from './mock-koodrive.js';
import { createOperationMatcher, type MockLogEntry } from './request-log.js';
import { attachDirectBody, STORAGE_PREFIX } from './storage/storage.js';

/** Options of startMockKooDrive: the mock's own, where to listen, CORS and the request log. */
export interface MockServerOptions extends MockKooDriveOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Which browser origins may call the mock (preflights answered, `Date` and `Retry-After`
   * exposed). Default: any loopback origin (`http://localhost:5173`, `http://127.0.0.1:8080`, …);
   * `false` answers no preflight.
   */
  cors?: CorsOptions | false;
  /** Called once per answered request (preflights included), e.g. with formatLogEntry to print a request log. */
  log?: (entry: MockLogEntry) => void;
  /** Faults to inject at the rates given (503s, resets, hangs, cut-off bodies, …): see faults.ts. */
  faults?: FaultOptions;
}

/** A mock KooDrive listening on loopback, from startMockKooDrive. */
export interface RunningMockKooDrive extends MockKooDrive {
  /** The base URL to give the client, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** The fault injection, when started with `faults`: `faults.report()` says what was injected. */
  readonly faults?: FaultInjector;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toFetchRequest(incoming: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`, {
    method,
    headers,
    ...(hasBody ? { body: new Uint8Array(body) } : {}),
  });
}

/** The storage endpoint's requests (part uploads, downloads): their bodies are streamed, not buffered. */
const isStorageRequest = (incoming: IncomingMessage) => (incoming.url ?? '').startsWith(STORAGE_PREFIX);

/**
 * A fetch Request whose body streams from the socket (a part of up to 5 GiB never sits in memory
 * whole), and whose signal aborts when the client goes away (a hung answer waits for that).
 */
function toStreamingFetchRequest(incoming: IncomingMessage, outgoing: ServerResponse): Request {
  const gone = new AbortController();
  outgoing.once('close', () => gone.abort());
  // Read from the socket only when the handler reads: a body refused unread (a bad signature) is
  // then left to node:http, which discards it and keeps the connection usable.
  let chunks: AsyncIterator<Buffer> | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= incoming[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.length));
      },
      async cancel() {
        await chunks?.return?.();
      },
    },
    { highWaterMark: 0 },
  );
  const request = toFetchRequest(incoming, Buffer.alloc(0));
  const method = incoming.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(request, { signal: gone.signal });
  const streaming = new Request(request.url, {
    method,
    headers: request.headers,
    body,
    duplex: 'half',
    signal: gone.signal,
  } as RequestInit);
  // The storage endpoint reads node's stream itself, skipping the web-stream layers (a third of its time).
  attachDirectBody(streaming, incoming);
  return streaming;
}

/**
 * Writes a response whose length is known (the storage endpoint's) as its body streams, with
 * backpressure; a body that fails partway (a cut download) drops the connection, as a server that
 * dies mid-answer does. `Response.error()` drops it without an answer (a reset).
 */
async function streamFetchResponse(
  outgoing: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string>,
): Promise<void> {
  if (response.type === 'error') return void outgoing.destroy();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, { ...headers, ...extraHeaders });
  if (response.body) {
    const reader = response.body.getReader();
    // A client that goes away cancels the body: a stalled download waits for exactly that.
    const cancel = () => void reader.cancel().catch(() => undefined);
    outgoing.once('close', cancel);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (outgoing.destroyed) return;
        if (!outgoing.write(value))
          await new Promise<void>((resolve) => {
            const drained = () => {
              outgoing.off('drain', drained);
              outgoing.off('close', drained);
              resolve();
            };
            outgoing.on('drain', drained);
            outgoing.on('close', drained);
          });
      }
    } finally {
      outgoing.off('close', cancel);
    }
  }
  outgoing.end();
}

async function writeFetchResponse(
  outgoing: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  if (response.type === 'error' || (response.headers.has('content-length') && response.body))
    return streamFetchResponse(outgoing, response, extraHeaders);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, { ...headers, ...extraHeaders, 'content-length': String(body.length) });
  outgoing.end(body);
}

/**
 * node:http, found at run time rather than imported, so that the package's main entry (factories,
 * fixtures, createMockKooDrive) also bundles for a browser, where only this function cannot work.
 */
function nodeHttp(): typeof import('node:http') {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const http = process?.getBuiltinModule?.('node:http') as typeof import('node:http') | undefined;
  if (!http)
    throw new Error(
      'startMockKooDrive starts an HTTP server, which needs Node.js 20.16 or later; in a browser, use the MSW handlers of @koodrive/testing/msw',
    );
  return http;
}

/**
 * Starts the mock KooDrive as an HTTP server on loopback; give its `url` to the client as `baseUrl`.
 *
 * @example
 * const mock = await startMockKooDrive({ tokens: ['t'], state: makeMockState({ quotas: 250 }) });
 * const kd = createKooDriveClient({ baseUrl: mock.url, userId: '1505084218764547200', auth: { type: 'token', token: 't' } });
 * await mock.close();
 */
export async function startMockKooDrive(options: MockServerOptions = {}): Promise<RunningMockKooDrive> {
  const { createServer } = nodeHttp();
  const { port = 0, host = '127.0.0.1', cors: corsOptions = {}, log, faults: faultOptions, ...mockOptions } = options;
  const clock = mockOptions.clock ?? (() => new Date());
  const faults = faultOptions ? createFaultInjector(faultOptions, clock) : undefined;
  const mock = createMockKooDrive(mockOptions);
  const cors = corsOptions === false ? undefined : createCorsPolicy(corsOptions);
  const operationOf = log ? createOperationMatcher() : undefined;

  async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const time = new Date();
    const started = performance.now();
    const request = isStorageRequest(incoming)
      ? toStreamingFetchRequest(incoming, outgoing)
      : toFetchRequest(incoming, await readBody(incoming));
    const preflight = cors?.preflight(request);
    const fault = preflight ? undefined : faults?.pick(request, mock.state);
    let status: number | undefined;
    if (fault && faults) {
      const handle = () => mock.handle(request);
      const headers = cors?.responseHeaders(request);
      status = await faults.serve(fault, { request, outgoing, handle, now: clock, ...(headers ? { headers } : {}) });
    } else {
      const response = preflight ?? (await mock.handle(request));
      await writeFetchResponse(outgoing, response, cors?.responseHeaders(request));
      status = response.status;
    }
    if (!log || !operationOf) return;
    const origin = request.headers.get('origin') ?? undefined;
    const operationId = preflight ? undefined : operationOf(request.method, new URL(request.url).pathname);
    log({
      time,
      method: request.method,
      path: incoming.url ?? '/',
      preflight: preflight !== undefined,
      status: status ?? 0,
      ...(fault ? { fault: fault.kind } : {}),
      durationMs: performance.now() - started,
      ...(operationId ? { operationId } : {}),
      ...(origin ? { origin } : {}),
    });
  }

  const server = createServer((incoming, outgoing) => {
    if (serveFaultReport(faults, incoming, outgoing)) return;
    answer(incoming, outgoing).catch((error: unknown) => {
      if (outgoing.headersSent) return void outgoing.destroy();
      outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ code: 13000201, msg: `mock failure: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    handle: mock.handle,
    state: mock.state,
    requests: mock.requests,
    use: mock.use,
    reset: mock.reset,
    storageFaults: mock.storageFaults,
    dispose: mock.dispose,
    ...(faults ? { faults } : {}),
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }).finally(mock.dispose),
  };
}
