// Builds the explorer's browser bundles (minified IIFE scripts) into dist/explore/: page.js
// (controls and views), worker.js (the core, run in a Web Worker), and the two chunks the worker
// loads only when needed — math.js (mathjs: expressions, the ensemble's statistics) and
// scenario.js (zod, yaml, the resolver: dropped files), which takes mathjs from math.js.
// `counterpoise explore` inlines them all into one self-contained HTML file. Run by tsup after
// each build (tsup.config.ts); scripts/bundle-size.mjs measures them.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The explorer's bundles: name → entry. */
export const EXPLORE_BUNDLES = {
  page: 'src/explore/page/explorePage.ts',
  worker: 'src/explore/worker/exploreWorker.ts',
  math: 'src/explore/worker/mathChunk.ts',
  scenario: 'src/explore/worker/scenarioChunk.ts',
};

/** In the scenario chunk, src/scenario/expressions.ts is the math chunk's (mathjs once in the page). */
const expressionsFromMathChunk = {
  name: 'expressions-from-math-chunk',
  setup(b) {
    b.onResolve({ filter: /(^|\/)expressions\.js$/ }, (args) => (args.importer.includes(join('src', 'scenario'))
      ? { path: join(root, 'src', 'explore', 'worker', 'expressionsFromMathChunk.ts') } : undefined));
  },
};

/** The esbuild options of one of the explorer's bundles (shared with scripts/bundle-size.mjs). */
export function exploreBuildOptions(name) {
  return {
    entryPoints: [join(root, EXPLORE_BUNDLES[name])], bundle: true, platform: 'browser', format: 'iife', target: 'es2020',
    minify: true, legalComments: 'none', logLevel: 'warning', metafile: true, plugins: name === 'scenario' ? [expressionsFromMathChunk] : [],
  };
}

/** Builds dist/explore/<bundle>.js for every bundle; returns their sizes in bytes. */
export async function buildExplore() {
  const sizes = {};
  for (const name of Object.keys(EXPLORE_BUNDLES)) {
    const result = await build({ ...exploreBuildOptions(name), outfile: join(root, 'dist', 'explore', `${name}.js`) });
    sizes[name] = Object.values(result.metafile.outputs)[0].bytes;
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildExplore());
