import { Z_SIZE } from '../decision/DecisionContext.js';
import { OPTION_COUNT } from '../decision/options.js';
import { createSimulation } from '../engine/Simulation.js';
import type { TickContext } from '../engine/TickContext.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { ObservedRow } from '../observed/ObservedRow.js';
import { CATEGORY_OF_OPTION, OPTION_OF_CATEGORY, categoryIndex } from './categories.js';
import type { ObservedTrace } from './ObservedTrace.js';

/** Options of {@link traceObservedHistory}. */
export interface TraceOptions {
  /** Name recorded in the trace (default: the scenario's id). */
  era?: string;
  /** Seed of the drive (its aggression draws; default 0). */
  seed?: number;
  /** Threat perception of the drive: 'walt' (model §5.2, default) or 'power' (the power-only baseline). */
  perception?: 'walt' | 'power';
  /** Last year scored (default: the last year with both observed rows and ticks, see below). */
  lastYear: number;
}

/**
 * Drives a scenario that follows the data (one tick per year; capabilities, majors, states,
 * alliances and memberships as inputs) along the observed history, and records what the likelihood
 * needs (docs/validation.md, "The likelihood"):
 *
 * - each tick's perceive phase computes every state's context toward its main threat (model §5.2)
 *   and its mask (model §5.3), from beliefs formed by the acts of the years before;
 * - after the decide phase the sampled acts are replaced by the observed ones (the option standing
 *   for the observed category, NONE for NONE), so that beliefs, provocation, ententes and clubs
 *   follow what states did, not what the model drew (model §5.5, §5.7). An observed act whose
 *   option is masked cannot take effect: the state does nothing, and the row is marked impossible.
 *
 * Only state-years of scenario states bound to a COW state (`ccode`) with an observed row are
 * scored; the drive runs from the scenario's start to `lastYear`.
 *
 * @param scenario - a resolved scenario with `ticksPerYear` 1.
 * @param ccode - the COW code of each scenario state.
 * @param observed - observed rows covering the scenario's years (`observedBehaviour`).
 * @throws RangeError if the scenario does not have one tick per year or `lastYear` precedes its start.
 */
export function traceObservedHistory(scenario: ResolvedScenario, ccode: ReadonlyMap<string, number>,
  observed: readonly ObservedRow[], options: TraceOptions): ObservedTrace {
  if (scenario.meta.ticksPerYear !== 1) throw new RangeError(`the drive needs one tick per year (got ${scenario.meta.ticksPerYear})`);
  const first = scenario.meta.startYear;
  const last = options.lastYear;
  if (!(Number.isInteger(last) && last >= first)) throw new RangeError(`lastYear ${last} must be a whole year ≥ the start ${first}`);
  const years = last - first + 1;
  const stateIds = scenario.states.map((s) => s.id);
  const stateIndex = new Map(stateIds.map((id, k) => [id, k]));
  // Observed category per scenario state and year (−1: no row).
  const byState = new Map<string, Int8Array>();
  const idOfCcode = new Map<number, string>();
  for (const [id, cc] of ccode) { idOfCcode.set(cc, id); byState.set(id, new Int8Array(years).fill(-1)); }
  let upper = 0;
  for (const row of observed) {
    if (row.year < first || row.year > last) continue;
    const id = idOfCcode.get(row.ccode);
    if (id === undefined) continue;
    (byState.get(id) as Int8Array)[row.year - first] = categoryIndex(row.category);
    upper++;
  }
  const state = new Int32Array(upper);
  const year = new Int32Array(upper);
  const category = new Uint8Array(upper);
  const possible = new Uint8Array(upper);
  const z = new Float64Array(upper * Z_SIZE);
  const mask = new Uint8Array(upper * OPTION_COUNT);
  let rows = 0;
  const seed = options.seed ?? 0;
  const perception = options.perception ?? 'walt';

  const afterDecide = (ctx: TickContext): void => {
    const { world: w, scratch: s } = ctx;
    const y = Math.round(ctx.year);
    const t = y - first;
    const counts = s.actionCounts;
    counts.fill(0);
    for (let i = 0; i < w.n; i++) {
      const cats = byState.get(w.ids[i]);
      const c = cats === undefined || t < 0 || t >= years ? -1 : cats[t];
      let act = 0;
      if (c >= 0 && rows < upper) {
        for (let k = 0; k < Z_SIZE; k++) z[rows * Z_SIZE + k] = s.z[i * Z_SIZE + k];
        for (let a = 0; a < OPTION_COUNT; a++) mask[rows * OPTION_COUNT + a] = s.mask[i * OPTION_COUNT + a];
        let can = c === 0 ? 1 : 0;
        for (let a = 1; a < OPTION_COUNT; a++) if (CATEGORY_OF_OPTION[a] === c && s.mask[i * OPTION_COUNT + a] !== 0) can = 1;
        state[rows] = stateIndex.get(w.ids[i]) as number;
        year[rows] = y;
        category[rows] = c;
        possible[rows] = can;
        rows++;
        act = can === 1 ? OPTION_OF_CATEGORY[c] : 0;
      }
      s.action[i] = act;
      counts[act]++;
    }
  };
  const sim = createSimulation(scenario, { seed, perception, collectEvents: false, afterDecide });
  for (let k = 0; k < years; k++) sim.step();
  return {
    era: options.era ?? scenario.meta.id, firstYear: first, lastYear: last, rows, stateIds,
    state: state.slice(0, rows), year: year.slice(0, rows), category: category.slice(0, rows),
    possible: possible.slice(0, rows), z: z.slice(0, rows * Z_SIZE), mask: mask.slice(0, rows * OPTION_COUNT),
    perception, seed,
  };
}
