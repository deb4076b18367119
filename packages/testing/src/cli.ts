#!/usr/bin/env node
/**
 * mock-koodrive: runs the mock KooDrive on loopback until interrupted. `mock-koodrive --help` says
 * how. Prints `mock KooDrive listening on <url>` once ready, then a line per request.
 *
 * A mistake on the command line is one line on stderr and exit code 2; a failure to start (port in
 * use) one line and exit code 1. Never a stack trace, and never a token or an AppSecret.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { normalizeOrigin } from './mock/cors.js';
import { parseFaultSpec, type ResolvedFaultOptions } from './mock/fault-options.js';

const HELP = `mock-koodrive: a mock KooDrive on loopback that checks every request against the spec

Usage: mock-koodrive [options]

Options:
  --port <n>              port to listen on, 0 for any free one (default 4010)
  --host <address>        address to listen on (default 127.0.0.1)
  --rows <n>              rows of GetSpaceUsageByQuota in the mock's data (default 25)
  --token <token>         a token the mock accepts; repeat for several (default: any token)
  --app <id:secret>       an app whose signatures the mock accepts; repeat for several
                          (default: none, app signatures are refused)
  --cors-origin <origin>  a web page's origin allowed to call the mock from a browser, such as
                          http://localhost:5173; repeat for several, or * for any origin
                          (default: any loopback origin: localhost, 127.x.x.x, [::1], any port)
  --faults <list>         inject faults at these rates, e.g. 503=0.02,reset=0.01,seed=7
                          (kinds: 503, 503-retry-after, reset, hang, truncated, html-502,
                          clock-skew, session-expired, unauthorized; settings: seed,
                          retry-after, hang-ms, skew-ms, session-min-age-ms,
                          unauthorized-code, exclude=opId:opId). GET /__mock/faults
                          reports what was injected.
  --user-space <userId>   give this user an individual space if the data has none, so that
                          createFile with parentFolder ["root"] works for that X-User-Id; repeat
                          for several
  --spill-dir <dir>       keep uploaded bytes in a temporary directory made inside <dir>
                          (removed on exit) instead of memory
  --storage-throttle <MB/s>[,<ms>]
                          slow the storage endpoint (part uploads, downloads) to MB/s per
                          request, with ms of latency before each answer, e.g. 20,20
  --skip-hash-check       do not hash parts as they arrive (hashCtx is not checked; the file's
                          SHA-256 still is, at completeFile): a faster storage endpoint for
                          throughput benchmarks
  --quiet                 no request log
  -h, --help              this help
  --version               the version of @koodrive/testing

Once ready it prints "mock KooDrive listening on <url>", then one line per request:
  07:01:40.123 GET /koodrive/ose/v1/space/usage/quota?limit=5 GetSpaceUsageByQuota 200 3 ms
Give the URL to the client as baseUrl. Stop it with Ctrl+C.

Example:
  mock-koodrive --port 4010 --rows 250 --token dev-token --app my-app:my-secret`;

/** A mistake on the command line: reported in one line, exit code 2. */
class UsageError extends Error {}

/** Options whose value may look like a negative number (`--rows -5`), which parseArgs calls ambiguous. */
const VALUE_OPTIONS = new Set([
  '--port',
  '--host',
  '--rows',
  '--token',
  '--app',
  '--cors-origin',
  '--faults',
  '--user-space',
  '--spill-dir',
  '--storage-throttle',
]);

/** Joins `--rows -5` into `--rows=-5`, so that the value's own check can name the problem. */
function joinNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const next = args[index + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

function wholeNumber(option: string, value: string, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number <= max))
    throw new UsageError(`${option} must be a whole number from 0 to ${max}, got ${JSON.stringify(value)}`);
  return number;
}

function appPair(value: string): [string, string] {
  const colon = value.indexOf(':');
  // The value holds a secret: never repeat it.
  if (colon < 1 || colon === value.length - 1)
    throw new UsageError(
      '--app takes APP_ID:APP_SECRET, both non-empty (the value given is not repeated, as it may hold a secret)',
    );
  return [value.slice(0, colon), value.slice(colon + 1)];
}

/** Rewords parseArgs' errors as one line each. */
function parseError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return new UsageError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: every option starts with --`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(message))
    return new UsageError(`${option} takes no value`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`${option} needs a value`);
  return new UsageError(message.split('\n')[0] ?? message);
}

function parseCommandLine(args: readonly string[]) {
  let values: ReturnType<typeof parse>['values'];
  const parse = (list: string[]) =>
    parseArgs({
      args: list,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        rows: { type: 'string', default: '25' },
        token: { type: 'string', multiple: true },
        app: { type: 'string', multiple: true },
        'cors-origin': { type: 'string', multiple: true },
        faults: { type: 'string' },
        'user-space': { type: 'string', multiple: true },
        'spill-dir': { type: 'string' },
        'storage-throttle': { type: 'string' },
        'skip-hash-check': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  try {
    values = parse(joinNegativeValues(args)).values;
  } catch (error) {
    throw parseError(error);
  }
  const host = values.host.trim();
  if (host === '') throw new UsageError('--host must not be empty');
  const tokens = values.token;
  if (tokens?.some((token) => token.trim() === '')) throw new UsageError('--token must not be empty');
  const corsOrigins = values['cors-origin'];
  let origins: '*' | string[] | undefined;
  if (corsOrigins?.includes('*')) origins = '*';
  else if (corsOrigins) {
    origins = corsOrigins.map((origin) => {
      try {
        return normalizeOrigin(origin);
      } catch {
        throw new UsageError(
          `--cors-origin takes an origin such as http://localhost:5173 (scheme, host and port, no path) or *, got ${JSON.stringify(origin)}`,
        );
      }
    });
  }
  let faults: ResolvedFaultOptions | undefined;
  try {
    faults = values.faults === undefined ? undefined : parseFaultSpec(values.faults);
  } catch (error) {
    throw new UsageError(`--${(error as Error).message}`);
  }
  const userSpaces = values['user-space'];
  if (userSpaces?.some((userId) => !/^\d{1,19}$/.test(userId)))
    throw new UsageError('--user-space takes a KooDrive user ID (up to 19 digits)');
  if (values['spill-dir']?.trim() === '') throw new UsageError('--spill-dir must not be empty');
  return {
    faults,
    userSpaces,
    spillDir: values['spill-dir'],
    skipHashCheck: values['skip-hash-check'],
    throttle: values['storage-throttle'] === undefined ? undefined : storageThrottle(values['storage-throttle']),
    help: values.help,
    version: values.version,
    quiet: values.quiet,
    port: wholeNumber('--port', values.port, 65535),
    host,
    rows: wholeNumber('--rows', values.rows, 1_000_000),
    tokens,
    apps: values.app ? Object.fromEntries(values.app.map(appPair)) : undefined,
    origins,
  };
}

/** `--storage-throttle 20,20`: 20 MB/s (10^6 bytes) per request, 20 ms of latency. */
function storageThrottle(value: string): { bytesPerSecond: number; latencyMs: number } {
  const match = /^(\d+(?:\.\d+)?)(?:,(\d+))?$/.exec(value.trim());
  if (!match || Number(match[1]) <= 0)
    throw new UsageError(
      `--storage-throttle takes MB/s and optionally ms of latency, e.g. 20,20; got ${JSON.stringify(value)}`,
    );
  return { bytesPerSecond: Number(match[1]) * 1e6, latencyMs: Number(match[2] ?? 0) };
}

function fail(message: string, exitCode: number): never {
  process.stderr.write(`mock-koodrive: ${message}\n`);
  process.exit(exitCode);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
let settings: ReturnType<typeof parseCommandLine>;
try {
  settings = parseCommandLine(args);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  fail(`${error.message} (see mock-koodrive --help)`, 2);
}
if (settings.version) {
  console.log(createRequire(import.meta.url)('../package.json').version);
  process.exit(0);
}

// Nobody reading the log any more (a parent that closed its end of the pipe) is no reason to stop serving.
let logging = !settings.quiet;
process.stdout.on('error', () => {
  logging = false;
});

const [{ startMockKooDrive }, { makeMockState }, { formatLogEntry }, { ensureIndividualSpace }] = await Promise.all([
  import('./mock/server.js'),
  import('./factories/state.js'),
  import('./mock/request-log.js'),
  import('./mock/state/files.js'),
]);
const state = makeMockState({ quotas: settings.rows });
for (const userId of settings.userSpaces ?? []) ensureIndividualSpace(state, userId);
const mock = await startMockKooDrive({
  port: settings.port,
  host: settings.host,
  state,
  ...(settings.tokens ? { tokens: settings.tokens } : {}),
  ...(settings.apps ? { apps: settings.apps } : {}),
  ...(settings.origins ? { cors: { origins: settings.origins } } : {}),
  ...(settings.faults ? { faults: settings.faults } : {}),
  ...(settings.spillDir || settings.throttle || settings.skipHashCheck
    ? {
        storage: {
          ...(settings.spillDir ? { spillDir: settings.spillDir } : {}),
          ...(settings.throttle ? { throttle: settings.throttle } : {}),
          ...(settings.skipHashCheck ? { verifyHashes: false } : {}),
        },
      }
    : {}),
  log: (entry) => {
    if (logging) console.log(formatLogEntry(entry));
  },
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE')
    fail(`port ${settings.port} on ${settings.host} is in use: pick another with --port (0 for any free one)`, 1);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    fail(`cannot listen on ${settings.host}: not an address of this machine`, 1);
  fail(`cannot start: ${error.message}`, 1);
});

const accepts = [
  settings.tokens ? `${settings.tokens.length} token(s)` : 'any token',
  settings.apps ? `app signatures of ${Object.keys(settings.apps).join(', ')}` : 'no app signatures',
  `CORS for ${settings.origins === '*' ? 'any origin' : (settings.origins?.join(', ') ?? 'loopback origins')}`,
  ...(settings.faults ? [`faults (seed ${settings.faults.seed}) reported at GET /__mock/faults`] : []),
];
// One write for both lines: whoever waits for "listening on" finds what the mock accepts with it.
console.log(
  `mock KooDrive listening on ${mock.url}\naccepting ${accepts.join('; ')}${settings.quiet ? '' : '; logging each request'}`,
);

const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
