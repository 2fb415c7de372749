import { WorldChangeError } from '../engine/applyChange.js';
import { createSimulation } from '../engine/Simulation.js';
import type { TickContext } from '../engine/TickContext.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { brandResolved } from '../scenario/resolvedBrand.js';
import { CATEGORY_OF_OPTION } from './categories.js';
import type { ObservedTrace } from './ObservedTrace.js';

/**
 * The moments of the method of simulated moments (docs/validation.md, "Simulation-based
 * estimation"), each a share of state-years: one per observed balancing category (HE, HI, SE, IE,
 * II: the share of the scored state-years in that category), and `persist`, the share of pairs of
 * consecutive scored years of the same state in which the state took an observed act in both (how
 * much acts cluster in time, which the dynamics — beliefs, provocation, alliances — move).
 */
export const MOMENT_NAMES = ['HE', 'HI', 'SE', 'IE', 'II', 'persist'] as const;

/** The number of moments. */
export const MOMENT_COUNT = MOMENT_NAMES.length;

/** Moments and the number of observations each is a share of. */
export interface Moments {
  /** MOMENT_COUNT shares, in the order of MOMENT_NAMES. */
  readonly values: Float64Array;
  /** State-years (categories) or state-year pairs (persist) each share is over. */
  readonly n: Float64Array;
}

/**
 * The category of a state-year a simulated history does not reach (the run stopped before it,
 * see {@link simulateHistory}): left out of every moment.
 */
export const NOT_SIMULATED = 255;

/** The rows of a history: per row a state index, a year and a category (as in ObservedTrace). */
export type HistoryRows = Pick<ObservedTrace, 'rows' | 'state' | 'year' | 'category' | 'stateIds' | 'firstYear' | 'lastYear'>;

/** Adds the counts of one history to `sum` (2·MOMENT_COUNT numbers: successes, then totals). */
function addCounts(h: HistoryRows, sum: Float64Array): void {
  const years = h.lastYear - h.firstYear + 1;
  const grid = new Int8Array(h.stateIds.length * years).fill(-1);
  for (let r = 0; r < h.rows; r++) {
    const c = h.category[r];
    if (c === NOT_SIMULATED) continue;
    grid[h.state[r] * years + (h.year[r] - h.firstYear)] = c;
    if (c > 0) sum[c - 1]++;
    for (let k = 0; k < 5; k++) sum[MOMENT_COUNT + k]++;
  }
  for (let i = 0; i < h.stateIds.length; i++) {
    for (let t = 1; t < years; t++) {
      const a = grid[i * years + t - 1];
      const b = grid[i * years + t];
      if (a < 0 || b < 0) continue;
      sum[2 * MOMENT_COUNT - 1]++;
      if (a > 0 && b > 0) sum[MOMENT_COUNT - 1]++;
    }
  }
}

/** The moments of one or more histories pooled (observed traces, or simulated ones). */
export function momentsOf(histories: readonly HistoryRows[]): Moments {
  const sum = new Float64Array(2 * MOMENT_COUNT);
  for (const h of histories) addCounts(h, sum);
  const values = new Float64Array(MOMENT_COUNT);
  const n = sum.slice(MOMENT_COUNT);
  for (let k = 0; k < MOMENT_COUNT; k++) values[k] = n[k] > 0 ? sum[k] / n[k] : 0;
  return { values, n };
}

/**
 * Runs the scenario of an observed trace freely — the model's own sampled acts take effect, nothing
 * is replaced — with `params`, and returns the simulated history on the trace's scored state-years
 * (the category of the act each state drew there). With the scenario prepared as for the drive
 * (one tick per year; capabilities, majors, states, alliances and memberships following the data),
 * the simulated acts are those of the model in the world of the data. Deterministic in `seed`.
 *
 * A free run can make the world part from the data so far that a data event no longer applies
 * (e.g. the model's acts dissolved an institution a later observed leave names: WorldChangeError,
 * the limitation of model note N44). The run then stops there: the state-years from that year on
 * are {@link NOT_SIMULATED} (left out of the moments) and `stoppedAt` is that year.
 */
export function simulateHistory(scenario: ResolvedScenario, trace: HistoryRows, params: ModelParameters,
  seed: number, perception: 'walt' | 'power' = 'walt'): HistoryRows & { readonly stoppedAt: number | null } {
  const years = trace.lastYear - trace.firstYear + 1;
  const n = trace.stateIds.length;
  // Row of each scored (state, year), −1 elsewhere.
  const rowAt = new Int32Array(n * years).fill(-1);
  for (let r = 0; r < trace.rows; r++) rowAt[trace.state[r] * years + (trace.year[r] - trace.firstYear)] = r;
  const stateIndex = new Map(trace.stateIds.map((id, k) => [id, k]));
  const category = new Uint8Array(trace.rows);
  const afterDecide = (ctx: TickContext): void => {
    const { world: w, scratch: s } = ctx;
    const t = Math.round(ctx.year) - trace.firstYear;
    if (t < 0 || t >= years) return;
    for (let i = 0; i < w.n; i++) {
      const k = stateIndex.get(w.ids[i]);
      if (k === undefined) continue;
      const r = rowAt[k * years + t];
      if (r >= 0) category[r] = CATEGORY_OF_OPTION[s.action[i]];
    }
  };
  const run = brandResolved({ ...scenario, parameters: params });
  const sim = createSimulation(run, { seed, perception, collectEvents: false, afterDecide });
  const ticks = trace.lastYear - scenario.meta.startYear + 1;
  let stoppedAt: number | null = null;
  for (let k = 0; k < ticks; k++) {
    try {
      sim.step();
    } catch (error) {
      if (!(error instanceof WorldChangeError)) throw error;
      stoppedAt = scenario.meta.startYear + k;
      for (let r = 0; r < trace.rows; r++) if (trace.year[r] >= stoppedAt) category[r] = NOT_SIMULATED;
      break;
    }
  }
  return { ...trace, category, stoppedAt };
}
