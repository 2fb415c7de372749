import { OPTION_INDEX } from '../decision/options.js';
import { setAlliance } from '../engine/createWorld.js';
import { PARTNER_TOP } from '../engine/Scratch.js';
import type { TickContext } from '../engine/TickContext.js';
import { DRAW_CONSENT, DRAWS_PER_TICK } from '../random/StateStreams.js';
import { affinityAllows, closeTo } from './affinityGate.js';

const HE = OPTION_INDEX.HE;
const SE = OPTION_INDEX.SE;

/**
 * Phase 4a of THEORY §5.8: alliances and ententes (THEORY §5.5 HE, SE). (Formed alliances lapse in
 * step 7, model note N29.)
 *
 * Partner k* = argmax over k ∉ {i, j}, not allied with j (nor already with i) of
 * cinc_k·T_kj·(1 + χ_club·[k shares an exclusive club with i against j]) — co-members "count as
 * potential allies" (§5.5 IE). Ties go to the first state in canonical order. All partners are
 * chosen against the snapshot before any alliance forms.
 * - Affinity (model note N54, when the scenario has it): a state close to j (a_ij ≥ a_min) seeks no
 *   partner against j, and k must pass {@link affinityAllows} (not close to j, not estranged from i,
 *   T_kj > 0), so a target's close partners are never recruited against it (P24).
 * - HE: the alliance forms if k* also chose HE against j within the last year (this tick at one
 *   tick per year, model note N28), else with probability T_k*j (consent, drawn from i's stream).
 *   Alliances are symmetric (E10).
 * - SE: ent_ik* += ε_E (capped at 1), symmetric; no capability transfer (E10).
 * @internal
 */
export function alignmentPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const T = s.targetThreat; // T_kj per target j, prepared by the perceive phase
  for (let i = 0; i < n; i++) {
    const a = s.action[i];
    s.partner[i] = a === HE || a === SE ? choosePartner(ctx, i, s.target[i]) : -1;
  }
  s.alliancesFormed = 0;
  const recent = ctx.tick - ctx.rates.ticksPerYear;
  for (let i = 0; i < n; i++) if (s.action[i] === HE) { s.lastAllyTick[i] = ctx.tick; s.lastAllyTarget[i] = s.target[i]; }
  for (let i = 0; i < n; i++) {
    const k = s.partner[i];
    if (k < 0) continue;
    const j = s.target[i];
    if (s.action[i] === HE) {
      const mutual = s.lastAllyTarget[k] === j && s.lastAllyTick[k] > recent;
      const consent = s.draws[i * DRAWS_PER_TICK + DRAW_CONSENT] < T[s.targetSlot[j] * n + k]; // T_kj
      if ((mutual || consent) && setAlliance(w, i, k, true, j)) {
        s.alliancesFormed++;
        ctx.events?.push({ tick: ctx.tick, type: 'alliance-formed', actor: w.ids[i], partner: w.ids[k], target: w.ids[j] });
      }
    } else {
      const old = w.ent[i * n + k];
      const e = Math.min(1, old + p.epsE);
      w.ent[i * n + k] = e;
      w.ent[k * n + i] = e;
      if (old === 0 && e > 0) w.entPairs.push(i < k ? i * n + k : k * n + i);
      if (old < p.entMin && e >= p.entMin) { s.entPartners[i]++; s.entPartners[k]++; }
    }
  }
}

function choosePartner(ctx: TickContext, i: number, j: number): number {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  if (closeTo(w, p, i, j)) return -1; // N54: i does not align against a close partner
  // i's institutions that exclude j, as a bit mask: k shares one of them iff its mask meets it.
  const words = s.maskWords;
  const mask = s.stateMask;
  const excl = s.exclusiveMask;
  let any = 0;
  for (let c = 0; c < words; c++) { excl[c] = mask[i * words + c] & ~mask[j * words + c]; any |= excl[c]; }
  const col = s.targetColumns; // cinc_k·T_kj, prepared by the perceive phase for every target
  const slot = s.targetSlot[j];
  const cb = slot * n;
  const boost = 1 + p.chiClub; // the cohesion factor 1 + χ_club·1
  let best = -1;
  let bestScore = -1;
  // First the candidates the perceive phase listed, best cinc_k·T_kj first. A candidate scores at
  // most cinc_k·T_kj·(1 + χ_club), so once that bound falls below the best score, no candidate
  // further down (listed or not) can reach it; ties go to the lower index, as in the full scan.
  if (s.partnerTopVersion === w.allianceVersion) {
    const top = s.partnerTop;
    const tb = slot * PARTNER_TOP;
    const count = s.partnerTopCount[slot];
    let bound = Infinity;
    for (let t = 0; t < count; t++) {
      const k = top[tb + t];
      const c = col[cb + k];
      bound = c * boost;
      if (bound < bestScore) return best;
      if (k === i || w.ally[i * n + k] === 1 || !affinityAllows(w, p, i, k, j, c)) continue;
      let cohesion = 0;
      if (any !== 0) for (let q = 0; q < words; q++) if ((excl[q] & mask[k * words + q]) !== 0) { cohesion = 1; break; }
      const score = c * (1 + p.chiClub * cohesion);
      if (score > bestScore || (score === bestScore && k < best)) { best = k; bestScore = score; }
    }
    // Every candidate not listed has cinc_k·T_kj at most that of the last one listed.
    if (count < PARTNER_TOP || bound < bestScore) return best;
    best = -1;
    bestScore = -1;
  }
  for (let k = 0; k < n; k++) {
    if (k === i || k === j || w.ally[j * n + k] === 1 || w.ally[i * n + k] === 1) continue; // ally is symmetric: rows only
    if (!affinityAllows(w, p, i, k, j, col[cb + k])) continue; // N54
    let cohesion = 0;
    if (any !== 0) for (let c = 0; c < words; c++) if ((excl[c] & mask[k * words + c]) !== 0) { cohesion = 1; break; }
    const score = col[cb + k] * (1 + p.chiClub * cohesion);
    if (score > bestScore) { best = k; bestScore = score; }
  }
  return best;
}
