import { dirname, join } from 'node:path';
import { bundledDataDir } from './bundledData.js';

/**
 * The absolute path of the package's `scenarios/` folder (the scenario library): beside `data/`,
 * in the package folder that `bundledDataDir` finds by walking up from this module. The folder
 * may not exist (then there are no bundled scenarios).
 *
 * @throws DataError if the package folder cannot be found (see `bundledDataDir`).
 */
export function bundledScenariosDir(): string {
  return join(dirname(bundledDataDir()), 'scenarios');
}
