import { defineConfig } from 'vitest/config';

/**
 * The test set of mutation testing (`npm run mutation`, stryker.config.mjs): the property suite of
 * THEORY §6 (test/properties, without the broken variants, which test the tests, and without the
 * registry and docs checks, which run the same properties again) and the unit tests of the three
 * mutated folders. Not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: [
      'test/properties/*.test.ts',
      'test/unit/decision/**/*.test.ts',
      'test/unit/perception/**/*.test.ts',
      'test/unit/effects/**/*.test.ts',
    ],
    exclude: ['test/properties/checkTheory.test.ts', 'test/properties/propertiesTable.test.ts', 'test/properties/arbitraries.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
