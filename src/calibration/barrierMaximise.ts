import type { ModelParameters } from '../model/ModelParameters.js';
import { admissibleSlacks } from './admissibleSlacks.js';
import type { LinearDesign } from './LinearDesign.js';
import { nelderMead } from './nelderMead.js';
import { setEstimated, type EstimatedParameter } from './parameterSpace.js';

/** Linear constraints s(θ) = b + A·θ ≥ 0 (A row-major, m×K). @internal */
export interface LinearConstraints {
  readonly m: number;
  readonly k: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/**
 * The admissible set 𝒫 (model §5.4) restricted to the estimated parameters, the others held at
 * `base`: the C1 range of each estimated parameter and every coupled constraint C2–C8
 * (`admissibleSlacks`) that involves one of them, as linear inequalities in θ. The coefficients are
 * read off the slack functions, which are affine (exact up to rounding).
 * @internal
 */
export function linearConstraints(base: ModelParameters, space: readonly EstimatedParameter[], boundsOnly = false): LinearConstraints {
  const K = space.length;
  const p: ModelParameters = { ...base, omega: { ...base.omega } };
  const zero = new Float64Array(K);
  setEstimated(p, space, zero);
  const s0 = admissibleSlacks(p);
  const cols: number[][] = [];
  for (let k = 0; k < K; k++) {
    zero[k] = 1;
    setEstimated(p, space, zero);
    cols.push(admissibleSlacks(p).map((v, i) => v - s0[i]));
    zero[k] = 0;
  }
  const rowsA: number[][] = [];
  const rowsB: number[] = [];
  s0.forEach((b, i) => {
    const row = cols.map((c) => c[i]);
    if (!boundsOnly && row.some((v) => Math.abs(v) > 1e-12)) { rowsA.push(row.map((v) => (Math.abs(v) < 1e-12 ? 0 : v))); rowsB.push(b); }
  });
  space.forEach((q, k) => {
    const row = new Array<number>(K).fill(0);
    row[k] = 1;
    rowsA.push(row);
    rowsB.push(-q.lower);
    if (Number.isFinite(q.upper)) { const up = new Array<number>(K).fill(0); up[k] = -1; rowsA.push(up); rowsB.push(q.upper); }
  });
  return { m: rowsB.length, k: K, a: Float64Array.from(rowsA.flat()), b: Float64Array.from(rowsB) };
}

/** The slacks s(θ) into out; returns the smallest. */
function slacks(c: LinearConstraints, theta: ArrayLike<number>, out: Float64Array): number {
  let min = Infinity;
  for (let i = 0; i < c.m; i++) {
    let s = c.b[i];
    for (let k = 0; k < c.k; k++) s += c.a[i * c.k + k] * theta[k];
    out[i] = s;
    if (s < min) min = s;
  }
  return min;
}

/** Options of {@link barrierMaximise}. @internal */
export interface BarrierOptions {
  /** Coordinates held at their value in θ0 (1 = held). */
  held?: Uint8Array | null;
  /** Called with θ each time the likelihood is evaluated (tests: every point must be admissible). */
  onEvaluate?: (theta: Float64Array) => void;
  /** Final barrier weight (default 1e-7): the maximum is within about m·τ of the constrained one. */
  tauEnd?: number;
  /** First barrier weight (default 1; a warm start near the maximum may start lower). */
  tauStart?: number;
}

/** What {@link barrierMaximise} returns. @internal */
export interface BarrierResult {
  /** False when no strictly admissible point exists with the held coordinates (θ is θ0 then). */
  readonly feasible: boolean;
  readonly theta: Float64Array;
  readonly logLikelihood: number;
  readonly newtonSteps: number;
  /** False when a Newton stage hit its step limit. */
  readonly converged: boolean;
}

/**
 * Maximises the log-likelihood of a linear design subject to linear constraints by a log-barrier
 * interior-point method (Boyd & Vandenberghe 2004, §11.3): Newton's method on
 * −LL(θ) − τ·Σ log s_i(θ) for τ = 1, 0.1, …, τ_end, each from the last; the line search never
 * leaves the interior, so every point the likelihood is evaluated at is strictly admissible. The
 * Newton matrix is damped (Levenberg) where the aggregated-category likelihood is not concave.
 * A start on the boundary is first moved inside by maximising the smallest slack (Nelder–Mead).
 * @internal
 */
export function barrierMaximise(design: LinearDesign, cons: LinearConstraints, theta0: Float64Array,
  options: BarrierOptions = {}): BarrierResult {
  const K = cons.k;
  const held = options.held ?? new Uint8Array(K);
  const s = new Float64Array(cons.m);
  let theta = Float64Array.from(theta0);
  // Phase 1: a strictly admissible start.
  if (!(slacks(cons, theta, s) > 1e-9)) {
    const free: number[] = [];
    for (let k = 0; k < K; k++) if (held[k] === 0) free.push(k);
    const trial = Float64Array.from(theta);
    const f = (x: Float64Array): number => {
      free.forEach((k, j) => { trial[k] = x[j]; });
      return -Math.min(slacks(cons, trial, s), 0.05);
    };
    const x0 = Float64Array.from(free, (k) => theta[k]);
    const r = free.length === 0 ? { x: x0, f: f(x0) } : nelderMead(f, x0, { maxEvaluations: 4000, initialStep: 0.1, fTolerance: 1e-12 });
    if (!(r.f < -1e-9)) return { feasible: false, theta, logLikelihood: -Infinity, newtonSteps: 0, converged: false };
    free.forEach((k, j) => { theta[k] = r.x[j]; });
  }
  const grad = new Float64Array(K);
  const hess = new Float64Array(K * K);
  const work = new Float64Array(2 * K);
  const gF = new Float64Array(K);
  const hF = new Float64Array(K * K);
  const d = new Float64Array(K);
  const next = new Float64Array(K);
  const chol = new Float64Array(K * K);
  const evaluate = (x: Float64Array): number => { options.onEvaluate?.(x); return design.logLikelihood(x); };
  const phi = (x: Float64Array, tau: number): number => {
    const min = slacks(cons, x, s);
    if (!(min > 0)) return Infinity;
    let barrier = 0;
    for (let i = 0; i < cons.m; i++) barrier += Math.log(s[i]);
    return -evaluate(x) - tau * barrier;
  };
  let steps = 0;
  let converged = true;
  const tauEnd = options.tauEnd ?? 1e-7;
  for (let tau = options.tauStart ?? 1; tau >= tauEnd * 0.999; tau /= 10) {
    let stage = 0;
    for (; stage < 60; stage++) {
      options.onEvaluate?.(theta);
      design.derivatives(theta, grad, hess, work);
      slacks(cons, theta, s);
      for (let i = 0; i < K; i++) {
        gF[i] = -grad[i];
        for (let j = 0; j < K; j++) hF[i * K + j] = -hess[i * K + j];
      }
      for (let r = 0; r < cons.m; r++) {
        const inv = 1 / s[r];
        for (let i = 0; i < K; i++) {
          const ai = cons.a[r * K + i];
          if (ai === 0) continue;
          gF[i] -= tau * ai * inv;
          for (let j = 0; j < K; j++) hF[i * K + j] += tau * ai * cons.a[r * K + j] * inv * inv;
        }
      }
      for (let k = 0; k < K; k++) {
        if (held[k] === 0) continue;
        gF[k] = 0;
        for (let j = 0; j < K; j++) { hF[k * K + j] = 0; hF[j * K + k] = 0; }
        hF[k * K + k] = 1;
      }
      solveDamped(hF, gF, d, chol, K);
      let decrement = 0;
      for (let i = 0; i < K; i++) decrement -= gF[i] * d[i];
      if (decrement / 2 < 1e-10) break;
      const f0 = phi(theta, tau);
      let t = 1;
      let accepted = false;
      for (let h = 0; h < 60; h++, t /= 2) {
        for (let i = 0; i < K; i++) next[i] = theta[i] + t * d[i];
        if (!(slacks(cons, next, s) > 0)) continue;
        if (phi(next, tau) <= f0 - 1e-4 * t * decrement) { accepted = true; break; }
      }
      steps++;
      if (!accepted) break;
      theta = Float64Array.from(next);
    }
    if (stage === 60) converged = false;
  }
  return { feasible: true, theta, logLikelihood: evaluate(theta), newtonSteps: steps, converged };
}

/** Solves (H + λI)·d = −g by Cholesky, raising λ until H + λI is positive definite. */
function solveDamped(h: Float64Array, g: Float64Array, d: Float64Array, l: Float64Array, K: number): void {
  let scale = 0;
  for (let i = 0; i < K; i++) scale = Math.max(scale, Math.abs(h[i * K + i]));
  for (let lambda = 0; ; lambda = lambda === 0 ? 1e-10 * (scale || 1) : lambda * 10) {
    if (cholesky(h, l, K, lambda)) break;
  }
  // forward: L y = −g ; backward: Lᵀ d = y
  for (let i = 0; i < K; i++) {
    let v = -g[i];
    for (let j = 0; j < i; j++) v -= l[i * K + j] * d[j];
    d[i] = v / l[i * K + i];
  }
  for (let i = K - 1; i >= 0; i--) {
    let v = d[i];
    for (let j = i + 1; j < K; j++) v -= l[j * K + i] * d[j];
    d[i] = v / l[i * K + i];
  }
}

function cholesky(h: Float64Array, l: Float64Array, K: number, lambda: number): boolean {
  l.fill(0);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i * K + j] + (i === j ? lambda : 0);
      for (let k = 0; k < j; k++) sum -= l[i * K + k] * l[j * K + k];
      if (i === j) {
        if (!(sum > 0)) return false;
        l[i * K + i] = Math.sqrt(sum);
      } else l[i * K + j] = sum / l[j * K + j];
    }
  }
  return true;
}
