import { defineConfig } from 'tsup';
// @ts-expect-error: a plain ES module without types (scripts/ holds the build's helper scripts).
import { buildExplore } from './scripts/build-explore.mjs';

// ESM first, CJS too, with declarations for both. `index` is the browser-safe library; `core` its engine alone;
// `node` is the Node-only entry (file loading, writers, CLI) — see README "Entry points".
export default defineConfig({
  // `cli` is the `counterpoise` executable (package.json "bin"); its source starts with `#!/usr/bin/env node`,
  // which esbuild keeps and tsup turns into an executable file.
  entry: {
    index: 'src/index.ts', node: 'src/node/index.ts',
    // The engine alone, for browsers (≤ 100 KB gzipped; mathjs a chunk loaded by loadExpressions()): see README "Entry points".
    core: 'src/core/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/main.ts',
    // The worker thread of sweeps (runSweep loads it from beside the bundle: dist/sweep-worker.js / .cjs).
    'sweep-worker': 'src/node/experiments/sweepWorker.ts',
    // The worker thread of `calibrate --workers N` (dist/calibrate-worker.js / .cjs).
    'calibrate-worker': 'src/node/calibration/calibrateWorker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Shared chunks, so `counterpoise/node` re-exports the very same classes as `counterpoise`
  // (an error thrown through one entry is `instanceof` the class imported from the other).
  splitting: true,
  treeshake: true,
  // mathjs is bundled so that only the functions expressions use are loaded (start-up time).
  noExternal: ['mathjs'],
  // The optional dependencies (reports, Arrow output) stay imports, loaded with import() when used:
  // tsup keeps "dependencies" and "peerDependencies" external by itself, not "optionalDependencies".
  external: ['vega', 'vega-lite', 'vega-embed', 'apache-arrow'],
  // The explorer's browser bundles (dist/explore/page.js, worker.js, math.js, scenario.js), which `counterpoise explore` inlines.
  onSuccess: async () => { await buildExplore(); },
});
