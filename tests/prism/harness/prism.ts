/**
 * Stoplight Prism, run from the workspace's @stoplight/prism-cli in a process of its own: one per
 * mode, started once per test file. Resolves once Prism says where it listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A running Prism: its URL, the tail of its log (for failure messages) and a way to stop it. */
export interface RunningPrism {
  readonly url: string;
  /** Prism's last log lines, newest last. */
  log(): string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const KEPT_LOG_LINES = 200;

function prismCli(): string {
  const manifest = createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
  return join(dirname(manifest), 'dist', 'index.js');
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

/**
 * Starts `prism <args…>` on a free loopback port, e.g. `['proxy', spec, upstream, '--errors']` or
 * `['mock', '-d', spec]`. Rejects with Prism's own output when it exits or stays silent.
 */
export async function startPrism(args: readonly string[]): Promise<RunningPrism> {
  const child = spawn(process.execPath, [prismCli(), ...args, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const lines: string[] = [];
  let pending = '';
  const keep = (chunk: Buffer) => {
    const text = pending + chunk.toString('utf8');
    const parts = text.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > KEPT_LOG_LINES) lines.splice(0, lines.length - KEPT_LOG_LINES);
  };
  const log = () => [...lines, pending].join('\n');

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Prism did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${log()}`));
    }, STARTUP_TIMEOUT_MS);
    const onOutput = (chunk: Buffer) => {
      keep(chunk);
      const found = /Prism is listening on (http:\/\/\S+)/.exec(log());
      if (!found?.[1]) return;
      clearTimeout(timer);
      resolve(found[1]);
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${log()}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { url, log, stop: () => stopProcess(child) };
}
