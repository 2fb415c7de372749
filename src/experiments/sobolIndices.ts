import { seededUniform } from '../random/seededUniform.js';

/** An index with its bootstrap spread. */
export interface IndexEstimate {
  /** The estimate from all samples (NaN when the output is constant or not finite). */
  readonly estimate: number;
  /**
   * Half-width of the confidence interval: z_{(1+level)/2} × the standard deviation of the estimate
   * over bootstrap resamples of the sample rows (as SALib reports `S1_conf`, `ST_conf`).
   */
  readonly conf: number;
}

/** Sobol' indices of one parameter. */
export interface SobolParameterIndices {
  readonly parameter: string;
  /** First-order index S1: the share of the output variance due to the parameter alone. */
  readonly S1: IndexEstimate;
  /** Total-order index ST: the share due to the parameter with all its interactions. */
  readonly ST: IndexEstimate;
}

/** A second-order index S2 of a pair of parameters. */
export interface SobolPairIndex extends IndexEstimate {
  readonly parameters: readonly [string, string];
}

/** What {@link sobolIndices} gives. */
export interface SobolIndices {
  /** Base samples N (rows of A and B). */
  readonly samples: number;
  /** One entry per parameter, in the design's order. */
  readonly first: readonly SobolParameterIndices[];
  /** Second-order indices of each pair (empty without the BA blocks). */
  readonly second: readonly SobolPairIndex[];
  /** Whether every output was the same (then every index is NaN: no variance to share out). */
  readonly constant: boolean;
}

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Whether the outputs include the BA blocks (N(2D+2) outputs) for second-order indices; default true. */
  secondOrder?: boolean;
  /** Bootstrap resamples for the intervals (default 200). */
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Seed of the bootstrap (default 0): the same seed gives the same intervals. */
  seed?: number | string;
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return Number.NaN;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Sample standard deviation (n − 1) of finite values. */
function sd(xs: Float64Array): number {
  let n = 0;
  let mean = 0;
  for (const x of xs) if (Number.isFinite(x)) { n++; mean += x; }
  if (n < 2) return Number.NaN;
  mean /= n;
  let ss = 0;
  for (const x of xs) if (Number.isFinite(x)) ss += (x - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Sobol' indices from the outputs of a Saltelli design (`{ type: 'sobol' }`): first order by the
 * estimator of Saltelli et al. (2010, Table 2 (b)), S1_j = mean(f(B)·(f(AB_j) − f(A))) / V, total
 * order by Jansen's (1999; Saltelli et al. 2010, Table 2 (f)), ST_j = mean((f(A) − f(AB_j))²) / (2V),
 * second order by Saltelli (2002), S2_jk = mean(f(BA_j)·f(AB_k) − f(A)·f(B)) / V − S1_j − S1_k, V the
 * variance of f over the rows of A and B — the estimators of SALib's `analyze.sobol` (SALib/SALib,
 * src/SALib/analyze/sobol.py: first_order, total_order, second_order), which also standardises the
 * outputs first. Intervals: the N sample rows are resampled with replacement `resamples` times (a
 * row keeps its A, AB_j, BA_j and B together), and conf = z × the resamples' standard deviation.
 *
 * `outputs` are in the design's point order: for each base sample i, f(A_i), f(AB_i,1) … f(AB_i,D),
 * [f(BA_i,1) … f(BA_i,D),] f(B_i). Pure and deterministic.
 *
 * @throws RangeError when the number of outputs is not a multiple of 2D + 2 (or D + 2).
 */
export function sobolIndices(outputs: ArrayLike<number>, parameters: readonly string[], options: SobolIndicesOptions = {}): SobolIndices {
  const D = parameters.length;
  const secondOrder = options.secondOrder ?? true;
  const step = secondOrder ? 2 * D + 2 : D + 2;
  if (D < 1 || outputs.length === 0 || outputs.length % step !== 0) {
    throw new RangeError(`${outputs.length} outputs do not fill a Saltelli design of ${D} parameters (a multiple of ${step})`);
  }
  const N = outputs.length / step;
  const resamples = options.resamples ?? 200;
  const z = normalQuantile(0.5 + (options.level ?? 0.95) / 2);
  // Standardise (SALib does, as the estimators are biased for outputs far from 0).
  let mean = 0;
  for (let k = 0; k < outputs.length; k++) mean += outputs[k];
  mean /= outputs.length;
  let variance = 0;
  for (let k = 0; k < outputs.length; k++) variance += (outputs[k] - mean) ** 2;
  const scale = Math.sqrt(variance / outputs.length);
  const y = new Float64Array(outputs.length);
  for (let k = 0; k < outputs.length; k++) y[k] = (outputs[k] - mean) / scale;
  const A = (i: number): number => y[i * step];
  const B = (i: number): number => y[i * step + step - 1];
  const AB = (i: number, j: number): number => y[i * step + 1 + j];
  const BA = (i: number, j: number): number => y[i * step + 1 + D + j];

  const constant = !(scale > 0) || !Number.isFinite(scale);
  const nan: IndexEstimate = { estimate: Number.NaN, conf: Number.NaN };
  if (constant) {
    return {
      samples: N, constant: true,
      first: parameters.map((parameter) => ({ parameter, S1: nan, ST: nan })),
      second: secondOrder ? pairs(parameters).map(([j, k]) => ({ parameters: [parameters[j], parameters[k]] as const, ...nan })) : [],
    };
  }

  // One pass per estimate over a list of rows (all rows, or a bootstrap resample).
  const varianceOf = (rows: Int32Array): number => {
    let s = 0;
    let s2 = 0;
    for (const i of rows) { const a = A(i); const b = B(i); s += a + b; s2 += a * a + b * b; }
    const n = 2 * rows.length;
    return s2 / n - (s / n) ** 2;
  };
  const firstOrder = (rows: Int32Array, j: number, v: number): number => {
    let s = 0;
    for (const i of rows) s += B(i) * (AB(i, j) - A(i));
    return s / rows.length / v;
  };
  const totalOrder = (rows: Int32Array, j: number, v: number): number => {
    let s = 0;
    for (const i of rows) s += (A(i) - AB(i, j)) ** 2;
    return (0.5 * s) / rows.length / v;
  };
  const secondOrderIndex = (rows: Int32Array, j: number, k: number, v: number): number => {
    let s = 0;
    for (const i of rows) s += BA(i, j) * AB(i, k) - A(i) * B(i);
    return s / rows.length / v - firstOrder(rows, j, v) - firstOrder(rows, k, v);
  };

  const all = new Int32Array(N);
  for (let i = 0; i < N; i++) all[i] = i;
  const vAll = varianceOf(all);
  const pairList = secondOrder ? pairs(parameters) : [];
  const boot = { S1: parameters.map(() => new Float64Array(resamples)), ST: parameters.map(() => new Float64Array(resamples)), S2: pairList.map(() => new Float64Array(resamples)) };
  const next = seededUniform(`sobol-bootstrap:${String(options.seed ?? 0)}`);
  const rows = new Int32Array(N);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < N; i++) rows[i] = Math.floor(next() * N);
    const v = varianceOf(rows);
    for (let j = 0; j < D; j++) {
      boot.S1[j][r] = firstOrder(rows, j, v);
      boot.ST[j][r] = totalOrder(rows, j, v);
    }
    pairList.forEach(([j, k], p) => { boot.S2[p][r] = secondOrderIndex(rows, j, k, v); });
  }
  return {
    samples: N,
    constant: false,
    first: parameters.map((parameter, j) => ({
      parameter,
      S1: { estimate: firstOrder(all, j, vAll), conf: z * sd(boot.S1[j]) },
      ST: { estimate: totalOrder(all, j, vAll), conf: z * sd(boot.ST[j]) },
    })),
    second: pairList.map(([j, k], p) => ({
      parameters: [parameters[j], parameters[k]] as const,
      estimate: secondOrderIndex(all, j, k, vAll),
      conf: z * sd(boot.S2[p]),
    })),
  };
}

function pairs(parameters: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < parameters.length; j++) for (let k = j + 1; k < parameters.length; k++) out.push([j, k]);
  return out;
}
