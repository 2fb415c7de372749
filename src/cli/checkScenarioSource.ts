import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenariosDir } from '../node/bundledScenariosDir.js';
import { ScenarioError } from '../scenario/ScenarioError.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * Fails clearly for an existing file that is not named as a scenario file (`typo.txt`): loading
 * would take its name for a bundled scenario's and answer "unknown bundled scenario". A name that
 * is both a file and a bundled scenario stays the bundled one, as loadScenario reads it.
 * @throws ScenarioError naming the file and the extensions a scenario file has.
 */
export function checkScenarioSource(source: string): void {
  if (SCENARIO_FILE.test(source)) return;
  let isFile: boolean;
  try {
    isFile = statSync(source).isFile();
  } catch {
    return;
  }
  if (!isFile || isBundledName(source)) return;
  throw new ScenarioError([{
    file: source, path: [],
    message: 'not a scenario file: its name must end in .yaml, .yml or .json (a bundled scenario is given by its name alone; see "counterpoise list")',
  }]);
}

function isBundledName(name: string): boolean {
  try {
    return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && existsSync(join(bundledScenariosDir(), `${name}.yaml`));
  } catch {
    return false;
  }
}
