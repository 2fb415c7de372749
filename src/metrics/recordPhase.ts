import { FAMILY_INDEX_OF_OPTION } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';

/**
 * Phase 8 of THEORY §5.8: classify soft-balancing episodes (THEORY §2.1) and compute the measures
 * that the record needs beyond those the other phases left in the scratch buffers.
 *
 * A soft or institutional act of i against j is soft balancing only when j is a threat
 * (T_ij ≥ T_min) and i took such acts against j in at least k ticks of the last K years (this one
 * included); otherwise it is friction. Since k ≥ 2, a single act never counts (E12). State i is in
 * an episode against j while both conditions hold.
 * @internal
 */
export function recordPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const K = ctx.rates.episodeTicks; // the window of K years, in ticks (N28)
  if (s.episodeRing.length !== n * K) s.episodeRing = new Int32Array(n * K).fill(-1); // K changed by set-parameter
  const slot = ctx.tick % K;
  const ring = s.episodeRing;
  let episodes = 0;
  let friction = 0;
  for (let i = 0; i < n; i++) {
    const f = FAMILY_INDEX_OF_OPTION[s.action[i]];
    const pressing = f === 2 || f === 3;
    const j = s.target[i];
    ring[i * K + slot] = pressing ? j : -1;
    let count = 0;
    for (let k = 0; k < K; k++) if (ring[i * K + k] === j) count++;
    const episode = s.tMain[i] >= p.tMin && count >= p.episodeK ? j : -1;
    if (pressing && episode < 0) friction++;
    if (episode >= 0) episodes++;
    const prev = s.episodeTarget[i];
    if (prev !== episode) {
      if (prev >= 0) ctx.events?.push({ tick: ctx.tick, type: 'episode-end', actor: w.ids[i], target: w.ids[prev] });
      if (episode >= 0) ctx.events?.push({ tick: ctx.tick, type: 'episode-start', actor: w.ids[i], target: w.ids[episode] });
      s.episodeTarget[i] = episode;
    }
  }
  s.softEpisodes = episodes;
  s.friction = friction;

  // Inclusive / exclusive memberships relative to each member's main threat (THEORY §2.6, E9).
  let inclusive = 0;
  let exclusive = 0;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    const base = q * n;
    for (let i = 0; i < n; i++) {
      if (w.member[base + i] === 0) continue;
      if (w.member[base + s.target[i]] === 1) inclusive++;
      else exclusive++;
    }
  }
  s.inclusiveMemberships = inclusive;
  s.exclusiveMemberships = exclusive;

  let leg = 0;
  let restraint = 0;
  let omega = 0;
  let pressed = 0;
  for (let j = 0; j < n; j++) {
    leg += w.leg[j];
    if (s.press[j] > 0) { restraint += s.restraint[j]; omega += s.omega[j]; pressed++; }
  }
  s.meanLegitimacy = leg / n;
  s.meanRestraint = pressed > 0 ? restraint / pressed : 0;
  s.meanOmega = pressed > 0 ? omega / pressed : 0;
}
