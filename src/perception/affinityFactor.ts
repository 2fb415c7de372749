import type { World } from '../engine/World.js';

/**
 * Affinity's effect on perceived threat (model note N54), the one formula every threat computation
 * uses: T_ij is multiplied by 1 − κ_a·max(0, a_ij). A positive affinity lowers the threat (strictly
 * when κ_a > 0 and T_ij > 0); a neutral or negative one leaves it as it is (hostility raises threat
 * through the beliefs, not here). Exactly 1 when affinity is off, so T_ij·1 = T_ij bit for bit.
 * @internal
 */
export function affinityFactor(w: World, kappa: number, i: number, j: number): number {
  if (w.affinity.length === 0) return 1;
  const a = w.affinity[i * w.n + j];
  return a > 0 ? 1 - kappa * a : 1;
}

/** Row i's factors {@link affinityFactor} for every j into `out` (n entries). Call only when affinity is on. @internal */
export function writeAffinityRow(w: World, kappa: number, i: number, out: Float64Array): void {
  const n = w.n;
  const aff = w.affinity;
  const row = i * n;
  for (let j = 0; j < n; j++) {
    const a = aff[row + j];
    out[j] = a > 0 ? 1 - kappa * a : 1;
  }
}

/** Multiplies a whole threat matrix (row-major n×n, any perception model) by the factors; nothing when affinity is off. @internal */
export function applyAffinityToMatrix(w: World, kappa: number, threat: Float64Array): void {
  if (w.affinity.length === 0) return;
  const aff = w.affinity;
  const nn = w.n * w.n;
  for (let k = 0; k < nn; k++) {
    const a = aff[k];
    if (a > 0) threat[k] = threat[k] * (1 - kappa * a);
  }
}
