/**
 * Headless Chromium for the browser tests: Debian's `chromium` package (installed by .ci/run),
 * driven by playwright-core. No browser is downloaded; a missing one fails the run with the command
 * that installs it, never a skip.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's chromium package puts the browser; CHROMIUM_PATH overrides it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The Chromium binary to run: `CHROMIUM_PATH`, else Debian's. Throws, saying how to get one, when
 * there is none.
 */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: the browser tests run outside turbo
export function findChromium(path = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH): string {
  if (existsSync(path)) return path;
  throw new Error(
    `The browser tests need Chromium, and there is none at ${path}. Install Debian's package as root: ` +
      '"apt-get update && apt-get install -y chromium" (.ci/run does this), or set CHROMIUM_PATH to a ' +
      'Chromium or Chrome binary.',
  );
}

/** Flags for a quiet, reproducible headless run that reaches nothing beyond this machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host name fails to resolve: a request the mock (or the service worker) does not answer
  // fails here instead of leaving the machine. The pages and the mock are on 127.0.0.1.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Launches headless Chromium with a new, empty profile (playwright makes a fresh user-data-dir per launch). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}
