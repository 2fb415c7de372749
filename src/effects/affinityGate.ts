import type { ModelParameters } from '../model/ModelParameters.js';
import type { World } from '../engine/World.js';

/**
 * Affinity's rule for partners (model note N54), one predicate for alliances, ententes and clubs:
 * k may be recruited by i against j only if k is not close to j (a_kj < a_min), i and k are not
 * estranged (a_ik > −a_min) and k shares the threat (T_kj > 0, `sharedThreat`). So a target's close
 * partners are never recruited against it (property P24). Always true when affinity is off (the
 * model without it: no check at all, so runs without an `affinity` section are unchanged).
 * @internal
 */
export function affinityAllows(w: World, p: ModelParameters, i: number, k: number, j: number, sharedThreat: number): boolean {
  if (w.affinity.length === 0) return true;
  const n = w.n;
  return w.affinity[k * n + j] < p.affinityMin && w.affinity[i * n + k] > -p.affinityMin && sharedThreat > 0;
}

/** Whether k is close to j (a_kj ≥ a_min): never a member of an alignment or club against j. False when affinity is off. @internal */
export function closeTo(w: World, p: ModelParameters, k: number, j: number): boolean {
  return w.affinity.length > 0 && w.affinity[k * w.n + j] >= p.affinityMin;
}
