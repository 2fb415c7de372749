// Mutation testing of the model's arithmetic (issue #13 item 7): `npm run mutation`.
// Mutates src/decision, src/perception and src/effects and runs only the property suite and the
// unit tests of those folders (vitest.mutation.config.ts). Not part of `npm test`: it takes hours
// on a small machine. Narrow it with `npm run mutation -- --mutate src/decision/utilities.ts`, and
// lower the fast-check runs with FC_NUM_RUNS (default 200). Results and survivors: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/decision/**/*.ts', 'src/perception/**/*.ts', 'src/effects/**/*.ts'],
  // Module-level constants (option tables, packed-layout indices) would rerun the whole suite per
  // mutant; they are covered by the unit tests and reported as ignored.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 1,
  // Mutants that loop forever (a++ → a−− in a loop) time out; a short timeout keeps them cheap.
  timeoutFactor: 1.5,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
