import { defineConfig } from 'vitest/config';

/** Settings every package's tests share. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Many tests talk to a mock KooDrive over HTTP; on a busy 2-core machine 5 s is too tight.
    testTimeout: 20_000,
    // The JSON report feeds scripts/test-summary.ts, which prints the closing line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/generated/**', 'src/cli.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
});
