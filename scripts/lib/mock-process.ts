import { spawn } from 'node:child_process';

/**
 * Starts a mock KooDrive CLI (`@koodrive/testing`'s `dist/cli.js` or bin, from the workspace or a
 * packed install) in a process of its own, with `node` (default: the Node running this script) and
 * no request log; resolves once it prints the URL it listens on. `stop()` ends it and resolves once
 * it has exited (so no handle of it is left in this process).
 */
export async function startMockCli(cliPath: string, args: readonly string[], node: string = process.execPath) {
  const child = spawn(node, [cliPath, '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /listening on (\S+)/.exec(output)?.[1];
    if (url) {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      return {
        url,
        pid: child.pid,
        stop: () => {
          child.kill();
          return exited;
        },
      };
    }
  }
  throw new Error(`the mock KooDrive at ${cliPath} did not start: ${output}`);
}
