import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { parseScenarioWithProvenance } from '../../scenario/file/parseScenario.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { ScenarioError } from '../../scenario/ScenarioError.js';
import { createSimulation } from '../../engine/Simulation.js';
import { WorldChangeError } from '../../engine/applyChange.js';
import { bundledDataProvider } from '../bundledDataProvider.js';
import { bundledScenariosDir } from '../bundledScenariosDir.js';
import { traceObservedHistory } from '../../calibration/traceObservedHistory.js';
import { observedRecord } from './observedRecord.js';

/** A scenario prepared for the drive along the observed history, with each state's COW code. */
export interface CalibrationScenario {
  /** The bundled scenario's name, e.g. `era-1815-1853`. */
  readonly name: string;
  readonly scenario: ResolvedScenario;
  /** COW state code of every scenario state bound to a COW state. */
  readonly ccode: ReadonlyMap<string, number>;
  /** The last year the scenario's data paths cover (`history.until`). */
  readonly until: number;
  /**
   * Institutions whose memberships could not follow the data (their data leaves dissolve the
   * institution before a later join or event of the scenario, a limitation of model note N44):
   * they keep the scenario's own membership (`mode: initial` and its events).
   */
  readonly membershipsNotObserved: readonly string[];
}

/**
 * Loads a bundled scenario for the likelihood along the observed history (docs/validation.md,
 * "The likelihood"): the file as bundled, with three changes made in memory only, never to the
 * file: one tick per year (the record is yearly: one decision per state-year), alliances and IGO
 * memberships followed as inputs (`mode: observed`, model note N44), so that the world the states
 * decide in is the one of the data. Everything else (capabilities, majors, states, trade, events)
 * is the scenario's, which already follows the data.
 *
 * @throws ScenarioError when the name is not a bundled scenario or the scenario does not follow the
 *   data (it has no `history.until`).
 */
export function loadCalibrationScenario(name: string, scenariosDir: string = bundledScenariosDir()): CalibrationScenario {
  const excluded: string[] = [];
  for (;;) {
    const prepared = prepare(name, scenariosDir, excluded);
    // Dry runs find the institutions whose observed memberships conflict with the scenario's events:
    // a free run along the whole span (the model's own acts, as the simulated moments run it), and
    // the drive along the observed record (observed acts only, as the likelihood runs it). Both are
    // needed: the model's applications and admissions (§5.12) can keep an institution alive that
    // the observed memberships alone would dissolve before a later event of the scenario.
    try {
      const sim = createSimulation(prepared.scenario, { seed: 0, collectEvents: false });
      for (let y = prepared.scenario.meta.startYear; y < prepared.until; y++) sim.step();
      const { rows, lastYear } = observedRecord();
      const last = Math.min(prepared.until - 1, lastYear);
      if (last >= prepared.scenario.meta.startYear) {
        traceObservedHistory(prepared.scenario, prepared.ccode, rows, { era: name, lastYear: last, seed: 0, perception: 'walt' });
      }
      return prepared;
    } catch (error) {
      const id = error instanceof WorldChangeError ? /institution "([^"]+)"/.exec(error.message)?.[1] : undefined;
      if (id === undefined || excluded.includes(id)) throw error;
      excluded.push(id);
    }
  }
}

function prepare(name: string, scenariosDir: string, excluded: readonly string[]): CalibrationScenario {
  const file = join(scenariosDir, `${name}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioError([{ path: [], message: `unknown bundled scenario "${name}" (no ${file})` }]);
  }
  const doc = parseDocument(text);
  const until = doc.getIn(['history', 'until']);
  if (typeof until !== 'number') {
    throw new ScenarioError([{ file: `scenarios/${name}.yaml`, path: ['history', 'until'], message: 'the scenario does not follow the data (no history.until): the likelihood needs an era that does' }]);
  }
  doc.setIn(['meta', 'ticksPerYear'], 1);
  if (isMap(doc.get('alliances'))) doc.setIn(['alliances', 'mode'], 'observed');
  const institutions = doc.get('institutions');
  if (isSeq(institutions)) {
    institutions.items.forEach((_, k) => {
      const members = doc.getIn(['institutions', k, 'members']);
      const id = doc.getIn(['institutions', k, 'id']);
      if (isMap(members) && members.get('source') === 'igo' && !excluded.includes(String(id))) doc.setIn(['institutions', k, 'members', 'mode'], 'observed');
    });
  }
  const { scenario, provenance } = parseScenarioWithProvenance(doc.toString(), 'yaml', {
    file: `scenarios/${name}.yaml (calibration: 1 tick/year, alliances and memberships observed)`,
    data: bundledDataProvider,
  });
  const ccode = new Map<string, number>();
  for (const p of provenance) if (p.kind === 'cow-identity') ccode.set(p.state, p.ccode);
  return { name, scenario, ccode, until, membershipsNotObserved: [...excluded] };
}
