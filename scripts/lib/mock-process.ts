import { spawn } from 'node:child_process';

/**
 * Starts a mock KooDrive CLI (`@koodrive/testing`'s `dist/cli.js` or bin, from the workspace or a
 * packed install) in a process of its own, with `node` (default: the Node running this script) and
 * no request log; resolves once it prints the URL it listens on.
 */
export async function startMockCli(cliPath: string, args: readonly string[], node: string = process.execPath) {
  const child = spawn(node, [cliPath, '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /listening on (\S+)/.exec(output)?.[1];
    if (url) return { url, stop: () => child.kill() };
  }
  throw new Error(`the mock KooDrive at ${cliPath} did not start: ${output}`);
}
