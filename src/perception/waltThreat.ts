import type { ModelParameters } from '../model/ModelParameters.js';
import { dyadDefence, type PerceptionModel, type PerceptionView } from './PerceptionModel.js';
import { aggregatePower } from './powerShift.js';

/**
 * Per-target offence terms of Walt's model: `offOpen[j] = w_O·off_j·(1 − θ)`, what any state sees
 * of j when the dyad is not under MAD, and `offNuc[j]`, what a nuclear state sees of j — with MAD,
 * `w_O·off_j·(1 − θ_ij)`, when j is nuclear too, otherwise the same as `offOpen[j]` (THEORY §5.2:
 * O_ij = off_j·(1 − θ_ij), θ_ij = 1 − (1 − θ)(1 − θ_nuc·nuc_i·nuc_j)). So O_ij is
 * `(nuc_i ? offNuc : offOpen)[j]`, one load and no branch per entry.
 * @internal
 */
export function writeOffenceTerms(
  n: number, off: ArrayLike<number>, nuc: ArrayLike<number>, theta: number, params: ModelParameters,
  offOpen: Float64Array, offNuc: Float64Array,
): void {
  const { wO, thetaNuc } = params;
  const oneMinusTheta = 1 - theta;
  const oneMinusThetaMad = 1 - dyadDefence(theta, thetaNuc, 1, 1);
  for (let j = 0; j < n; j++) {
    offOpen[j] = wO * off[j] * oneMinusTheta;
    offNuc[j] = nuc[j] === 1 ? wO * off[j] * oneMinusThetaMad : offOpen[j];
  }
}

// Reused buffers for the offence terms (the model must not allocate per call).
let offOpen = new Float64Array(0);
let offNuc = new Float64Array(0);

/**
 * Walt's balance of threat (THEORY §5.2, the default):
 * T_ij = ahat_ij · (w_P·P_ij + w_G·G_ij + w_O·O_ij), with P_ij = cinc_j/(cinc_i + cinc_j) (aggregate
 * power, raised by j's rise relative to i over the last `shiftWindow` years: {@link aggregatePower},
 * model note N32), G_ij proximity, and O_ij = off_j·(1 − θ_ij) (offensive capability net of defence).
 * Satisfies M1–M3: T ∈ [0,1], 0 when ahat_ij = 0 ("will not balance against those that … do not
 * display offensive intentions"), weakly lowered by θ.
 *
 * The engine's fused path (perceivePhase) evaluates the same expression, in the same order, row by
 * row without storing the matrix; keep the two in step.
 */
export const waltThreat: PerceptionModel = {
  name: 'walt',
  threatMatrix(view: PerceptionView, out: Float64Array): void {
    const { n, cinc, proximity, off, nuc, ahat, theta, params } = view;
    const past = view.cincPast ?? cinc;
    const { wP, wG, wShift } = params;
    if (offOpen.length < n) { offOpen = new Float64Array(n); offNuc = new Float64Array(n); }
    writeOffenceTerms(n, off, nuc, theta, params, offOpen, offNuc);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const ci = cinc[i];
      const o = nuc[i] === 1 ? offNuc : offOpen; // O_ij: MAD applies when both are nuclear
      const ci0 = past[i];
      for (let j = 0; j < n; j++) {
        const P = aggregatePower(ci, cinc[j], ci0, past[j], wShift);
        out[row + j] = ahat[row + j] * (wP * P + wG * proximity[row + j] + o[j]);
      }
      out[row + i] = 0; // T_ii = 0 (ahat_ii is 0 too)
    }
  },
};
