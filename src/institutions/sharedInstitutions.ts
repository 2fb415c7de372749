import type { Scratch } from '../engine/Scratch.js';
import type { World } from '../engine/World.js';

/**
 * Refreshes, when memberships changed, the matrix of state pairs sharing at least one live
 * institution (used by reassurance, THEORY §5.7) and the share of pairs that do (c4, §5.6).
 * Cost O(Σ_q |M_q|²), paid only after a membership change.
 * @internal
 */
export function updateSharedInstitutions(w: World, s: Scratch): void {
  if (s.shareInstVersion === w.membershipVersion) return;
  s.shareInstVersion = w.membershipVersion;
  const n = w.n;
  const share = s.shareInst;
  share.fill(0);
  const list = s.memberList;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    let m = 0;
    const base = q * n;
    for (let i = 0; i < n; i++) if (w.member[base + i] === 1) list[m++] = i;
    for (let a = 0; a < m; a++) {
      const row = list[a] * n;
      for (let b = 0; b < m; b++) share[row + list[b]] = 1;
    }
  }
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    share[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) pairs += share[i * n + j];
  }
  s.sharePairs = pairs / ((n * (n - 1)) / 2);
}
