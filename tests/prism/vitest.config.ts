import { defineConfig } from 'vitest/config';

/**
 * The Prism contract tests (`pnpm test:prism`): Stoplight Prism judges the spec, the mock
 * KooDrive and @koodrive/client together. Each file starts one Prism process; the two files
 * (proxy and dynamic mock) run side by side, one per core.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
