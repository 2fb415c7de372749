import { seededUniform } from '../random/seededUniform.js';
import { normalQuantile, type IndexEstimate } from './sobolIndices.js';

/** Morris's measures of one parameter. */
export interface MorrisParameterEffects {
  readonly parameter: string;
  /** Elementary effects found (one per trajectory; fewer when outputs are missing). */
  readonly n: number;
  /** Mean elementary effect μ (effects of opposite signs cancel). */
  readonly mu: number;
  /** Mean absolute elementary effect μ* (Campolongo et al. 2007), with its bootstrap interval. */
  readonly muStar: IndexEstimate;
  /** Standard deviation σ of the elementary effects (n − 1): non-linearity and interactions. */
  readonly sigma: number;
}

/** Options of {@link morrisEffects}. */
export interface MorrisEffectsOptions {
  /** Bootstrap resamples for the interval of μ* (default 200). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Seed of the bootstrap (default 0). */
  seed?: number | string;
}

/**
 * Morris's elementary effects from the outputs of a Morris design (`{ type: 'morris' }`): along each
 * trajectory, consecutive points differ in one parameter j by ±Δ (in the unit cube, so effects are
 * per unit of the parameter's whole range), and EE_j = (f(x + Δe_j) − f(x)) / Δ. Then μ, μ*
 * and σ over the trajectories, and the interval of μ* by resampling the effects with replacement
 * (conf = z × the resamples' standard deviation) — as SALib's `analyze.morris` (SALib/SALib,
 * src/SALib/analyze/morris.py: _compute_elementary_effects, _compute_mu_star_confidence).
 * Effects whose outputs are not finite are left out. Pure and deterministic.
 *
 * @param points the design's points in the unit cube, in order (trajectories of D + 1 points).
 * @param outputs the output at each point.
 * @param delta the step Δ of the design.
 */
export function morrisEffects(
  points: readonly ArrayLike<number>[], outputs: ArrayLike<number>, parameters: readonly string[], delta: number, options: MorrisEffectsOptions = {},
): MorrisParameterEffects[] {
  const D = parameters.length;
  if (points.length !== outputs.length || points.length % (D + 1) !== 0) {
    throw new RangeError(`${outputs.length} outputs for ${points.length} points do not fill trajectories of ${D + 1} points`);
  }
  const effects: number[][] = parameters.map(() => []);
  for (let t = 0; t < points.length; t += D + 1) {
    for (let m = 1; m <= D; m++) {
      const before = points[t + m - 1];
      const after = points[t + m];
      let j = -1;
      for (let k = 0; k < D; k++) if (Math.abs(after[k] - before[k]) > delta / 2) j = k;
      if (j < 0) throw new RangeError(`points ${t + m - 1} and ${t + m} do not differ by a step of ${delta}`);
      const ee = (outputs[t + m] - outputs[t + m - 1]) / (after[j] > before[j] ? delta : -delta);
      if (Number.isFinite(ee)) effects[j].push(ee);
    }
  }
  const z = normalQuantile(0.5 + (options.level ?? 0.95) / 2);
  const resamples = options.resamples ?? 200;
  const next = seededUniform(`morris-bootstrap:${String(options.seed ?? 0)}`);
  return parameters.map((parameter, j) => {
    const ee = effects[j];
    const n = ee.length;
    if (n === 0) return { parameter, n, mu: Number.NaN, muStar: { estimate: Number.NaN, conf: Number.NaN }, sigma: Number.NaN };
    const mu = ee.reduce((s, x) => s + x, 0) / n;
    const muStar = ee.reduce((s, x) => s + Math.abs(x), 0) / n;
    const sigma = n < 2 ? Number.NaN : Math.sqrt(ee.reduce((s, x) => s + (x - mu) ** 2, 0) / (n - 1));
    const boot = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(ee[Math.floor(next() * n)]);
      boot[r] = s / n;
    }
    let bm = 0;
    for (const x of boot) bm += x;
    bm /= resamples;
    let bs = 0;
    for (const x of boot) bs += (x - bm) ** 2;
    const conf = resamples < 2 ? Number.NaN : z * Math.sqrt(bs / (resamples - 1));
    return { parameter, n, mu, muStar: { estimate: muStar, conf }, sigma };
  });
}
