import type { TickContext } from '../engine/TickContext.js';
import { DRAW_AGGRESSION, DRAWS_PER_TICK } from '../random/StateStreams.js';
import { fdlibmPow } from '../model/fdlibmPow.js';

/**
 * Phase 6 of THEORY §5.8: aggression (THEORY §5.6).
 *
 * A state j with rev_j > 0 picks the victim v = argmax_v G_jv·S_jv (ties: first in canonical order),
 * S_jv = cinc_j / (cinc_j + effCap_v), effCap_v = cinc_v + χ·Σ_{k: ally_vk} cinc_k (hard balancing
 * deters here, with the alliances of phase 4), and aggresses with probability
 * p_agg = rev_j·(1 − ν)·(1 − R_j)·leg_j^ℓ·S_jv (soft balancing restrains here), drawn from j's stream.
 * Aggression between two great powers is a major war: it resets the post-war clock (model note N8).
 * p_agg is per year; a tick takes 1/ticksPerYear of it (the Poisson clock of model note N28), so the
 * expected aggressions per year do not depend on the tick length.
 * @internal
 */
export function aggressionPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const { allyCap, aggressed, victim, cinc } = s;
  s.aggressions = 0;
  s.majorWars = 0;
  aggressed.fill(0);
  victim.fill(-1);
  let anyRevisionist = false;
  for (let j = 0; j < n; j++) if (w.rev[j] > 0) { anyRevisionist = true; break; }
  if (!anyRevisionist) return;
  for (let v = 0; v < n; v++) {
    // Σ_{k: ally_vk} cinc_k over v's allies in increasing index order.
    let sum = 0;
    const list = w.allies[v];
    for (let k = 0; k < list.length; k++) sum += cinc[list[k]];
    allyCap[v] = cinc[v] + p.chi * sum;
  }
  for (let j = 0; j < n; j++) {
    if (!(w.rev[j] > 0)) continue;
    const cj = cinc[j];
    let best = -1;
    let bestScore = -1;
    let bestS = 0;
    for (let v = 0; v < n; v++) {
      if (v === j) continue;
      const S = cj / (cj + allyCap[v]);
      const score = w.proximity[j * n + v] * S;
      if (score > bestScore) { best = v; bestScore = score; bestS = S; }
    }
    const pAgg = w.rev[j] * (1 - w.nu) * (1 - s.restraint[j]) * fdlibmPow(w.leg[j], p.ell) * bestS * ctx.rates.actScale;
    if (s.draws[j * DRAWS_PER_TICK + DRAW_AGGRESSION] < pAgg) {
      aggressed[j] = 1;
      victim[j] = best;
      s.aggressions++;
      const major = w.major[j] === 1 && w.major[best] === 1;
      if (major) s.majorWars++;
      ctx.events?.push({ tick: ctx.tick, type: 'aggression', actor: w.ids[j], target: w.ids[best], majorWar: major });
    }
  }
}
