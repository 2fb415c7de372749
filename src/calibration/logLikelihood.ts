import { Z_SIZE } from '../decision/DecisionContext.js';
import { OPTION_COUNT } from '../decision/options.js';
import { writeLogit, writeUtilities } from '../decision/utilities.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import { CATEGORY_COUNT, CATEGORY_OF_OPTION } from './categories.js';
import type { ObservedTrace } from './ObservedTrace.js';

/**
 * Buffers reused by every likelihood pass (one per caller): nothing is allocated per state-year.
 */
export interface LikelihoodScratch {
  readonly v: Float64Array;
  readonly p: Float64Array;
  readonly mask: Uint8Array;
  readonly q: Float64Array;
}

/** Fresh buffers for {@link logLikelihood} and {@link writeCategoryProbabilities}. */
export function createLikelihoodScratch(): LikelihoodScratch {
  return {
    v: new Float64Array(OPTION_COUNT), p: new Float64Array(OPTION_COUNT), mask: new Uint8Array(OPTION_COUNT),
    q: new Float64Array(CATEGORY_COUNT),
  };
}

/**
 * The model's probability of each observed category for row `r` of a trace (model §5.4 logit at one
 * decision per year; the probabilities of NONE, BAND, SS and SL go to NONE): written into `out`
 * (CATEGORY_COUNT numbers). No allocation.
 */
export function writeCategoryProbabilities(trace: ObservedTrace, r: number, params: ModelParameters,
  scratch: LikelihoodScratch, out: Float64Array): void {
  const { v, p, mask } = scratch;
  writeUtilities(params, trace.z, r * Z_SIZE, v, 0);
  const mb = r * OPTION_COUNT;
  for (let a = 0; a < OPTION_COUNT; a++) mask[a] = trace.mask[mb + a];
  writeLogit(v, mask, params.mu, p, 0);
  out.fill(0);
  for (let a = 0; a < OPTION_COUNT; a++) out[CATEGORY_OF_OPTION[a]] += p[a];
}

/** Which rows of a trace to score: every row (default), or only rows whose `select` flag is 1. */
export type RowSelection = Uint8Array | null;

/**
 * The log-likelihood of the observed categories under the model's choice rule with `params`
 * (docs/validation.md, "The likelihood"): Σ over the scored state-years of log P(observed category),
 * where the model could take the observed category (rows it could not take, `possible` = 0, are
 * left out and counted separately: no parameter gives them any probability). A pass over the
 * traces' typed arrays; allocates nothing per state-year.
 *
 * @param traces - the eras' traces (`traceObservedHistory`).
 * @param params - the model parameters (only the choice rule's, model §5.4, act on a trace).
 */
export function logLikelihood(traces: readonly ObservedTrace[], params: ModelParameters,
  scratch: LikelihoodScratch = createLikelihoodScratch()): number {
  let ll = 0;
  const q = scratch.q;
  for (const trace of traces) {
    for (let r = 0; r < trace.rows; r++) {
      if (trace.possible[r] === 0) continue;
      writeCategoryProbabilities(trace, r, params, scratch, q);
      const pr = q[trace.category[r]];
      ll += Math.log(pr > 1e-300 ? pr : 1e-300);
    }
  }
  return ll;
}

/** Log-loss, Brier score and count of a prediction, per state-year. */
export interface Scores {
  /** State-years scored. */
  readonly n: number;
  /** Mean −log p(observed category). */
  readonly logLoss: number;
  /** Mean Σ_c (p_c − 1[c observed])² (the multi-category Brier score, 0 best, 2 worst). */
  readonly brier: number;
}

/**
 * Out-of-sample scores of category probabilities given per row by `predict` (which writes
 * CATEGORY_COUNT probabilities into its `out`), over the possible rows of the traces.
 */
export function scorePredictions(traces: readonly ObservedTrace[],
  predict: (trace: ObservedTrace, r: number, out: Float64Array) => void): Scores {
  const q = new Float64Array(CATEGORY_COUNT);
  let n = 0;
  let ll = 0;
  let brier = 0;
  for (const trace of traces) {
    for (let r = 0; r < trace.rows; r++) {
      if (trace.possible[r] === 0) continue;
      predict(trace, r, q);
      const c = trace.category[r];
      const pr = q[c];
      ll -= Math.log(pr > 1e-300 ? pr : 1e-300);
      for (let k = 0; k < CATEGORY_COUNT; k++) { const d = q[k] - (k === c ? 1 : 0); brier += d * d; }
      n++;
    }
  }
  return { n, logLoss: n === 0 ? NaN : ll / n, brier: n === 0 ? NaN : brier / n };
}
