import { defineConfig } from 'tsup';

// ESM first, CJS too, with declarations for both. `index` is the browser-safe core;
// `node` is the Node-only entry (file loading, writers, CLI) — see README "Entry points".
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
  // import.meta.url in the CJS build (bundledDataDir)
  shims: true,
  // mathjs is bundled so that only the functions expressions use are loaded (start-up time).
  noExternal: ['mathjs'],
});
