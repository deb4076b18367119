/**
 * The mock-koodrive command as a user runs it: the committed bin (which loads dist/cli.js, built
 * before the tests run) in a Node process of its own.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createOperationMatcher, formatLogEntry } from '../src/index.js';
import { goodHeaders, QUOTA_PATH, TOKEN } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/mock-koodrive.js', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
};

/** Runs the CLI to its end (for options that make it exit). */
async function runToEnd(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { timeout: 10_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

/** Starts the CLI and resolves once it listens, with its URL and a reader of everything it printed. */
async function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args]);
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const deadline = Date.now() + 10_000;
  // Ready once it has said where it listens and what it accepts (two lines, which may arrive apart).
  while (!/listening on (\S+)/.test(stdout) || !stdout.includes('accepting ')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the mock did not start: ${stdout}${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = /listening on (\S+)/.exec(stdout)?.[1] as string;
  return { child, url, output: () => stdout, errors: () => stderr };
}

const waitFor = async (condition: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('mock-koodrive --help', () => {
  it('prints the options and exits 0, without a stack trace', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await runToEnd([flag]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      for (const option of ['--port', '--host', '--rows', '--token', '--app', '--cors-origin', '--quiet'])
        expect(stdout).toContain(option);
    }
  });

  it('wins over other options, even bad ones', async () => {
    expect((await runToEnd(['--port', 'abc', '--help'])).code).toBe(0);
  });

  it('prints the package version with --version', async () => {
    expect((await runToEnd(['--version'])).stdout.trim()).toBe(packageJson.version);
  });
});

describe('mock-koodrive with a mistake on the command line', () => {
  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, got "abc"'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535, got "70000"'],
    [['--port', '-1'], '--port must be a whole number from 0 to 65535, got "-1"'],
    [['--rows', '-5'], '--rows must be a whole number from 0 to 1000000, got "-5"'],
    [['--rows', '2.5'], '--rows must be a whole number from 0 to 1000000, got "2.5"'],
    [['--rows'], '--rows needs a value'],
    [['--app', 'noColon'], '--app takes APP_ID:APP_SECRET, both non-empty'],
    [['--app', 'id:'], '--app takes APP_ID:APP_SECRET, both non-empty'],
    [['--token', ''], '--token must not be empty'],
    [['--cors-origin', 'localhost:5173'], '--cors-origin takes an origin such as http://localhost:5173'],
    [['--bogus'], 'unknown option --bogus'],
    [['--prot', '4010'], 'unknown option --prot'],
    [['4010'], 'unexpected argument 4010'],
    [['--quiet=yes'], '--quiet takes no value'],
  ])('%j: one line on stderr, exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runToEnd(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`mock-koodrive: ${message}`);
    expect(stderr).toMatch(/\(see mock-koodrive --help\)\n$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('never repeats the value of --app, which holds a secret', async () => {
    const { stderr } = await runToEnd(['--app', 'my-very-secret-value']);
    expect(stderr).not.toContain('my-very-secret-value');
  });

  it('says in one line, exit code 1, that the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await runToEnd(['--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `mock-koodrive: port ${port} on 127.0.0.1 is in use: pick another with --port (0 for any free one)`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('mock-koodrive serving', () => {
  it('logs each request: time, method, path, operation, status and duration; never a token', async () => {
    const mock = await start(['--token', TOKEN, '--app', 'cli-app:cli-secret', '--rows', '7']);
    expect(mock.output()).toContain('accepting 1 token(s); app signatures of cli-app; CORS for loopback origins');
    expect(mock.output()).not.toContain('cli-secret');
    const page = await fetch(`${mock.url}${QUOTA_PATH}?limit=100`, { headers: goodHeaders() });
    expect(((await page.json()) as { total: number }).total).toBe(7);
    await fetch(`${mock.url}/not-koodrive`, { headers: goodHeaders() });
    await waitFor(() => mock.output().includes('not-koodrive'));
    const lines = mock.output().trim().split('\n').slice(2);
    expect(lines).toEqual([
      expect.stringMatching(
        /^\d\d:\d\d:\d\d\.\d{3} GET \/koodrive\/ose\/v1\/space\/usage\/quota\?limit=100 GetSpaceUsageByQuota 200 \d+ ms$/,
      ),
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} GET \/not-koodrive - 404 \d+ ms$/),
    ]);
    expect(mock.output()).not.toContain(TOKEN);
  });

  it('logs nothing with --quiet', async () => {
    const mock = await start(['--quiet']);
    await fetch(`${mock.url}${QUOTA_PATH}`, { headers: goodHeaders() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mock.output().trim().split('\n')).toEqual([
      `mock KooDrive listening on ${mock.url}`,
      'accepting any token; no app signatures; CORS for loopback origins',
    ]);
  });

  it('answers preflights only from the origins given with --cors-origin', async () => {
    const mock = await start(['--cors-origin', 'http://localhost:5173']);
    const preflight = (origin: string) =>
      fetch(`${mock.url}${QUOTA_PATH}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-user-id' },
      });
    expect((await preflight('http://localhost:5173')).status).toBe(204);
    expect((await preflight('http://127.0.0.1:8080')).status).toBe(403);
    await waitFor(() => mock.output().includes('127.0.0.1:8080'));
    expect(mock.output()).toMatch(
      /OPTIONS \/koodrive\/ose\/v1\/space\/usage\/quota CORS preflight from http:\/\/localhost:5173 204/,
    );
  });

  it('keeps serving when whoever started it stops reading its log', async () => {
    const mock = await start([]);
    mock.child.stdout.destroy();
    for (let call = 0; call < 3; call++) {
      const response = await fetch(`${mock.url}${QUOTA_PATH}`, { headers: goodHeaders() });
      expect(response.status).toBe(200);
    }
    expect(mock.child.exitCode).toBeNull();
  });

  it('stops on SIGTERM', async () => {
    const mock = await start(['--quiet']);
    const exit = new Promise((resolve) => mock.child.once('exit', resolve));
    mock.child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});

describe('the package as installed', () => {
  it('links the committed bin, which ships in the package', () => {
    expect(packageJson.bin['mock-koodrive']).toBe('./bin/mock-koodrive.js');
    expect(packageJson.files).toContain('bin');
    expect(readFileSync(BIN, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

describe('the request log', () => {
  it('names the operation, a literal path winning over a template', () => {
    const operationOf = createOperationMatcher();
    expect(operationOf('POST', '/koodrive/ose/v1/space/group')).toBe('CreateGroupSpace');
    expect(operationOf('POST', '/koodrive/ose/v1/space/1505084218764547299')).toBe('CreateSpace');
    expect(operationOf('GET', '/koodrive/ose/v1/space/usage/quota')).toBe('GetSpaceUsageByQuota');
    expect(operationOf('PATCH', '/koodrive/ose/v1/space/usage/quota')).toBeUndefined();
  });

  it('formats a line per request', () => {
    const time = new Date(2025, 10, 3, 7, 1, 40, 5);
    const base = { time, method: 'GET', path: '/x?limit=5', status: 200, durationMs: 2.6, preflight: false };
    expect(formatLogEntry({ ...base, operationId: 'GetSpaceUsageByQuota' })).toBe(
      '07:01:40.005 GET /x?limit=5 GetSpaceUsageByQuota 200 3 ms',
    );
    expect(
      formatLogEntry({ ...base, method: 'OPTIONS', preflight: true, origin: 'http://localhost:5173', status: 204 }),
    ).toBe('07:01:40.005 OPTIONS /x?limit=5 CORS preflight from http://localhost:5173 204 3 ms');
  });
});
