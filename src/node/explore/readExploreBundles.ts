import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExploreBundles } from '../../explore/renderExploreHtml.js';
import { moduleFile } from '../moduleFile.js';

const NAMES = ['page', 'worker', 'math', 'scenario'] as const;

/**
 * The explorer's browser bundles, dist/explore/page.js, worker.js, math.js and scenario.js, built by
 * `npm run build` (scripts/build-explore.mjs) beside the package's bundles; from the sources
 * (tests), the built ones.
 * @throws Error naming the folder when they are missing.
 */
export function readExploreBundles(): ExploreBundles {
  const here = dirname(moduleFile());
  const candidates = [join(here, 'explore'), join(here, '..', 'explore'), join(here, '..', '..', 'dist', 'explore')];
  const dir = candidates.find((d) => NAMES.every((name) => existsSync(join(d, `${name}.js`))));
  if (dir === undefined) {
    throw new Error(`the explorer's browser bundles are missing (looked in ${candidates.join(', ')}): run \`npm run build\``);
  }
  const read = (name: typeof NAMES[number]): string => readFileSync(join(dir, `${name}.js`), 'utf8');
  return { page: read('page'), worker: read('worker'), math: read('math'), scenario: read('scenario') };
}
