import { create, lgammaDependencies, meanDependencies, stdDependencies } from 'mathjs';

// Only what the summaries use is loaded (the bundle tree-shakes the rest of mathjs).
const math = create({ meanDependencies, stdDependencies, lgammaDependencies }, {});

/** Mean, standard deviation and confidence interval of one metric over the replicates of a point. */
export interface SampleSummary {
  /** Number of finite values summarised (non-finite values are left out). */
  n: number;
  /** Arithmetic mean (NaN when n = 0). */
  mean: number;
  /** Sample standard deviation, with n − 1 (NaN when n < 2). */
  sd: number;
  /** Lower end of the confidence interval of the mean (NaN when n < 2). */
  ciLow: number;
  /** Upper end. */
  ciHigh: number;
}

/**
 * Regularised incomplete beta I_x(a, b) by its continued fraction (modified Lentz), with the
 * symmetry I_x(a, b) = 1 − I_{1−x}(b, a) for fast convergence (Numerical Recipes §6.4).
 */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d; if (Math.abs(d) < tiny) d = tiny; d = 1 / d;
    c = 1 + num / c; if (Math.abs(c) < tiny) c = tiny;
    f *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d; if (Math.abs(d) < tiny) d = tiny; d = 1 / d;
    c = 1 + num / c; if (Math.abs(c) < tiny) c = tiny;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (Math.exp(lnFront) * f) / a;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t distribution with `df` > 0 degrees of freedom (e.g.
 * studentTQuantile(0.975, 9) ≈ 2.262157), by bisection on the CDF to full double precision.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const tCache = new Map<string, number>();

/**
 * Summarises a sample (one metric over a point's replicates): n, mean and sample standard deviation
 * (mathjs `mean`, `std` with n − 1), and the t-based confidence interval of the mean,
 * mean ± t_{(1+level)/2, n−1} · sd/√n. Non-finite values are left out. Pure.
 *
 * @param level the confidence level (default 0.95).
 */
export function summarizeSample(values: readonly number[], level = 0.95): SampleSummary {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  const mean = math.mean(xs) as number;
  if (n < 2) return { n, mean, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  const sd = math.std(xs, 'unbiased') as unknown as number;
  const key = `${level}:${n}`;
  let t = tCache.get(key);
  if (t === undefined) {
    t = studentTQuantile((1 + level) / 2, n - 1);
    if (tCache.size < 10_000) tCache.set(key, t);
  }
  const half = (t * sd) / Math.sqrt(n);
  return { n, mean, sd, ciLow: mean - half, ciHigh: mean + half };
}
