import { dyadDefence, type PerceptionModel, type PerceptionView } from './PerceptionModel.js';

/**
 * Walt's balance of threat (THEORY §5.2, the default):
 * T_ij = ahat_ij · (w_P·P_ij + w_G·G_ij + w_O·O_ij), with P_ij = cinc_j/(cinc_i + cinc_j) (aggregate
 * power), G_ij proximity, and O_ij = off_j·(1 − θ_ij) (offensive capability net of defence).
 * Satisfies M1–M3: T ∈ [0,1], 0 when ahat_ij = 0 ("will not balance against those that … do not
 * display offensive intentions"), weakly lowered by θ.
 */
// Per-target offence terms w_O·off_j·(1 − θ_ij), for non-nuclear and MAD dyads; reused buffers.
let offOpen = new Float64Array(0);
let offMad = new Float64Array(0);

export const waltThreat: PerceptionModel = {
  name: 'walt',
  threatMatrix(view: PerceptionView, out: Float64Array): void {
    const { n, cinc, proximity, off, nuc, ahat, theta, params } = view;
    const { wP, wG, wO, thetaNuc } = params;
    const oneMinusTheta = 1 - theta;
    const oneMinusThetaMad = 1 - dyadDefence(theta, thetaNuc, 1, 1);
    if (offOpen.length < n) { offOpen = new Float64Array(n); offMad = new Float64Array(n); }
    for (let j = 0; j < n; j++) {
      offOpen[j] = wO * off[j] * oneMinusTheta;
      offMad[j] = wO * off[j] * oneMinusThetaMad;
    }
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const ci = cinc[i];
      // O_ij = off_j·(1 − θ_ij): MAD applies when both are nuclear.
      const offence = nuc[i] === 1 ? offMad : offOpen;
      const nonNuclear = offOpen;
      for (let j = 0; j < n; j++) {
        const a = ahat[row + j];
        const cj = cinc[j];
        const sum = ci + cj;
        const P = sum > 0 ? cj / sum : 0.5;
        const o = nuc[j] === 1 ? offence[j] : nonNuclear[j];
        out[row + j] = a * (wP * P + wG * proximity[row + j] + o);
      }
      out[row + i] = 0; // T_ii = 0 (ahat_ii is 0 too)
    }
  },
};
