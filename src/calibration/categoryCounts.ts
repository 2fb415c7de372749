import type { ModelParameters } from '../model/ModelParameters.js';
import { CATEGORY_COUNT, type CATEGORIES } from './categories.js';
import { createLikelihoodScratch, writeCategoryProbabilities } from './logLikelihood.js';
import type { ObservedTrace } from './ObservedTrace.js';

/**
 * Observed and expected counts of each category (calibration order, {@link CATEGORIES}) over the
 * state-years the model can take (`possible` = 1), for one trace.
 */
export interface CategoryCounts {
  readonly era: string;
  /** State-years counted (the possible rows). */
  readonly rows: number;
  /** How many of them the record shows in each category. */
  readonly observed: readonly number[];
  /** Σ over the same rows of the model's probability of each category (docs/validation.md, "The likelihood"). */
  readonly expected: readonly number[];
}

/**
 * The model's expected counts against the observed ones, per trace, under the choice rule with
 * `params` (docs/model.md §5.4 logit, one decision per state-year; NONE collects BAND, SS and SL).
 * Rows the model cannot take are left out, as the likelihood leaves them out. At a maximum of the
 * likelihood with free intercepts the totals over all traces of the fitted categories match the
 * observed ones; per trace and per category they need not: this is where the fit shows what it
 * cannot follow.
 */
export function categoryCounts(traces: readonly ObservedTrace[], params: ModelParameters): CategoryCounts[] {
  const scratch = createLikelihoodScratch();
  const q = new Float64Array(CATEGORY_COUNT);
  return traces.map((trace) => {
    const observed = new Array<number>(CATEGORY_COUNT).fill(0);
    const expected = new Array<number>(CATEGORY_COUNT).fill(0);
    let rows = 0;
    for (let r = 0; r < trace.rows; r++) {
      if (trace.possible[r] === 0) continue;
      writeCategoryProbabilities(trace, r, params, scratch, q);
      for (let c = 0; c < CATEGORY_COUNT; c++) expected[c] += q[c];
      observed[trace.category[r]]++;
      rows++;
    }
    return { era: trace.era, rows, observed, expected };
  });
}
