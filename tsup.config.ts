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
  // Shared chunks, so `counterpoise/node` re-exports the very same classes as `counterpoise`
  // (an error thrown through one entry is `instanceof` the class imported from the other).
  splitting: true,
  treeshake: true,
  // mathjs is bundled so that only the functions expressions use are loaded (start-up time).
  noExternal: ['mathjs'],
});
