/**
 * Processes of `pnpm bench:transfer`: the mock KooDrive (transfer-bench-mock.ts) and, for peak
 * memory, an uploading client of its own (transfer-bench-upload.ts), each run with tsx.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { MockStorageOptions } from '@koodrive/testing';
import { repoRoot } from './paths.ts';

/** node with tsx's loader: one process (the tsx CLI would put a process of its own in between). */
const withTsx = (script: string, args: readonly string[], nodeArgs: readonly string[] = []) =>
  spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(repoRoot, script), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

/** A running mock KooDrive process. */
export interface MockProcess {
  url: string;
  pid: number;
  containerId: string;
  stop(): Promise<void>;
}

/** Starts the mock in a process of its own (`nodeArgs` for node itself, e.g. `--cpu-prof`); resolves once it listens. */
export async function startMockProcess(
  storage: MockStorageOptions = {},
  nodeArgs: readonly string[] = [],
): Promise<MockProcess> {
  const child = withTsx('scripts/lib/transfer-bench-mock.ts', [JSON.stringify(storage)], nodeArgs);
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const ready = /^ready (.*)$/m.exec(output)?.[1];
    if (ready) {
      const { url, containerId } = JSON.parse(ready) as { url: string; containerId: string };
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdout.resume();
      return {
        url,
        pid: child.pid as number,
        containerId,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
  }
  throw new Error(`the transfer bench's mock did not start: ${output}`);
}

/** Runs a script with tsx and answers the JSON it prints last. */
export async function runJsonScript<T>(script: string, args: readonly string[]): Promise<T> {
  const child = withTsx(script, args);
  let output = '';
  for await (const chunk of child.stdout) output += String(chunk);
  const code = await new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', resolve);
  });
  const last = output.trim().split('\n').at(-1) ?? '';
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${output}`);
  return JSON.parse(last) as T;
}

/** CPU time (user + system, in ms) a process has used so far, from /proc (Linux). */
export async function cpuMsOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "(comm) ", in clock ticks (100 per second).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
