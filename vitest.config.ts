import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // vitest's report, then one plain `N passed, N failed` line (test/support/plainSummaryReporter.ts).
    reporters: ['default', './test/support/plainSummaryReporter.ts'],
  },
});
