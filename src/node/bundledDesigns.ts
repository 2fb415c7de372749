import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ExperimentError } from '../experiments/ExperimentError.js';
import { bundledDataDir } from './bundledData.js';

/** A bundled design's name: a file name without folder or extension. */
const NAME = /^[a-z0-9][a-z0-9-]*$/i;

/**
 * The absolute path of the package's bundled sweep designs, `examples/sweeps/` beside `data/`
 * (in an installed package: `node_modules/counterpoise/examples/sweeps/`). @internal
 */
export function bundledDesignsDir(): string {
  return join(dirname(bundledDataDir()), 'examples', 'sweeps');
}

/** The names of the bundled sweep designs (`lambda-nu`, …), sorted. @internal */
export function listBundledDesigns(dir = bundledDesignsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
}

/**
 * The design file a `--design` argument names: the path as given when it exists or is not a bare
 * name, else the bundled design of that name (`lambda-nu` → `…/examples/sweeps/lambda-nu.yaml`).
 * @throws ExperimentError (code `spec`) for a bare name that is neither a file nor a bundled design.
 * @internal
 */
export function resolveDesignFile(arg: string, dir?: string): string {
  if (existsSync(arg) || !NAME.test(arg)) return arg;
  const designs = dir ?? bundledDesignsDir();
  const file = join(designs, `${arg}.yaml`);
  if (existsSync(file)) return file;
  const names = listBundledDesigns(designs);
  throw new ExperimentError('spec', [{
    path: arg,
    message: `no such design file, nor a bundled design of that name (${names.length === 0 ? 'there are none' : `bundled: ${names.join(', ')}`})`,
  }]);
}
