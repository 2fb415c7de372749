import { defaultParameters } from '../model/defaultParameters.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import { CATEGORY_COUNT } from './categories.js';
import { CalibrationError } from './CalibrationError.js';
import { fitParameters, type EstimateRequest } from './fitParameters.js';
import { createLikelihoodScratch, scorePredictions, writeCategoryProbabilities, type Scores } from './logLikelihood.js';
import type { ObservedTrace } from './ObservedTrace.js';

/** One fold: fit on `train`, score each era of `test`. */
export interface Fold {
  /** e.g. `leave out era-1890-1914`, `forward: before 1945 → after`. */
  readonly name: string;
  readonly train: readonly string[];
  readonly test: readonly string[];
}

/** The methods compared out of sample (docs/validation.md, "Out of sample"). */
export const OOS_METHODS = ['fitted', 'defaults', 'baseRates', 'powerFitted'] as const;

/** One method of {@link OOS_METHODS}. */
export type OosMethod = (typeof OOS_METHODS)[number];

/** The scores of every method on one held-out era of one fold. */
export interface OosRow {
  readonly fold: string;
  readonly era: string;
  /** State-years scored (the same rows for every method). */
  readonly n: number;
  readonly scores: Readonly<Record<OosMethod, Scores>>;
}

/** The folds of issue #15 item 4: leave one era out, and the forward split at `splitYear` (1945). */
export function standardFolds(eras: readonly string[], startOf: (era: string) => number, splitYear = 1945): Fold[] {
  const folds: Fold[] = eras.map((e) => ({ name: `leave out ${e}`, train: eras.filter((x) => x !== e), test: [e] }));
  folds.push({
    name: `forward: before ${splitYear} → from ${splitYear}`,
    train: eras.filter((e) => startOf(e) < splitYear), test: eras.filter((e) => startOf(e) >= splitYear),
  });
  return folds;
}

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /** Parameters to estimate (default: DEFAULT_ESTIMATED). */
  estimate?: readonly (string | EstimateRequest)[];
  /** Held parameters and start (default: defaultParameters()). */
  base?: ModelParameters;
  onProgress?: (line: string) => void;
}

/**
 * Blocked cross-validation (docs/validation.md, "Out of sample"): for each fold, fit the choice
 * rule on the training eras and score the held-out eras' state-years by log-loss and Brier score,
 * against three baselines: the uncalibrated defaults, the base rates of the categories in the
 * training eras (a constant forecast), and the same fit with the power-only perception model
 * (traces driven with `perception: 'power'`). Every method is scored on the same rows: those the
 * model can take under both perception models (`possible` in both traces).
 *
 * @param walt - one trace per era with the Walt perception model.
 * @param power - the same eras driven with the power-only perception model, in the same order.
 * @throws CalibrationError for a fold naming an era without a trace, or leaving nothing to fit or to score.
 */
export function crossValidate(walt: readonly ObservedTrace[], power: readonly ObservedTrace[], folds: readonly Fold[],
  options: CrossValidateOptions = {}): OosRow[] {
  const byEra = new Map(walt.map((t, k) => [t.era, k]));
  const issues: { path: (string | number)[]; message: string }[] = [];
  folds.forEach((f, i) => {
    for (const [field, list] of [['train', f.train], ['test', f.test]] as const) {
      list.forEach((e, j) => { if (!byEra.has(e)) issues.push({ path: ['folds', i, field, j], message: `era "${e}" has no data (no trace)` }); });
      if (list.length === 0) issues.push({ path: ['folds', i, field], message: `the fold leaves nothing to ${field === 'train' ? 'fit' : 'score'}` });
    }
  });
  if (issues.length > 0) throw new CalibrationError(issues);
  // The rows every method scores: possible under both perception models.
  const common = walt.map((t, k) => {
    const p = power[k];
    if (p.era !== t.era || p.rows !== t.rows) throw new RangeError(`the power-only trace of ${t.era} does not match its Walt trace`);
    const keep = new Uint8Array(t.rows);
    for (let r = 0; r < t.rows; r++) {
      if (p.state[r] !== t.state[r] || p.year[r] !== t.year[r]) throw new RangeError(`${t.era}: rows of the two traces differ at ${r}`);
      keep[r] = t.possible[r] & p.possible[r];
    }
    return keep;
  });
  const base = options.base ?? defaultParameters();
  const out: OosRow[] = [];
  for (const fold of folds) {
    const pick = (traces: readonly ObservedTrace[], eras: readonly string[]): ObservedTrace[] => eras.map((e) => traces[byEra.get(e) as number]);
    const t0 = Date.now();
    const fitted = fitParameters(pick(walt, fold.train), { base, ...(options.estimate === undefined ? {} : { estimate: options.estimate }) });
    const powerFit = fitParameters(pick(power, fold.train), { base, ...(options.estimate === undefined ? {} : { estimate: options.estimate }) });
    const rates = trainingBaseRates(pick(walt, fold.train));
    options.onProgress?.(`${fold.name}: fitted in ${((Date.now() - t0) / 1000).toFixed(1)} s (log-likelihood ${fitted.logLikelihood.toFixed(1)}; power-only ${powerFit.logLikelihood.toFixed(1)})`);
    for (const era of fold.test) {
      const k = byEra.get(era) as number;
      const keep = common[k];
      const restrict = (t: ObservedTrace): ObservedTrace => ({ ...t, possible: keep });
      const scratch = createLikelihoodScratch();
      const model = (params: ModelParameters) => (t: ObservedTrace, r: number, q: Float64Array): void => writeCategoryProbabilities(t, r, params, scratch, q);
      const scores: Record<OosMethod, Scores> = {
        fitted: scorePredictions([restrict(walt[k])], model(fitted.parameters)),
        defaults: scorePredictions([restrict(walt[k])], model(base)),
        baseRates: scorePredictions([restrict(walt[k])], (_t, _r, q) => q.set(rates)),
        powerFitted: scorePredictions([restrict(power[k])], model(powerFit.parameters)),
      };
      out.push({ fold: fold.name, era, n: scores.fitted.n, scores });
    }
  }
  return out;
}

/**
 * The base-rate baseline: each category's frequency among the training state-years the model can
 * score, with add-one (Laplace) smoothing, (count + 1)/(total + C), so a category absent from the
 * training eras gets a small probability instead of 0 (which would make one held-out occurrence
 * cost log(10³⁰⁰) and the baseline meaningless). With hundreds of state-years per era the
 * smoothing moves a rate by less than 1/total. @internal
 */
export function trainingBaseRates(traces: readonly ObservedTrace[]): Float64Array {
  const rates = new Float64Array(CATEGORY_COUNT);
  let total = 0;
  for (const t of traces) for (let r = 0; r < t.rows; r++) if (t.possible[r] === 1) { rates[t.category[r]]++; total++; }
  for (let c = 0; c < CATEGORY_COUNT; c++) rates[c] = (rates[c] + 1) / (total + CATEGORY_COUNT);
  return rates;
}
