import { dyadDefence, type PerceptionModel, type PerceptionView } from './PerceptionModel.js';

/**
 * Walt's balance of threat (THEORY §5.2, the default):
 * T_ij = ahat_ij · (w_P·P_ij + w_G·G_ij + w_O·O_ij), with P_ij = cinc_j/(cinc_i + cinc_j) (aggregate
 * power), G_ij proximity, and O_ij = off_j·(1 − θ_ij) (offensive capability net of defence).
 * Satisfies M1–M3: T ∈ [0,1], 0 when ahat_ij = 0 ("will not balance against those that … do not
 * display offensive intentions"), weakly lowered by θ.
 */
export const waltThreat: PerceptionModel = {
  name: 'walt',
  threatMatrix(view: PerceptionView, out: Float64Array): void {
    const { n, cinc, proximity, off, nuc, ahat, theta, params } = view;
    const { wP, wG, wO, thetaNuc } = params;
    const oneMinusTheta = 1 - theta;
    const oneMinusThetaMad = 1 - dyadDefence(theta, thetaNuc, 1, 1);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const ci = cinc[i];
      const nucI = nuc[i];
      for (let j = 0; j < n; j++) {
        const a = ahat[row + j];
        if (i === j || a === 0) { out[row + j] = 0; continue; }
        const cj = cinc[j];
        const sum = ci + cj;
        const P = sum > 0 ? cj / sum : 0.5;
        // 1 − θ_ij, with MAD when both are nuclear
        const open = nucI === 1 && nuc[j] === 1 ? oneMinusThetaMad : oneMinusTheta;
        out[row + j] = a * (wP * P + wG * proximity[row + j] + wO * off[j] * open);
      }
    }
  },
};
