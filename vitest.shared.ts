import { defineConfig } from 'vitest/config';

/** Settings every package's tests share. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
