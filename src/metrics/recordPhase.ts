import { FAMILY_INDEX_OF_OPTION } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { refreshMembershipIndex } from '../institutions/membershipIndex.js';
import { institutionIncludes, writeGreatPowerPositions } from './greatPowerPositions.js';

/**
 * Notes a balancing institutional act of i against the great power g through venue q (model §5.9,
 * dual track): inclusive when q holds g at the act, exclusive otherwise. Mutates the scratch.
 * @internal
 */
export function noteDualTrackAct(ctx: TickContext, i: number, g: number, q: number): void {
  const { world: w, scratch: s } = ctx;
  const pair = i * w.n + g;
  const venue = dualVenue(s, w.instIds[q]);
  if (institutionIncludes(w, q, g)) { s.dualInclTick[pair] = ctx.tick; s.dualInclVenue[pair] = venue; }
  else { s.dualExclTick[pair] = ctx.tick; s.dualExclVenue[pair] = venue; }
  if (s.dualListed[pair] === 0) { s.dualListed[pair] = 1; s.dualActive[s.dualActiveCount++] = pair; }
}

/** The index of venue `id` in `s.dualVenueIds`, added when new (ids, not slots: a slot is reused by a later club). */
function dualVenue(s: TickContext['scratch'], id: string): number {
  let k = s.dualVenueIndex.get(id);
  if (k === undefined) {
    k = s.dualVenueIds.length;
    s.dualVenueIds.push(id);
    s.dualVenueIndex.set(id, k);
  }
  return k;
}

/**
 * The pairs (i, g) that run a dual track after this tick (model §5.9): i took a balancing
 * institutional act against g through a venue including g and one through a venue excluding g,
 * both within the last K ticks (the episode window). Pairs with neither act in the window leave the
 * active list. Writes `dualPairs` and `dualTrackPairs`; allocates nothing.
 * @internal
 */
export function dualTrackPairs(ctx: TickContext, K: number): void {
  const s = ctx.scratch;
  const since = ctx.tick - K; // acts at ticks > since are in the window
  let kept = 0;
  let dual = 0;
  for (let a = 0; a < s.dualActiveCount; a++) {
    const pair = s.dualActive[a];
    const inc = s.dualInclTick[pair] > since;
    const exc = s.dualExclTick[pair] > since;
    if (!inc && !exc) { s.dualListed[pair] = 0; continue; }
    s.dualActive[kept++] = pair;
    if (inc && exc) s.dualPairs[dual++] = pair;
  }
  s.dualActiveCount = kept;
  // Canonical order (pair index), whatever the order in which the pairs became active.
  const d = s.dualPairs;
  for (let a = 1; a < dual; a++) {
    const v = d[a];
    let b = a - 1;
    while (b >= 0 && d[b] > v) { d[b + 1] = d[b]; b--; }
    d[b + 1] = v;
  }
  s.dualTrackPairs = dual;
}

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
  let frictionSoft = 0;
  let frictionInstitutional = 0;
  for (let i = 0; i < n; i++) {
    const f = FAMILY_INDEX_OF_OPTION[s.action[i]];
    const pressing = f === 2 || f === 3;
    const j = s.target[i];
    ring[i * K + slot] = pressing ? j : -1;
    let count = 0;
    for (let k = 0; k < K; k++) if (ring[i * K + k] === j) count++;
    const episode = s.tMain[i] >= p.tMin && count >= p.episodeK ? j : -1;
    if (pressing && episode < 0) {
      if (f === 2) frictionSoft++;
      else frictionInstitutional++;
    }
    if (episode >= 0) episodes++;
    if (f === 3 && episode >= 0 && s.venueUsed[i] >= 0 && w.major[j] === 1) noteDualTrackAct(ctx, i, j, s.venueUsed[i]);
    const prev = s.episodeTarget[i];
    if (prev !== episode) {
      if (prev >= 0) ctx.events?.push({ tick: ctx.tick, type: 'episode-end', actor: w.ids[i], target: w.ids[prev] });
      if (episode >= 0) ctx.events?.push({ tick: ctx.tick, type: 'episode-start', actor: w.ids[i], target: w.ids[episode] });
      s.episodeTarget[i] = episode;
    }
  }
  s.softEpisodes = episodes;
  s.frictionSoft = frictionSoft;
  s.frictionInstitutional = frictionInstitutional;
  s.friction = frictionSoft + frictionInstitutional;
  dualTrackPairs(ctx, K);

  // Inclusive / exclusive memberships relative to each member's main threat (THEORY §2.6, E9): of
  // i's live institutions (full membership: the bits of its mask), those that include its target
  // (institutionIncludes: the target a full member) are the bits it shares with the target's mask.
  refreshMembershipIndex(w, s);
  let inclusive = 0;
  let exclusive = 0;
  const words = s.maskWords;
  const mask = s.stateMask;
  for (let i = 0; i < n; i++) {
    const t = s.target[i];
    for (let c = 0; c < words; c++) {
      const own = mask[i * words + c];
      if (own === 0) continue;
      const shared = t >= 0 ? bitCount(own & mask[t * words + c]) : 0;
      inclusive += shared;
      exclusive += bitCount(own) - shared;
    }
  }
  s.inclusiveMemberships = inclusive;
  s.exclusiveMemberships = exclusive;
  // The same positions toward every great power of the tick (note N57).
  writeGreatPowerPositions(w, s);

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

/** The number of set bits of a 32-bit word. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
