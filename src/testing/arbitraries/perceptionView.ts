import fc from 'fast-check';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { PerceptionView } from '../../perception/PerceptionModel.js';
import { gridNumber } from './gridNumber.js';

/**
 * The inputs of a threat-perception model as plain data (so that counterexamples print well):
 * capability weights (normalised to CINC shares by {@link toPerceptionView}), symmetric distances in
 * km, offensive postures, nuclear status, perceived intents ahat_ij (row i, column j) and θ.
 */
export interface ThreatInputs {
  /** Positive weights, normalised to cinc shares. */
  cinc: number[];
  /** Symmetric distances d_ij in km (row-major n×n, 0 on the diagonal). */
  distance: number[];
  /** off_j: offensive postures. */
  off: number[];
  /** nuc_j: nuclear status. */
  nuclear: boolean[];
  /** ahat_ij, row-major n×n (0 on the diagonal). */
  ahat: number[];
  /** θ: the system's conventional defensive advantage. */
  theta: number;
}

/** Random {@link ThreatInputs} for 2–5 states (or the given range). */
export function threatInputs(minStates = 2, maxStates = 5): fc.Arbitrary<ThreatInputs> {
  return fc.integer({ min: Math.max(2, minStates), max: Math.max(2, minStates, maxStates) }).chain((n) => fc.record({
    cinc: fc.array(gridNumber(0.01, 1, 99), { minLength: n, maxLength: n }),
    upper: fc.array(gridNumber(0, 10_000, 1000), { minLength: n * n, maxLength: n * n }),
    off: fc.array(gridNumber(0, 1, 100), { minLength: n, maxLength: n }),
    nuclear: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ahat: fc.array(gridNumber(0, 1, 100), { minLength: n * n, maxLength: n * n }),
    theta: gridNumber(0, 1, 100),
  })).map(({ upper, ...x }) => {
    const n = x.cinc.length;
    const distance = new Array<number>(n * n).fill(0);
    const ahat = x.ahat.slice();
    for (let i = 0; i < n; i++) {
      ahat[i * n + i] = 0;
      for (let j = i + 1; j < n; j++) distance[i * n + j] = distance[j * n + i] = upper[i * n + j];
    }
    return { ...x, distance, ahat };
  });
}

/** The {@link PerceptionView} of some inputs under some parameters (G_ij = exp(−d_ij/d0)). */
export function toPerceptionView(x: ThreatInputs, params: ModelParameters): PerceptionView {
  const n = x.cinc.length;
  const total = x.cinc.reduce((s, c) => s + c, 0);
  return {
    n,
    cinc: Float64Array.from(x.cinc, (c) => c / total),
    proximity: Float64Array.from(x.distance, (d) => Math.exp(-d / params.d0)),
    off: Float64Array.from(x.off),
    nuc: Uint8Array.from(x.nuclear, (b) => (b ? 1 : 0)),
    ahat: Float64Array.from(x.ahat),
    theta: x.theta,
    params,
  };
}

/**
 * A random {@link PerceptionView}: what a threat-perception model sees in one tick, for 2–5 states.
 *
 * @example
 * fc.assert(fc.property(perceptionView(admissibleParameters()), (view) => {
 *   const out = new Float64Array(view.n * view.n);
 *   myThreatModel.threatMatrix(view, out);
 *   return out.every((t) => t >= 0 && t <= 1);
 * }));
 */
export function perceptionView(parameters: fc.Arbitrary<ModelParameters>): fc.Arbitrary<PerceptionView> {
  return fc.tuple(threatInputs(), parameters).map(([x, p]) => toPerceptionView(x, p));
}
