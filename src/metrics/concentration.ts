/**
 * Ray & Singer's concentration index (THEORY §3, §5.2):
 * CON = sqrt((Σ S_i² − 1/N) / (1 − 1/N)), S_i = i's share among the N states of the chosen set.
 * 0 when all shares are equal, 1 when one state holds everything, invariant to permutation (M5).
 * With N = 1 the single state holds everything and CON = 1. `include` (optional) selects the set.
 */
export function concentration(values: ArrayLike<number>, include?: ArrayLike<number>): number {
  let total = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) if (include === undefined || include[i] !== 0) { total += values[i]; count++; }
  if (count === 0 || !(total > 0)) return 0;
  if (count === 1) return 1;
  // M5: CON = 0 exactly when all shares are equal. Rounding in Σ S_i² − 1/N would leave ~1e-16,
  // which the square root turns into ~1e-8, so equal values are recognised directly; otherwise
  // Σ S_i² − 1/N is computed as Σ (S_i − 1/N)², which is never negative.
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (include === undefined || include[i] !== 0) { if (values[i] < lo) lo = values[i]; if (values[i] > hi) hi = values[i]; }
  }
  if (lo === hi) return 0;
  const mean = 1 / count;
  let dev = 0;
  for (let i = 0; i < values.length; i++) {
    if (include === undefined || include[i] !== 0) { const d = values[i] / total - mean; dev += d * d; }
  }
  const v = dev / (1 - 1 / count);
  // Rounding can push v a hair outside [0, 1].
  return Math.sqrt(Math.min(1, Math.max(0, v)));
}

/** Effective number of poles 1/Σ S_i² over the chosen set (THEORY §3, an HHI analogue). */
export function effectivePoles(values: ArrayLike<number>, include?: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (include === undefined || include[i] !== 0) total += values[i];
  if (!(total > 0)) return 0;
  let sumSq = 0;
  for (let i = 0; i < values.length; i++) {
    if (include === undefined || include[i] !== 0) { const s = values[i] / total; sumSq += s * s; }
  }
  return 1 / sumSq;
}
