import { estimateBySimulatedMoments, type SimulatedMomentsResult } from '../../calibration/estimateBySimulatedMoments.js';
import type { ObservedTrace } from '../../calibration/ObservedTrace.js';
import { momentsOf, simulateHistory, type HistoryRows, type Moments } from '../../calibration/simulatedMoments.js';
import { checkAdmissible } from '../../decision/checkAdmissible.js';
import { defaultParameters } from '../../model/defaultParameters.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import { loadCalibrationScenario, type CalibrationScenario } from './calibrationScenario.js';
import { ERAS, traceEra } from './loadEraTraces.js';

/** A dynamics parameter and the grid of values tried. */
export interface DynamicsParameter {
  readonly name: string;
  readonly grid: readonly number[];
}

/**
 * The default dynamics parameters and grids [D] (docs/validation.md, "Simulation-based estimation"):
 * parameters the choice-rule likelihood cannot see because they act on the world between decisions
 * — belief decay η_b (model §5.7), the distance decay of threat d0 (§5.2), the provocation of a
 * hard act ε_H (§5.5) and the alliance lapse time (§5.6, N29) — each over a grid spanning its
 * plausible range (d0 on a log scale). Seven values each: a small design, S seeds per value.
 */
export const DEFAULT_DYNAMICS: readonly DynamicsParameter[] = [
  { name: 'etaB', grid: [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8] },
  { name: 'd0', grid: [500, 1000, 2000, 3000, 5000, 8000, 12000] },
  { name: 'epsH', grid: [0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5] },
  { name: 'allianceLapseYears', grid: [1, 2, 5, 10, 15, 20, 30] },
];

/** Options of {@link estimateDynamics}. */
export interface EstimateDynamicsOptions {
  /** The bundled eras (default: all seven). */
  eras?: readonly string[];
  /** Parameters and grids (default: DEFAULT_DYNAMICS). */
  parameters?: readonly DynamicsParameter[];
  /** Simulation seeds, the same at every grid value (default 0…7: S = 8). */
  seeds?: readonly number[];
  /** The held parameters (default: defaultParameters(); e.g. the choice rule fitted by calibrate). */
  base?: ModelParameters;
  /**
   * A synthetic record instead of the observed one (the recovery test): the moments of one
   * simulated history per era at `base` with `set` applied, drawn with `seed` (not one of `seeds`).
   */
  synthetic?: { readonly set: Readonly<Record<string, number>>; readonly seed: number };
  onProgress?: (line: string) => void;
}

/** What {@link estimateDynamics} returns. */
export interface DynamicsEstimate {
  readonly eras: readonly string[];
  readonly seeds: readonly number[];
  /** The moments estimated against (observed or synthetic). */
  readonly target: Moments;
  readonly results: readonly SimulatedMomentsResult[];
  /** Seconds taken and simulated era runs. */
  readonly seconds: number;
  readonly runs: number;
  /**
   * Runs that stopped early because the model's own acts made a data event inapplicable
   * (`simulateHistory`): their later state-years are left out of the moments.
   */
  readonly stopped: readonly { readonly era: string; readonly seed: number; readonly year: number }[];
}

/**
 * Simulation-based estimation of parameters that act only through the dynamics (issue #15 item 3;
 * docs/validation.md, "Simulation-based estimation"): for each parameter in turn, the others held at
 * `base`, the method of simulated moments over its grid (`estimateBySimulatedMoments`), the
 * simulations being free runs of the era scenarios prepared as for the drive (one tick per year,
 * capabilities, states, alliances and memberships following the data; the model's own acts), scored
 * on the state-years of the observed record, with common random numbers across grid values.
 */
export function estimateDynamics(options: EstimateDynamicsOptions = {}): DynamicsEstimate {
  const t0 = Date.now();
  const eras = options.eras ?? [...ERAS];
  const seeds = options.seeds ?? [0, 1, 2, 3, 4, 5, 6, 7];
  const base = options.base ?? defaultParameters();
  const known = defaultParameters() as unknown as Record<string, unknown>;
  const parameters = options.parameters ?? DEFAULT_DYNAMICS;
  for (const p of parameters) if (typeof known[p.name] !== 'number') throw new RangeError(`"${p.name}" is not a numeric model parameter`);
  const scenarios: CalibrationScenario[] = eras.map((e) => loadCalibrationScenario(e));
  const traces: ObservedTrace[] = scenarios.map((c) => traceEra(c));
  let runs = 0;
  const stopped: { era: string; seed: number; year: number }[] = [];
  const simulateAll = (params: ModelParameters, seed: number): HistoryRows[] => {
    runs += traces.length;
    return traces.map((t, k) => {
      const h = simulateHistory(scenarios[k].scenario, t, params, seed);
      if (h.stoppedAt !== null) stopped.push({ era: t.era, seed, year: h.stoppedAt });
      return h;
    });
  };
  const withValue = (name: string, value: number, from: ModelParameters = base): ModelParameters =>
    ({ ...from, [name]: value } as ModelParameters);
  let target: Moments;
  if (options.synthetic !== undefined) {
    let params = base;
    for (const [name, value] of Object.entries(options.synthetic.set)) params = withValue(name, value, params);
    target = momentsOf(simulateAll(params, options.synthetic.seed));
  } else {
    target = momentsOf(traces);
  }
  const results = parameters.map((p) => estimateBySimulatedMoments({
    name: p.name, grid: p.grid, seeds, observed: target,
    simulate: (value, seed) => {
      const params = withValue(p.name, value);
      if (checkAdmissible(params).length > 0) return null;
      return momentsOf(simulateAll(params, seed));
    },
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  }));
  return { eras, seeds, target, results, seconds: (Date.now() - t0) / 1000, runs, stopped };
}
