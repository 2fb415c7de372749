import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { applyPoint } from './applyPoint.js';
import type { Design } from './design.js';
import { planSweep, type SweepOptions } from './planSweep.js';
import { runApplied, type RunResult } from './runOne.js';

/**
 * Runs a sweep in this thread, one run after another, and yields each run's result in run order
 * (point-major, replicates consecutive). Lazy: nothing runs until iterated and nothing is kept, so
 * memory stays flat over any number of runs unless the caller keeps the results. Browser-safe.
 * For many runs, in parallel, streamed to files, resumable and shardable, use `runSweep` from
 * `counterpoise/node` — same runs, same seeds, same rows.
 *
 * Every point is checked against the scenario before the first run (planSweep).
 *
 * @example
 * for (const r of sweep(scenario, { type: 'grid', parameters: { 'system.lambda': { values: [0.2, 0.8] } } },
 *                       { replicates: 10, ticks: 100, baseSeed: 1 })) {
 *   console.log(r.spec.values['system.lambda'], r.spec.seed, r.metrics.aggressions);
 * }
 * @throws ExperimentError before the first run when the design or options are invalid.
 */
export function sweep(scenario: ResolvedScenario, design: Design, options: SweepOptions): Generator<RunResult, void, undefined> {
  const plan = planSweep(scenario, design, options);
  return (function* runs(): Generator<RunResult, void, undefined> {
    let cachedPoint = -1;
    let applied = scenario;
    for (let k = 0; k < plan.shardRuns; k++) {
      const spec = plan.spec(plan.shardRun(k));
      if (spec.point !== cachedPoint) {
        applied = Object.keys(spec.values).length === 0 ? scenario : applyPoint(scenario, spec.values, { allowInadmissible: plan.allowInadmissible });
        cachedPoint = spec.point;
      }
      yield runApplied(applied, spec, plan.ticks);
    }
  })();
}

/** Options of {@link runEnsemble}: a sweep's options without a design. */
export type EnsembleOptions = SweepOptions;

/**
 * Runs an ensemble: the scenario as it is, `replicates` times with derived seeds (or once per given
 * seed), yielding each run's result in order. The same as a sweep over the one-point design
 * `{ type: 'grid', parameters: {} }`, so its seeds and rows are those of that sweep. Browser-safe.
 *
 * @example
 * const runs = [...runEnsemble(scenario, { replicates: 30, ticks: 100, baseSeed: 42 })];
 * summarizePoints(runs).find((row) => row.metric === 'aggressions');
 */
export function runEnsemble(scenario: ResolvedScenario, options: EnsembleOptions): Generator<RunResult, void, undefined> {
  return sweep(scenario, ENSEMBLE_DESIGN, options);
}

/** The one-point design of an ensemble: the scenario as it is. */
export const ENSEMBLE_DESIGN: Design = Object.freeze({ type: 'grid', parameters: {} }) as Design;
