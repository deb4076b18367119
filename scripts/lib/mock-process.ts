import { spawn } from 'node:child_process';

/**
 * Starts a mock KooDrive CLI (`@koodrive/testing`'s `dist/cli.js`, from the workspace or a packed
 * install) in a Node process of its own; resolves once it prints the URL it listens on.
 */
export async function startMockCli(cliPath: string, args: readonly string[]) {
  const child = spawn(process.execPath, [cliPath, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /listening on (\S+)/.exec(output)?.[1];
    if (url) return { url, stop: () => child.kill() };
  }
  throw new Error(`the mock KooDrive at ${cliPath} did not start: ${output}`);
}
