import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { parseScenarioWithProvenance, type ScenarioWithProvenance } from '../scenario/file/parseScenario.js';
import type { ScenarioDataProvider } from '../scenario/file/ScenarioDataProvider.js';
import type { ResolveOptions } from '../scenario/resolveScenario.js';
import { ScenarioError } from '../scenario/ScenarioError.js';
import { bundledDataProvider } from './bundledDataProvider.js';
import { bundledScenariosDir } from './bundledScenariosDir.js';
import { listBundledScenarios } from './listBundledScenarios.js';

/** Options of {@link loadScenario}. */
export interface LoadScenarioOptions {
  /** Where data references find the COW tables; default: the tables bundled with the package. */
  data?: ScenarioDataProvider;
  /** Options of `resolveScenario` (e.g. `allowInadmissible`). */
  resolve?: ResolveOptions;
  /** The folder bundled names are looked up in; default: the package's `scenarios/`. */
  scenariosDir?: string;
}

const FILE = /\.(ya?ml|json)$/i;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Loads a scenario file and resolves it (`parseScenario` with the bundled COW data).
 *
 * - A path ending in `.yaml`, `.yml` or `.json` (relative to the working directory, or absolute)
 *   is read as a file of that notation; issues name the path as given.
 * - Anything else is the name of a bundled scenario, `scenarios/<name>.yaml` in the package
 *   (`loadScenario('concert-of-europe')`); issues name it `scenarios/<name>.yaml`.
 *
 * @param pathOrBundledName - a file path, or the name of a bundled scenario.
 * @param options - data provider, resolve options, folder of bundled scenarios.
 * @throws ScenarioError for every problem in the file (with file:line:column and path), for a
 *   file that cannot be read (naming the path), and for an unknown bundled name (listing the
 *   available names).
 */
export function loadScenario(pathOrBundledName: string, options: LoadScenarioOptions = {}): ResolvedScenario {
  return loadScenarioWithProvenance(pathOrBundledName, options).scenario;
}

/**
 * {@link loadScenario}, also returning what each data reference of the file became (which COW
 * alliances made which pairs allies, which NMC year gave each state's capabilities, …), as
 * `parseScenarioWithProvenance`.
 * @throws ScenarioError as loadScenario.
 */
export function loadScenarioWithProvenance(pathOrBundledName: string, options: LoadScenarioOptions = {}): ScenarioWithProvenance {
  const { file, label } = locateScenario(pathOrBundledName, options.scenariosDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new ScenarioError([{ file: label, path: [], message: `cannot read the scenario file: ${why} (${file})` }]);
  }
  return parseScenarioWithProvenance(text, /\.json$/i.test(file) ? 'json' : 'yaml', {
    file: label,
    data: options.data ?? bundledDataProvider,
    parameterFile: (from) => readParameterFile(resolve(dirname(file), from)),
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
  });
}

/** The absolute file of a path or bundled name, and the label issues give it. */
function locateScenario(pathOrName: string, scenariosDir: string | undefined): { file: string; label: string } {
  if (FILE.test(pathOrName)) return { file: resolve(pathOrName), label: pathOrName };
  if (!NAME.test(pathOrName)) {
    throw new ScenarioError([{
      path: [],
      message: `"${pathOrName}" is neither a scenario file (.yaml, .yml or .json) nor the name of a bundled scenario`,
    }]);
  }
  const dir = scenariosDir ?? bundledScenariosDir();
  const file = join(dir, `${pathOrName}.yaml`);
  if (!existsSync(file)) {
    const names = listBundledScenarios({ dir }).map((s) => s.name);
    const available = names.length === 0 ? `there are none in ${dir}` : `available: ${names.join(', ')}`;
    throw new ScenarioError([{ path: [], message: `unknown bundled scenario "${pathOrName}"; ${available}` }]);
  }
  return { file, label: `scenarios/${pathOrName}.yaml` };
}

/**
 * The `parameters:` mapping of a parameter file (YAML or JSON), e.g. the output of `counterpoise
 * calibrate`. Throws an Error saying what is wrong (no such file, not YAML, no mapping).
 */
function readParameterFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `no such file (${path})` : (error as Error).message);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new Error(`not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const params = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>).parameters : undefined;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new Error('it has no `parameters:` mapping');
  return params;
}
