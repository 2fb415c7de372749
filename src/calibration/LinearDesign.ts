import { Z_SIZE } from '../decision/DecisionContext.js';
import { OPTION_COUNT } from '../decision/options.js';
import { writeLogit, writeUtilities } from '../decision/utilities.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import { CATEGORY_COUNT, CATEGORY_OF_OPTION } from './categories.js';
import type { ObservedTrace } from './ObservedTrace.js';
import type { EstimatedParameter } from './parameterSpace.js';

/**
 * The utilities of model §5.4 are affine in every choice-rule coefficient except μ and T*:
 * V_a = V⁰_a + Σ_k θ_k·G_ak for the estimated θ with the rest held. This precomputes V⁰ and G per
 * state-year once, so that a likelihood evaluation is a small dot product per option (tested equal
 * to the direct pass, `logLikelihood`). Used when neither μ nor T* is estimated.
 * @internal
 */
export class LinearDesign {
  readonly traces: readonly ObservedTrace[];
  readonly k: number;
  readonly mu: number;
  private readonly v0: Float64Array[];
  private readonly g: Float64Array[];
  private readonly v = new Float64Array(OPTION_COUNT);
  private readonly p = new Float64Array(OPTION_COUNT);
  private readonly mask = new Uint8Array(OPTION_COUNT);

  /** Whether the design applies: μ and T* are not estimated. */
  static applies(space: readonly EstimatedParameter[]): boolean {
    return !space.some((p) => p.name === 'mu' || p.name === 'tStar');
  }

  constructor(traces: readonly ObservedTrace[], base: ModelParameters, space: readonly EstimatedParameter[]) {
    this.traces = traces;
    this.k = space.length;
    this.mu = base.mu;
    const zero = { ...base, omega: { ...base.omega } } as ModelParameters;
    const z = zero as unknown as Record<string, number>;
    for (const p of space) z[p.name] = 0;
    const tmp = new Float64Array(OPTION_COUNT);
    this.v0 = [];
    this.g = [];
    for (const trace of traces) {
      const v0 = new Float64Array(trace.rows * OPTION_COUNT);
      const g = new Float64Array(trace.rows * OPTION_COUNT * this.k);
      for (let r = 0; r < trace.rows; r++) writeUtilities(zero, trace.z, r * Z_SIZE, v0, r * OPTION_COUNT);
      space.forEach((p, k) => {
        z[p.name] = 1;
        for (let r = 0; r < trace.rows; r++) {
          writeUtilities(zero, trace.z, r * Z_SIZE, tmp, 0);
          for (let a = 0; a < OPTION_COUNT; a++) g[(r * OPTION_COUNT + a) * this.k + k] = tmp[a] - v0[r * OPTION_COUNT + a];
        }
        z[p.name] = 0;
      });
      this.v0.push(v0);
      this.g.push(g);
    }
  }

  /** Category probabilities of row r of trace t at θ, into out. No allocation. */
  categoryProbabilities(t: number, r: number, theta: ArrayLike<number>, out: Float64Array): void {
    const trace = this.traces[t];
    const v0 = this.v0[t];
    const g = this.g[t];
    const K = this.k;
    const { v, p, mask } = this;
    const rb = r * OPTION_COUNT;
    for (let a = 0; a < OPTION_COUNT; a++) {
      let s = v0[rb + a];
      const gb = (rb + a) * K;
      for (let k = 0; k < K; k++) s += theta[k] * g[gb + k];
      v[a] = s;
      mask[a] = trace.mask[rb + a];
    }
    writeLogit(v, mask, this.mu, p, 0);
    for (let c = 0; c < CATEGORY_COUNT; c++) out[c] = 0;
    for (let a = 0; a < OPTION_COUNT; a++) out[CATEGORY_OF_OPTION[a]] += p[a];
  }

  private readonly q = new Float64Array(CATEGORY_COUNT);

  /**
   * The log-likelihood at θ with its gradient and Hessian in θ (written into `grad`, K numbers, and
   * `hess`, K×K row-major). For P_c = Σ_{a∈c} p_a: ∂log P_c/∂θ = (E_c[g] − E[g])/μ and
   * ∂²log P_c/∂θ∂θᵀ = (Cov_c[g] − Cov[g])/μ², with E, Cov under p and E_c, Cov_c under p restricted
   * to the options of category c. Buffers are the caller's; nothing is allocated per state-year.
   */
  derivatives(theta: ArrayLike<number>, grad: Float64Array, hess: Float64Array, work: Float64Array): number {
    const K = this.k;
    const mu = this.mu;
    grad.fill(0);
    hess.fill(0);
    const eAll = work.subarray(0, K);
    const eCat = work.subarray(K, 2 * K);
    let ll = 0;
    const { p } = this;
    for (let t = 0; t < this.traces.length; t++) {
      const trace = this.traces[t];
      const g = this.g[t];
      for (let r = 0; r < trace.rows; r++) {
        if (trace.possible[r] === 0) continue;
        this.categoryProbabilities(t, r, theta, this.q);
        const c = trace.category[r];
        const pc = this.q[c] > 1e-300 ? this.q[c] : 1e-300;
        ll += Math.log(pc);
        eAll.fill(0);
        eCat.fill(0);
        const rb = r * OPTION_COUNT;
        for (let a = 0; a < OPTION_COUNT; a++) {
          const pa = p[a];
          if (pa === 0) continue;
          const inCat = CATEGORY_OF_OPTION[a] === c;
          const wc = inCat ? pa / pc : 0;
          const gb = (rb + a) * K;
          // Σ (w_c − p_a) g gᵀ accumulates Cov_c − Cov up to the mean terms below.
          const w = wc - pa;
          for (let i = 0; i < K; i++) {
            const gi = g[gb + i];
            if (gi === 0) continue;
            eAll[i] += pa * gi;
            eCat[i] += wc * gi;
            const wi = w * gi;
            if (wi !== 0) for (let j = 0; j <= i; j++) hess[i * K + j] += wi * g[gb + j];
          }
        }
        for (let i = 0; i < K; i++) {
          grad[i] += (eCat[i] - eAll[i]) / mu;
          for (let j = 0; j <= i; j++) hess[i * K + j] -= eCat[i] * eCat[j] - eAll[i] * eAll[j];
        }
      }
    }
    const mu2 = mu * mu;
    for (let i = 0; i < K; i++) {
      for (let j = 0; j <= i; j++) { const h = hess[i * K + j] / mu2; hess[i * K + j] = h; hess[j * K + i] = h; }
    }
    return ll;
  }

  /** The log-likelihood at θ over every possible row of the traces. No allocation. */
  logLikelihood(theta: ArrayLike<number>): number {
    let ll = 0;
    const q = this.q;
    for (let t = 0; t < this.traces.length; t++) {
      const trace = this.traces[t];
      for (let r = 0; r < trace.rows; r++) {
        if (trace.possible[r] === 0) continue;
        this.categoryProbabilities(t, r, theta, q);
        const pr = q[trace.category[r]];
        ll += Math.log(pr > 1e-300 ? pr : 1e-300);
      }
    }
    return ll;
  }
}
