/**
 * The storage options of the mock-koodrive command: an individual space for a user, spilling
 * uploads to a directory (removed on exit), a throttled storage endpoint.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { call, MiB, sha256, testBytes, USER } from './files-helpers.js';

const BIN = fileURLToPath(new URL('../bin/mock-koodrive.js', import.meta.url));
let directory: string | undefined;
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('mock-koodrive’s storage options', () => {
  it('refuses a malformed throttle, naming the option', async () => {
    const run = promisify(execFile)(process.execPath, [BIN, '--storage-throttle', 'fast'], { timeout: 10_000 });
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--storage-throttle takes MB/s'),
    });
  });

  it('gives a user an individual space, spills to a directory, throttles the endpoint', async () => {
    directory = await mkdtemp(join(tmpdir(), 'kd-cli-spill-'));
    const args = [
      '--port',
      '0',
      '--quiet',
      '--user-space',
      USER,
      '--spill-dir',
      directory,
      '--storage-throttle',
      '20,100',
    ];
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 10_000;
      while (!/listening on (\S+)/.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const base = /listening on (\S+)/.exec(stdout)?.[1] as string;
      const bytes = testBytes(2 * MiB, 31);
      const created = await call(base, 'POST', '/koodrive/ose/v1/files/create', {
        fileName: 'cli.bin',
        fileType: '45',
        parentFolder: ['root'],
        length: bytes.length,
      });
      expect(created.json.code).toBe(0);
      const started = performance.now();
      const put = await fetch(created.json.multiParts[0].uploadUrl, { method: 'PUT', body: bytes });
      // 2 MiB at 20 MB/s is ~105 ms, after 100 ms of latency.
      expect(performance.now() - started).toBeGreaterThan(180);
      expect(put.status).toBe(200);
      expect(
        (await call(base, 'POST', '/koodrive/ose/v1/files/complete', { fileId: created.json.fileId })).json.code,
      ).toBe(0);
      const [made] = readdirSync(directory);
      expect(readdirSync(join(directory, made as string))).toHaveLength(1);
      const containerId = created.json.containerId as string;
      const link = await call(base, 'POST', '/koodrive/ose/v1/files/download', {
        containerId,
        fileIds: [created.json.fileId],
      });
      expect(sha256(new Uint8Array(await (await fetch(link.json.downloads[0].url)).arrayBuffer()))).toBe(sha256(bytes));
      child.kill('SIGTERM');
      await exited;
      expect(existsSync(join(directory, made as string))).toBe(false);
    } finally {
      child.kill();
    }
  });
});
