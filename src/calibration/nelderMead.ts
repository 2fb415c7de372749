/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Stop after this many evaluations of f (default 200·d). */
  maxEvaluations?: number;
  /** Initial simplex step per coordinate (default 0.5). */
  initialStep?: number;
  /** Converged when the simplex's values span less than this (default 1e-7) … */
  fTolerance?: number;
  /** … and its vertices lie within this of the best one in every coordinate (default 1e-5). */
  xTolerance?: number;
}

/** What {@link nelderMead} found. */
export interface NelderMeadResult {
  /** The best point. */
  readonly x: Float64Array;
  /** f at the best point. */
  readonly f: number;
  readonly evaluations: number;
  /** True when the tolerances were met, false when the evaluation budget ran out first. */
  readonly converged: boolean;
}

/**
 * Minimises f by the Nelder–Mead simplex method with the standard coefficients (reflection 1,
 * expansion 2, contraction ½, shrink ½; Lagarias, Reeds, Wright & Wright 1998, SIAM J. Optim.
 * 9(1):112–147). Constraints are handled by the extreme barrier (Audet & Dennis 2006, SIAM J.
 * Optim. 17(1):188–217): f returns +∞ outside the feasible set, so no infeasible point is ever
 * accepted into the simplex, and every point returned is feasible when x0 is. A vertex of the
 * initial simplex that is infeasible is pulled back toward x0 (and tried on the other side) until it
 * is feasible; a coordinate for which none is found keeps a degenerate vertex at x0 plus a tiny
 * step. Deterministic: no random numbers.
 *
 * (npm has no maintained optimiser with constraints: fmin 0.0.4 and numeric 1.2.6 are unmaintained
 * since 2017 and 2012; this is about a hundred lines, tested in test/calibration/nelderMead.test.ts.)
 *
 * @param f - the objective; +∞ (or NaN) marks an infeasible point.
 * @param x0 - a feasible start (f(x0) finite).
 * @throws RangeError if f(x0) is not finite.
 */
export function nelderMead(f: (x: Float64Array) => number, x0: Float64Array, options: NelderMeadOptions = {}): NelderMeadResult {
  const d = x0.length;
  const maxEvals = options.maxEvaluations ?? 200 * Math.max(1, d);
  const step = options.initialStep ?? 0.5;
  const fTol = options.fTolerance ?? 1e-7;
  const xTol = options.xTolerance ?? 1e-5;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: Float64Array[] = [Float64Array.from(x0)];
  const values: number[] = [evaluate(simplex[0])];
  if (!Number.isFinite(values[0])) throw new RangeError('nelderMead: the start is not feasible (f(x0) is not finite)');
  for (let k = 0; k < d; k++) {
    let placed = false;
    for (let h = step, tries = 0; tries < 12 && !placed; tries++, h /= 2) {
      for (const sign of [1, -1]) {
        const x = Float64Array.from(x0);
        x[k] += sign * h;
        const v = evaluate(x);
        if (Number.isFinite(v)) { simplex.push(x); values.push(v); placed = true; break; }
      }
    }
    if (!placed) { const x = Float64Array.from(x0); x[k] += 1e-9; simplex.push(x); values.push(values[0]); }
  }
  const order = new Int32Array(d + 1);
  const centroid = new Float64Array(d);
  const xr = new Float64Array(d);
  const xe = new Float64Array(d);
  const xc = new Float64Array(d);
  const sort = (): void => {
    for (let i = 0; i <= d; i++) order[i] = i;
    order.sort((a, b) => values[a] - values[b] || a - b);
  };
  const point = (out: Float64Array, from: Float64Array, towards: Float64Array, t: number): void => {
    for (let j = 0; j < d; j++) out[j] = from[j] + t * (towards[j] - from[j]);
  };
  let converged = false;
  sort();
  while (evaluations < maxEvals) {
    const best = order[0];
    const worst = order[d];
    const second = order[d - 1];
    // Converged: values and vertices close together.
    let spread = 0;
    for (let i = 1; i <= d; i++) {
      for (let j = 0; j < d; j++) spread = Math.max(spread, Math.abs(simplex[order[i]][j] - simplex[best][j]));
    }
    if (values[worst] - values[best] <= fTol && spread <= xTol) { converged = true; break; }
    centroid.fill(0);
    for (let i = 0; i < d; i++) { const v = simplex[order[i]]; for (let j = 0; j < d; j++) centroid[j] += v[j] / d; }
    point(xr, centroid, simplex[worst], -1); // reflection
    const fr = evaluate(xr);
    if (fr < values[best]) {
      point(xe, centroid, simplex[worst], -2); // expansion
      const fe = evaluate(xe);
      if (fe < fr) { simplex[worst].set(xe); values[worst] = fe; } else { simplex[worst].set(xr); values[worst] = fr; }
    } else if (fr < values[second]) {
      simplex[worst].set(xr); values[worst] = fr;
    } else {
      const outside = fr < values[worst];
      point(xc, centroid, simplex[worst], outside ? -0.5 : 0.5); // outside or inside contraction
      const fc = evaluate(xc);
      if (fc < (outside ? fr : values[worst])) {
        simplex[worst].set(xc); values[worst] = fc;
      } else { // shrink toward the best vertex
        for (let i = 1; i <= d; i++) {
          const k = order[i];
          point(simplex[k], simplex[best], simplex[k], 0.5);
          values[k] = evaluate(simplex[k]);
        }
      }
    }
    sort();
  }
  return { x: Float64Array.from(simplex[order[0]]), f: values[order[0]], evaluations, converged };
}
