import type { Scratch } from '../engine/Scratch.js';
import type { World } from '../engine/World.js';

/**
 * Applies the belief update that the update phase left pending in the scratch buffers (THEORY
 * §5.7; see `Scratch.beliefsPending`): every entry by the plain relaxation
 * ahat_mj ← clip((1 − η_b)·ahat_mj + (η_b·obs_mj + arm_j·G_mj), 0, 1), with or without reassurance
 * as the two states' institution masks (taken at the update) intersect, arm_j the arming evidence of
 * j (N31; 0 for a state that did not arm, and then the sum is η_b·obs_mj exactly), the diagonal kept
 * at 0, then the patched entries with the values the update phase computed for them. Does nothing when nothing
 * is pending. The engine's fused perceive pass applies the same arithmetic row by row.
 * @internal
 */
export function applyPendingBeliefs(w: World, s: Scratch): void {
  if (!s.beliefsPending) return;
  const n = w.n;
  const ahat = w.ahat;
  const keep = s.pendingKeep;
  const plain = s.obsPlain;
  const reassured = s.obsReassured;
  const words = s.pendingWords;
  const mask = s.pendingMask;
  const arm = s.armEvidence;
  const proximity = w.proximity;
  for (let m = 0; m < n; m++) {
    const row = m * n;
    if (words === 1) {
      const mm = mask[m];
      for (let j = 0; j < n; j++) {
        // reassurance: m and j share an institution (their masks intersect)
        const v = keep * ahat[row + j] + (((mm & mask[j]) !== 0 ? reassured[j] : plain[j]) + arm[j] * proximity[row + j]);
        const z = (v + Math.abs(v)) * 0.5; // max(v, 0) exactly, as the fused pass clips
        ahat[row + j] = z > 1 ? 1 : z;
      }
    } else {
      const mb = m * words;
      for (let j = 0; j < n; j++) {
        let shared = false;
        const jb = j * words;
        for (let k = 0; k < words; k++) if ((mask[mb + k] & mask[jb + k]) !== 0) { shared = true; break; }
        const v = keep * ahat[row + j] + ((shared ? reassured[j] : plain[j]) + arm[j] * proximity[row + j]);
        const z = (v + Math.abs(v)) * 0.5;
        ahat[row + j] = z > 1 ? 1 : z;
      }
    }
    ahat[row + m] = 0;
  }
  for (let k = 0; k < s.patchCount; k++) ahat[s.patchIndex[k]] = s.patchValue[k];
  s.beliefsPending = false;
}

/**
 * Buckets the pending patches by row (a counting sort, stable), for the fused perceive pass:
 * row m's patches are `patchRowIndex/patchRowValue[patchStart[m] … patchStart[m + 1])`.
 * @internal
 */
export function bucketPatches(s: Scratch, n: number): void {
  const count = s.patchCount;
  const start = s.patchStart;
  start.fill(0);
  for (let k = 0; k < count; k++) start[((s.patchIndex[k] / n) | 0) + 1]++;
  for (let m = 0; m < n; m++) start[m + 1] += start[m];
  if (s.patchRowIndex.length < count) {
    s.patchRowIndex = new Int32Array(s.patchIndex.length);
    s.patchRowValue = new Float64Array(s.patchIndex.length);
  }
  // Fill each bucket from its end (stable): afterwards start[m + 1] is where bucket m begins.
  for (let k = count - 1; k >= 0; k--) {
    const m = (s.patchIndex[k] / n) | 0;
    const at = --start[m + 1];
    s.patchRowIndex[at] = s.patchIndex[k];
    s.patchRowValue[at] = s.patchValue[k];
  }
  for (let m = 0; m < n; m++) start[m] = start[m + 1];
  start[n] = count;
}
