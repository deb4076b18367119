/**
 * Redocly CLI, quieter: runs `redocly <args>` and passes its output through, less the boxed
 * "Node.js 20 support is ending" notice it prints on every run under Node 20 (which this project
 * supports on purpose; the notice has no switch of its own). Everything else, errors included, is kept.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './lib/paths.ts';

const child = spawn(join(repoRoot, 'node_modules/.bin/redocly'), process.argv.slice(2), {
  stdio: ['inherit', 'pipe', 'pipe'],
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});

/** Copies a stream line by line, dropping the Node 20 notice's box (from its top border to its bottom one). */
function passThrough(input: NodeJS.ReadableStream, output: NodeJS.WritableStream) {
  let box: string[] | undefined;
  createInterface({ input }).on('line', (line) => {
    if (box === undefined && /^\s*[╔┌]/.test(line)) box = [];
    if (box === undefined) return void output.write(`${line}\n`);
    box.push(line);
    if (!/^\s*[╚└]/.test(line)) return;
    if (!box.some((text) => text.includes('Node.js 20 support is ending'))) output.write(`${box.join('\n')}\n`);
    box = undefined;
  });
}

passThrough(child.stdout, process.stdout);
passThrough(child.stderr, process.stderr);
child.on('close', (code) => {
  process.exitCode = code ?? 1;
});
