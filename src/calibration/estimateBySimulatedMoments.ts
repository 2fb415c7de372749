import { MOMENT_COUNT, type Moments } from './simulatedMoments.js';

/** χ²₀.₉₅(df) for df = 1…6 (the J statistic's reference; MOMENT_COUNT = 6 moments). */
const CHI2_95 = [3.841458820694124, 5.991464547107979, 7.814727903251178, 9.487729036781154, 11.070497693516351, 12.591587243743977];

/** One parameter to estimate by simulated moments, over a grid of values (the others held). */
export interface SimulatedMomentsProblem {
  /** The parameter's name (for the report). */
  readonly name: string;
  /** The values tried, ascending (at least three). */
  readonly grid: readonly number[];
  /**
   * The seeds of the simulations: the same seeds at every grid value (common random numbers), so
   * that the objective's differences between values come from the parameter, not from the draws.
   */
  readonly seeds: readonly number[];
  /** The moments of the (observed or synthetic) record. */
  readonly observed: Moments;
  /**
   * The moments of one simulated history at `value` with `seed`; null when the value is outside
   * the admissible set with the other parameters as held (that grid value is skipped).
   */
  simulate(value: number, seed: number): Moments | null;
  onProgress?: (line: string) => void;
}

/** The objective at one grid value. */
export interface SimulatedMomentsPoint {
  readonly value: number;
  /** J(θ): the weighted squared distance of the simulated moments from the observed ones. */
  readonly objective: number;
  /** The simulated moments, averaged over the seeds (MOMENT_NAMES order). */
  readonly moments: readonly number[];
}

/** What {@link estimateBySimulatedMoments} returns. */
export interface SimulatedMomentsResult {
  readonly name: string;
  readonly points: readonly SimulatedMomentsPoint[];
  /** Grid values skipped as inadmissible. */
  readonly skipped: readonly number[];
  /** The observed moments and the diagonal weights (MOMENT_NAMES order; 0: a moment with no observations). */
  readonly observed: readonly number[];
  readonly weights: readonly number[];
  /** The minimum of J over the grid, and its degrees of freedom (moments used − 1). */
  readonly minObjective: number;
  readonly degreesOfFreedom: number;
  /** True when J_min exceeds χ²₀.₉₅(df): the moments reject the model at every grid value. */
  readonly rejected: boolean;
  /**
   * The estimate (the minimiser of J, refined by a parabola through its neighbours), or null when the
   * parameter is not identified: a number only when the 95 % set is bounded on both sides.
   */
  readonly estimate: number | null;
  /** Ends of the 95 % set {θ : J(θ) − J_min ≤ χ²₀.₉₅(1)}; null where it reaches the end of the grid. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** True when the set is bounded on both sides inside the grid. */
  readonly identified: boolean;
  /** True when the set is the whole grid: the objective is flat, the moments say nothing about the parameter. */
  readonly flat: boolean;
  /** The grid values in the 95 % set (it need not be one interval: J can have several minima). */
  readonly set: readonly number[];
}

/**
 * The method of simulated moments for one parameter that acts only through the dynamics
 * (docs/validation.md, "Simulation-based estimation"; McFadden 1989, Pakes & Pollard 1989,
 * Gouriéroux & Monfort 1996), over a grid with common random numbers:
 *
 * - m̄(θ) = the mean over the seeds of the simulated moments at θ;
 * - J(θ) = Σ_k w_k (m_k − m̄_k(θ))², with the diagonal weights w_k = 1 / ((1 + 1/S)·v_k): v_k the
 *   variance of moment k of one simulated history — across the S seeds at each grid value, pooled
 *   over the grid values — so that the clustering of acts within a state's years, which a binomial
 *   variance would ignore, is in the weights; 1 + 1/S for the simulation noise of the mean of S
 *   seeds; v_k no smaller than the binomial variance of a share 0.5/n_k [D: diagonal, because S
 *   seeds cannot estimate a full 6 × 6 covariance well, and the correlation between the shares is
 *   left out];
 * - the 95 % set: the grid values with J(θ) − J_min ≤ χ²₀.₉₅(1) = 3.84 (the criterion-difference
 *   statistic, Newey & McFadden 1994 §9), its ends interpolated linearly between grid values;
 * - a set that reaches an end of the grid leaves the parameter unbounded on that side (not
 *   identified, no number); a set covering the whole grid is a flat objective.
 */
export function estimateBySimulatedMoments(problem: SimulatedMomentsProblem): SimulatedMomentsResult {
  const { grid, seeds, observed } = problem;
  if (grid.length < 3) throw new RangeError(`${problem.name}: the grid needs three values or more`);
  for (let g = 1; g < grid.length; g++) if (!(grid[g] > grid[g - 1])) throw new RangeError(`${problem.name}: the grid must be ascending`);
  if (seeds.length === 0) throw new RangeError(`${problem.name}: no seeds`);
  const S = seeds.length;
  if (S < 2) throw new RangeError(`${problem.name}: the weights need two seeds or more`);
  // Every simulation first: per admissible grid value, the moments of each seed.
  const runs: { value: number; bySeed: Float64Array[] }[] = [];
  const skipped: number[] = [];
  for (const value of grid) {
    const bySeed: Float64Array[] = [];
    for (const seed of seeds) {
      const m = problem.simulate(value, seed);
      if (m === null) break;
      bySeed.push(Float64Array.from(m.values));
    }
    if (bySeed.length < S) skipped.push(value); else runs.push({ value, bySeed });
  }
  // The variance of one history's moment: across the seeds at each value, pooled over the values.
  const variance = new Float64Array(MOMENT_COUNT);
  for (const { bySeed } of runs) {
    for (let k = 0; k < MOMENT_COUNT; k++) {
      let mean = 0;
      for (const m of bySeed) mean += m[k] / S;
      let ss = 0;
      for (const m of bySeed) ss += (m[k] - mean) ** 2;
      variance[k] += ss / (S - 1) / runs.length;
    }
  }
  const weights = new Float64Array(MOMENT_COUNT);
  let used = 0;
  for (let k = 0; k < MOMENT_COUNT; k++) {
    const n = observed.n[k];
    if (!(n > 0)) continue;
    // Floor: the binomial variance of a share of 0.5/n (a moment the simulations never move).
    const floor = (0.5 / n) * (1 - 0.5 / n) / n;
    weights[k] = 1 / ((1 + 1 / S) * Math.max(variance[k], floor));
    used++;
  }
  const points: SimulatedMomentsPoint[] = [];
  for (const { value, bySeed } of runs) {
    const mean = new Float64Array(MOMENT_COUNT);
    for (const m of bySeed) for (let k = 0; k < MOMENT_COUNT; k++) mean[k] += m[k] / S;
    let J = 0;
    for (let k = 0; k < MOMENT_COUNT; k++) J += weights[k] * (observed.values[k] - mean[k]) ** 2;
    points.push({ value, objective: J, moments: Array.from(mean) });
    problem.onProgress?.(`${problem.name} = ${value}: J = ${J.toFixed(2)}`);
  }
  if (points.length < 3) throw new RangeError(`${problem.name}: fewer than three admissible grid values`);
  let best = 0;
  for (let g = 1; g < points.length; g++) if (points[g].objective < points[best].objective) best = g;
  const Jmin = points[best].objective;
  const cut = CHI2_95[0];
  const inside = points.map((p) => p.objective - Jmin <= cut);
  const first = inside.indexOf(true);
  const last = inside.lastIndexOf(true);
  const cross = (a: SimulatedMomentsPoint, b: SimulatedMomentsPoint): number => {
    // a outside, b inside: where J − J_min = cut on the segment.
    const da = a.objective - Jmin - cut;
    const db = b.objective - Jmin - cut;
    return a.value + (b.value - a.value) * (da / (da - db));
  };
  const lower = first > 0 ? cross(points[first - 1], points[first]) : null;
  const upper = last < points.length - 1 ? cross(points[last + 1], points[last]) : null;
  const identified = lower !== null && upper !== null;
  let estimate: number | null = null;
  if (identified) {
    estimate = points[best].value;
    if (best > 0 && best < points.length - 1) {
      // The vertex of the parabola through the minimiser and its neighbours (kept between them).
      const [a, b, c] = [points[best - 1], points[best], points[best + 1]];
      const den = (b.value - a.value) * (b.objective - c.objective) - (b.value - c.value) * (b.objective - a.objective);
      if (den !== 0) {
        const num = (b.value - a.value) ** 2 * (b.objective - c.objective) - (b.value - c.value) ** 2 * (b.objective - a.objective);
        const v = b.value - 0.5 * num / den;
        if (v > a.value && v < c.value) estimate = v;
      }
    }
  }
  const df = Math.max(used - 1, 1);
  return {
    name: problem.name, points, skipped, observed: Array.from(observed.values), weights: Array.from(weights),
    minObjective: Jmin, degreesOfFreedom: df, rejected: Jmin > CHI2_95[Math.min(df, CHI2_95.length) - 1],
    estimate, lower, upper, identified, flat: inside.every((x) => x),
    set: points.filter((_, g) => inside[g]).map((p) => p.value),
  };
}

