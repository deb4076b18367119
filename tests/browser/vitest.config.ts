import { defineConfig } from 'vitest/config';

/**
 * The browser tests (`pnpm test:browser`): vitest on Node drives headless Chromium through
 * playwright-core. One file at a time, as each launches its own browser on a 2-core machine.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
