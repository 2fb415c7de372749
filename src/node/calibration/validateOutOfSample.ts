import { crossValidate, standardFolds, type OosRow } from '../../calibration/crossValidate.js';
import { fitParameters, type FitResult } from '../../calibration/fitParameters.js';
import { profileLikelihood, type ProfileInterval } from '../../calibration/profileLikelihood.js';
import { defaultParameters } from '../../model/defaultParameters.js';
import { ERAS, loadEraTraces } from './loadEraTraces.js';

/** What {@link validateOutOfSample} returns: the out-of-sample table, the full fit and its intervals. */
export interface OutOfSampleReport {
  readonly rows: readonly OosRow[];
  /** The fit on every era, with its 95 % profile intervals. */
  readonly fit: FitResult;
  readonly intervals: readonly ProfileInterval[];
  /** State-years per era: scored, and those the model could not take (left out). */
  readonly eras: readonly { readonly era: string; readonly rows: number; readonly impossible: number; readonly impossiblePower: number }[];
  /** Seconds: driving, all folds, the full fit, its intervals. */
  readonly seconds: { readonly trace: number; readonly folds: number; readonly fit: number; readonly intervals: number };
}

/**
 * The out-of-sample validation of docs/validation.md ("Out of sample"): the seven eras driven
 * along the record with the Walt and the power-only perception models, blocked cross-validation
 * (leave one era out; forward split at 1945) against the baselines, and the fit on all eras with
 * profile intervals. `npm run validate:oos` writes its numbers into docs/validation.md.
 */
export function validateOutOfSample(options: { seed?: number; onProgress?: (line: string) => void; intervals?: boolean } = {}): OutOfSampleReport {
  const seed = options.seed ?? 0;
  const t0 = Date.now();
  const walt = loadEraTraces(ERAS, { seed, perception: 'walt' });
  const power = loadEraTraces(ERAS, { seed, perception: 'power' });
  const t1 = Date.now();
  options.onProgress?.(`drove ${ERAS.length} eras twice in ${((t1 - t0) / 1000).toFixed(1)} s`);
  const folds = standardFolds(ERAS, (e) => walt[ERAS.indexOf(e as (typeof ERAS)[number])].firstYear);
  const rows = crossValidate(walt, power, folds, options.onProgress === undefined ? {} : { onProgress: options.onProgress });
  const t2 = Date.now();
  const base = defaultParameters();
  const fit = fitParameters(walt, { base });
  const t3 = Date.now();
  const intervals = options.intervals === false ? [] : profileLikelihood(walt, fit, base, options.onProgress === undefined ? {} : { onProgress: options.onProgress });
  const t4 = Date.now();
  const eras = walt.map((t, k) => {
    let impossible = 0;
    let impossiblePower = 0;
    for (let r = 0; r < t.rows; r++) { impossible += 1 - t.possible[r]; impossiblePower += 1 - power[k].possible[r]; }
    return { era: t.era, rows: t.rows, impossible, impossiblePower };
  });
  return { rows, fit, intervals, eras, seconds: { trace: (t1 - t0) / 1000, folds: (t2 - t1) / 1000, fit: (t3 - t2) / 1000, intervals: (t4 - t3) / 1000 } };
}
