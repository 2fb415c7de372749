import type { Scratch } from '../engine/Scratch.js';
import type { TickContext } from '../engine/TickContext.js';

/**
 * Walt's aggregate-power factor with the power shift of model note N32 (docs/model.md §5.2):
 * `min(1, P + w_Δ·max(0, P − P⁰))`, with P = cinc_j/(cinc_i + cinc_j) now and P⁰ the same share
 * `shiftWindow` years ago (Organski & Kugler 1980: a rising power threatens those it overtakes).
 * At most 1, so T_ij = â_ij·(w_P·factor + …) stays in [0, 1] (M1) and 0 without intent (M2). With
 * w_Δ = 0, or a share that did not rise, it is P exactly.
 */
export function aggregatePower(ci: number, cj: number, ci0: number, cj0: number, wShift: number): number {
  const sum = ci + cj;
  const P = sum > 0 ? cj / sum : 0.5;
  // Did j's share of the pair rise? cj/(ci + cj) > cj0/(ci0 + cj0) ⟺ cj·ci0 > cj0·ci: most pairs
  // are settled here without a second division (the fused pass calls this for every entry it does not skip).
  if (wShift === 0 || !(cj * ci0 > cj0 * ci)) return P;
  const sum0 = ci0 + cj0;
  const rise = P - (sum0 > 0 ? cj0 / sum0 : 0.5);
  if (!(rise > 0)) return P;
  const f = P + wShift * rise;
  return f > 1 ? 1 : f;
}

/**
 * Keeps the ring of yearly cinc shares (`shiftWindow` + 1 years, recorded at the first perception of
 * each year) and writes into `scratch.cincPast` the shares of `shiftWindow` years ago — or of the
 * first recorded year while the run is younger than the window. A state that entered the system
 * later (model note N43) has no share for the years before it entered (NaN): no shift is seen in its
 * pairs until it has been in the system for the window. Allocates only when the window changes
 * (the history then restarts); a rebuilt world carries the ring over ({@link carryCincRing}). @internal
 */
export function updateCincPast(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const slots = p.shiftWindow + 1;
  const year = Math.floor(ctx.tick / ctx.rates.ticksPerYear);
  if (s.cincRing.length !== slots * n || year < s.cincRingFirst) {
    s.cincRing = new Float64Array(slots * n);
    s.cincRingFirst = year;
    s.cincRingLast = -1;
  }
  const cinc = s.cinc;
  const ring = s.cincRing;
  if (year > s.cincRingLast) {
    const base = (year % slots) * n;
    for (let i = 0; i < n; i++) ring[base + i] = cinc[i];
    s.cincRingLast = year;
  }
  const past = year - p.shiftWindow > s.cincRingFirst ? year - p.shiftWindow : s.cincRingFirst;
  const pb = (past % slots) * n;
  const out = s.cincPast;
  for (let i = 0; i < n; i++) out[i] = ring[pb + i];
}

/**
 * Carries the ring of yearly shares over to the scratch of a rebuilt world (model note N43): the
 * states that stay keep their history, renumbered (`from[i]` is new state i's index in the old
 * world, −1 for a state that enters); a state that enters has none (NaN). The current year is
 * recorded again at the next perception, with the new world's shares. @internal
 */
export function carryCincRing(old: Scratch, oldN: number, s: Scratch, from: Int32Array): void {
  if (old.cincRing.length === 0) return;
  const n = from.length;
  const slots = old.cincRing.length / oldN;
  const ring = new Float64Array(slots * n);
  for (let k = 0; k < slots; k++) {
    for (let i = 0; i < n; i++) ring[k * n + i] = from[i] >= 0 ? old.cincRing[k * oldN + from[i]] : Number.NaN;
  }
  s.cincRing = ring;
  s.cincRingFirst = old.cincRingFirst;
  s.cincRingLast = old.cincRingLast - 1;
}
