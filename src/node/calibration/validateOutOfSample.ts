import { categoryCounts } from '../../calibration/categoryCounts.js';
import { crossValidate, standardFolds, type OosRow } from '../../calibration/crossValidate.js';
import { fitParameters, type FitResult } from '../../calibration/fitParameters.js';
import { profileLikelihood, type ProfileInterval } from '../../calibration/profileLikelihood.js';
import { defaultParameters } from '../../model/defaultParameters.js';
import { ERAS, loadEraTraces } from './loadEraTraces.js';

/**
 * The present-day regional cases that follow the data (issue 12 item 7) and overlap the observed
 * record (to 2012): scored out of sample by the choice rule fitted on all seven eras.
 * multipolar-2020s starts in 2022, after the record ends.
 */
export const REGIONAL_CASES = ['central-asia', 'indo-pacific', 'brics-plus'] as const;

/** The fold that scores the regional cases: fitted on every era, each case held out. */
export const REGIONAL_FOLD_NAME = 'all eras → present-day regional cases';

/** What {@link validateOutOfSample} returns: the out-of-sample table, the full fit and its intervals. */
export interface OutOfSampleReport {
  readonly rows: readonly OosRow[];
  /** The fit on every era, with its 95 % profile intervals. */
  readonly fit: FitResult;
  readonly intervals: readonly ProfileInterval[];
  /** State-years per era: scored, and those the model could not take (left out). */
  readonly eras: readonly { readonly era: string; readonly rows: number; readonly impossible: number; readonly impossiblePower: number }[];
  /**
   * Per era and regional case (Walt perception): the observed count of each category (calibration
   * order: NONE, HE, HI, SE, IE, II) over the state-years the model can take, and the model's
   * expected counts there at the defaults and at the fit on all eras (`categoryCounts`).
   */
  readonly counts: readonly {
    readonly era: string; readonly rows: number; readonly observed: readonly number[];
    readonly defaults: readonly number[]; readonly fitted: readonly number[];
  }[];
  /** Seconds: driving, all folds, the full fit, its intervals. */
  readonly seconds: { readonly trace: number; readonly folds: number; readonly fit: number; readonly intervals: number };
}

/**
 * The out-of-sample validation of docs/validation.md ("Out of sample"): the seven eras driven
 * along the record with the Walt and the power-only perception models, blocked cross-validation
 * (leave one era out; forward split at 1945) against the baselines, the present-day regional cases
 * scored by the fit on all eras (unless `regional` is false), and the fit on all eras with profile
 * intervals. `npm run validate:oos` writes its numbers into docs/validation.md.
 */
export function validateOutOfSample(options: { seed?: number; onProgress?: (line: string) => void; intervals?: boolean; regional?: boolean } = {}): OutOfSampleReport {
  const seed = options.seed ?? 0;
  const cases = options.regional === false ? [] : [...REGIONAL_CASES];
  const t0 = Date.now();
  const all = [...ERAS, ...cases];
  const waltAll = loadEraTraces(all, { seed, perception: 'walt' });
  const powerAll = loadEraTraces(all, { seed, perception: 'power' });
  const walt = waltAll.slice(0, ERAS.length);
  const power = powerAll.slice(0, ERAS.length);
  const t1 = Date.now();
  options.onProgress?.(`drove ${ERAS.length} eras${cases.length > 0 ? ` and ${cases.length} regional cases` : ''} twice in ${((t1 - t0) / 1000).toFixed(1)} s`);
  const folds = standardFolds(ERAS, (e) => walt[ERAS.indexOf(e as (typeof ERAS)[number])].firstYear);
  if (cases.length > 0) folds.push({ name: REGIONAL_FOLD_NAME, train: [...ERAS], test: cases });
  const rows = crossValidate(waltAll, powerAll, folds, options.onProgress === undefined ? {} : { onProgress: options.onProgress });
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
  const atDefaults = categoryCounts(waltAll, base);
  const atFit = categoryCounts(waltAll, fit.parameters);
  const counts = atDefaults.map((c, k) => ({ era: c.era, rows: c.rows, observed: c.observed, defaults: c.expected, fitted: atFit[k].expected }));
  return { rows, fit, intervals, eras, counts, seconds: { trace: (t1 - t0) / 1000, folds: (t2 - t1) / 1000, fit: (t3 - t2) / 1000, intervals: (t4 - t3) / 1000 } };
}
