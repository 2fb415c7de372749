import { OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';

const HE = OPTION_INDEX.HE;
const SE = OPTION_INDEX.SE;
const SS = OPTION_INDEX.SS;
const SL = OPTION_INDEX.SL;
const II = OPTION_INDEX.II;
const IE = OPTION_INDEX.IE;

/**
 * Affinity moves (model note N54), step 7 of the tick, after every act of the tick; nothing when the
 * scenario has no affinity. a_ij = a_ji ∈ [−1, 1]:
 * 1. Memory: a ← seed + (a − seed)·2^(−Δt/H) (H = affinityHalfLife years), then an alliance or entente
 *    in force pulls it up: a ← a + γ_c,tick·min(1, ally + ent)·(1 − a) (γ_c per year, converted per tick, N28).
 * 2. This tick's acts, in canonical order of the actors (acts are already events of the Poisson
 *    clock of N28, so each moves affinity by a fixed step): cooperation a ← a + γ_c·(1 − a),
 *    conflict a ← a − γ_x·(1 + a). Cooperation: i's partner in an HE or SE act; i's II act toward
 *    its target (engagement inside a shared institution). Conflict: i's HE, SE, SS, SL and IE acts
 *    against its target (alignments and clubs against it, sanctions, legitimacy denial), an
 *    aggression against its victim, a block of a candidate's accession.
 * Both steps keep a in [−1, 1]. Allocation-free.
 * @internal
 */
export function affinityPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p, rates: r } = ctx;
  if (w.affinity.length === 0) return;
  const n = w.n;
  const aff = w.affinity;
  const seed = w.affinitySeed;
  const keep = r.affinityKeep;
  const pull = r.affinityPull;
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      const ik = i * n + k;
      const base = seed[ik];
      let a = base + (aff[ik] - base) * keep;
      const e = w.ally[ik] + w.ent[ik];
      const tie = e < 1 ? e : 1;
      if (tie > 0) a += pull * tie * (1 - a);
      aff[ik] = a;
      aff[k * n + i] = a;
    }
  }
  const up = p.affinityCoop;
  const down = p.affinityConflict;
  for (let i = 0; i < n; i++) {
    const act = s.action[i];
    const j = s.target[i];
    if (j < 0 || j === i) continue;
    if (act === HE || act === SE) {
      const k = s.partner[i];
      if (k >= 0) move(w.affinity, n, i, k, up);
      move(w.affinity, n, i, j, -down);
    } else if (act === SS || act === SL) move(w.affinity, n, i, j, -down);
    else if (act === II && s.venueUsed[i] >= 0) move(w.affinity, n, i, j, up);
    else if (act === IE && s.venueUsed[i] >= 0) move(w.affinity, n, i, j, -down);
  }
  for (let j = 0; j < n; j++) if (s.aggressed[j] === 1 && s.victim[j] >= 0) move(w.affinity, n, j, s.victim[j], -down);
  for (let v = 0; v < s.voteCount; v++) if (s.voteBlock[v] === 1) move(w.affinity, n, s.voteVoter[v], s.voteCandidate[v], -down);
}

/** Moves a_ik = a_ki by a step toward +1 (step > 0: a + step·(1 − a)) or −1 (step < 0: a + step·(1 + a)). */
function move(aff: Float64Array, n: number, i: number, k: number, step: number): void {
  const a = aff[i * n + k];
  const b = step > 0 ? a + step * (1 - a) : a + step * (1 + a);
  aff[i * n + k] = b;
  aff[k * n + i] = b;
}
