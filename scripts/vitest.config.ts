import { defineConfig } from 'vitest/config';

/** Tests of the repository's own scripts (spec diff). */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
