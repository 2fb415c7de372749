import { OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { fdlibmPow } from '../model/fdlibmPow.js';

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
 * 2. This tick's acts (acts are already events of the Poisson clock of N28, so each moves affinity by
 *    a fixed step): cooperation a ← a + γ_c·(1 − a), conflict a ← a − γ_x·(1 + a); per pair, the
 *    tick's cooperative acts first, then its conflictual ones, whatever the order of the actors (S1). Cooperation: i's partner in an HE or SE act; i's II act toward
 *    its target (engagement inside a shared institution). Conflict: i's HE, SE, SS, SL and IE acts
 *    against its target (alignments and clubs against it, sanctions, legitimacy denial), an
 *    aggression against its victim, a block of a candidate's accession.
 * Both steps keep a in [−1, 1]. Allocation-free once its key list has grown.
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
      const old = aff[ik];
      const e = w.ally[ik] + w.ent[ik];
      if (old === base && e === 0) continue; // at its seed with no tie in force: nothing moves
      let a = base + (old - base) * keep;
      const tie = e < 1 ? e : 1;
      if (tie > 0) a += pull * tie * (1 - a);
      aff[ik] = a;
      aff[k * n + i] = a;
    }
  }
  // This tick's acts, collected as keys (pair·2 + 1 for conflict, + 0 for cooperation), then applied
  // per pair in key order: the result does not depend on the order in which states are visited (S1).
  const keys = actKeys;
  keys.length = 0;
  const add = (i: number, k: number, conflict: number): void => {
    if (i === k || k < 0) return;
    keys.push((i < k ? i * n + k : k * n + i) * 2 + conflict);
  };
  for (let i = 0; i < n; i++) {
    const act = s.action[i];
    const j = s.target[i];
    if (j < 0 || j === i) continue;
    if (act === HE || act === SE) {
      add(i, s.partner[i], 0);
      add(i, j, 1);
    } else if (act === SS || act === SL) add(i, j, 1);
    else if (act === II && s.venueUsed[i] >= 0) add(i, j, 0);
    else if (act === IE && s.venueUsed[i] >= 0) add(i, j, 1);
  }
  for (let j = 0; j < n; j++) if (s.aggressed[j] === 1) add(j, s.victim[j], 1);
  for (let v = 0; v < s.voteCount; v++) if (s.voteBlock[v] === 1) add(s.voteVoter[v], s.voteCandidate[v], 1);
  if (keys.length === 0) return;
  keys.sort(byNumber);
  const keepUp = 1 - p.affinityCoop;
  const keepDown = 1 - p.affinityConflict;
  for (let at = 0; at < keys.length;) {
    const pair = keys[at] >> 1;
    let coop = 0;
    let conflict = 0;
    while (at < keys.length && keys[at] >> 1 === pair) { if ((keys[at] & 1) === 1) conflict++; else coop++; at++; }
    // c cooperative acts, then x conflictual ones, each a step toward ±1 (closed form of the repeated steps).
    let a = aff[pair];
    if (coop > 0) a = 1 - (1 - a) * fdlibmPow(keepUp, coop);
    if (conflict > 0) a = -1 + (1 + a) * fdlibmPow(keepDown, conflict);
    const i = (pair / n) | 0;
    const k = pair - i * n;
    aff[pair] = a;
    aff[k * n + i] = a;
  }
}

/** The keys of the tick's acts (reused: no allocation once grown). */
const actKeys: number[] = [];
const byNumber = (x: number, y: number): number => x - y;
