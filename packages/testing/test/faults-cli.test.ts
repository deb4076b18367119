/**
 * `mock-koodrive --faults` as a user runs it: the committed bin (which loads dist/cli.js, built
 * before the tests run) in a Node process of its own.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { goodHeaders, QUOTA_PATH, TOKEN } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/mock-koodrive.js', import.meta.url));

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

async function startWithFaults(faults: string): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--token', TOKEN, '--faults', faults]);
  running.push(child);
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  const deadline = Date.now() + 10_000;
  while (!/listening on (\S+)/.test(stdout)) {
    if (Date.now() > deadline) throw new Error(`the mock did not start: ${stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url: /listening on (\S+)/.exec(stdout)?.[1] as string, output: () => stdout };
}

describe('mock-koodrive --faults', () => {
  it('injects the faults given, logs them, and reports them at GET /__mock/faults', async () => {
    const { url, output } = await startWithFaults('503=1,seed=4');
    expect(output()).toContain('faults (seed 4) reported at GET /__mock/faults');
    const response = await fetch(`${url}${QUOTA_PATH}`, { headers: goodHeaders() });
    expect(response.status).toBe(503);
    const report = (await (await fetch(`${url}/__mock/faults`)).json()) as { injected: Record<string, number> };
    expect(report.injected['503']).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output()).toMatch(/GetSpaceUsageByQuota 503 \d+ ms fault=503/);
  });

  it.each([
    ['503=2', '--faults: the rate of 503 must be a number from 0 to 1, got "2"'],
    ['slow=0.1', '--faults: unknown name "slow"'],
    ['503=0.7,reset=0.7', '--faults: the rates add up to 1.4, more than 1'],
  ])('refuses --faults %s with exit code 2, naming the problem', async (faults, message) => {
    const failure = await promisify(execFile)(process.execPath, [BIN, '--faults', faults]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(message);
  });
});
