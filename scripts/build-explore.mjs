// Builds the explorer's two browser bundles (minified IIFE scripts) into dist/explore/:
// page.js (controls and views) and worker.js (the core, run in a Web Worker). `counterpoise explore`
// inlines both into one self-contained HTML file. Run by tsup after each build (tsup.config.ts).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds dist/explore/page.js and dist/explore/worker.js; returns their sizes in bytes. */
export async function buildExplore() {
  const sizes = {};
  for (const [name, entry] of [['page', 'src/explore/page/explorePage.ts'], ['worker', 'src/explore/worker/exploreWorker.ts']]) {
    const result = await build({
      entryPoints: [join(root, entry)], outfile: join(root, 'dist', 'explore', `${name}.js`),
      bundle: true, platform: 'browser', format: 'iife', target: 'es2020', minify: true, legalComments: 'none',
      logLevel: 'warning', metafile: true,
    });
    sizes[name] = Object.values(result.metafile.outputs)[0].bytes;
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildExplore());
