import type { PerceptionModel, PerceptionView } from './PerceptionModel.js';

/**
 * The power-only baseline (Waltz's balance of power, THEORY §2.5): T_ij = P_ij = cinc_j/(cinc_i + cinc_j).
 * Intentions, distance and offence are ignored, so every state perceives the strongest as its main
 * threat. Use it to contrast with Walt's balance of threat; M2 does not hold for it by design.
 */
export const powerThreat: PerceptionModel = {
  name: 'power',
  threatMatrix(view: PerceptionView, out: Float64Array): void {
    const { n, cinc } = view;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const ci = cinc[i];
      for (let j = 0; j < n; j++) {
        if (i === j) { out[row + j] = 0; continue; }
        const sum = ci + cinc[j];
        out[row + j] = sum > 0 ? cinc[j] / sum : 0.5;
      }
    }
  },
};
