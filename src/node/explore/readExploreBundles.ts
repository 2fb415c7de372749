import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExploreBundles } from '../../explore/renderExploreHtml.js';
import { moduleFile } from '../moduleFile.js';

/**
 * The explorer's browser bundles, dist/explore/page.js and worker.js, built by `npm run build`
 * (scripts/build-explore.mjs) beside the package's bundles; from the sources (tests), the built ones.
 * @throws Error naming the folder when they are missing.
 */
export function readExploreBundles(): ExploreBundles {
  const here = dirname(moduleFile());
  const candidates = [join(here, 'explore'), join(here, '..', 'explore'), join(here, '..', '..', 'dist', 'explore')];
  const dir = candidates.find((d) => existsSync(join(d, 'page.js')) && existsSync(join(d, 'worker.js')));
  if (dir === undefined) {
    throw new Error(`the explorer's browser bundles are missing (looked in ${candidates.join(', ')}): run \`npm run build\``);
  }
  return { page: readFileSync(join(dir, 'page.js'), 'utf8'), worker: readFileSync(join(dir, 'worker.js'), 'utf8') };
}
