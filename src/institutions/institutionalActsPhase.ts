import { OPTION_INDEX } from '../decision/options.js';
import { addInstitution, setMember } from '../engine/createWorld.js';
import { fitInstitutionScratch } from '../engine/Scratch.js';
import type { TickContext } from '../engine/TickContext.js';
import { DRAW_JOIN, DRAWS_PER_TICK } from '../random/StateStreams.js';
import { closeTo } from '../effects/affinityGate.js';
import { applicationTarget } from './applicationPhase.js';

const II = OPTION_INDEX.II;
const IE = OPTION_INDEX.IE;

/**
 * Phase 4b of THEORY §5.8: inclusive and exclusive institutional balancing (THEORY §5.5 II, IE).
 * - II: venue q = the strongest institution containing both i and j (never changes membership, E9).
 * - IE: venue q = the best club containing i and not j; if none exists, the states that chose IE
 *   against the same j this tick found one club together, inviting every k with T_kj ≥ τ_join,
 *   who accepts with probability T_kj (from k's own stream). The target is never admitted (E9).
 *   A club needs two members; a lone founder's act has no venue. A state that can apply to an
 *   existing institution excluding j (model §5.12, note N59: T_ij ≥ T_min and an eligible one exists)
 *   applies to it in the next phase instead of founding a club; its act has no venue this tick.
 *   Time in years (model note N28):
 *   a state that tried to found a club against j within the last year, still targets j and still
 *   has no venue against it is a co-founder (at one tick per year: exactly this tick's founders).
 * Affinity (model note N54, when the scenario has it): a state close to j (a_kj ≥ a_min) is never a
 * founder or member of a club against j (P24); its founding attempt has no venue.
 * Acts are counted per venue for the strength update of phase 7.
 * @internal
 */
export function institutionalActsPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  for (let q = 0; q < w.instSlots; q++) s.instActs[q] = 0;
  s.clubsFounded = 0;
  let founders = 0;
  for (let i = 0; i < n; i++) {
    const a = s.action[i];
    let q = -1;
    if (a === II) q = s.inclusiveVenue[i];
    else if (a === IE) {
      q = s.exclusiveVenue[i];
      if (q < 0 && !(s.tMain[i] >= p.tMin && applicationTarget(ctx, i, s.target[i], false) >= 0)) s.founders[founders++] = i;
    }
    s.venueUsed[i] = q;
    if (q >= 0) s.instActs[q]++;
  }
  for (let f = 0; f < founders; f++) { const i = s.founders[f]; s.lastFoundTick[i] = ctx.tick; s.lastFoundTarget[i] = s.target[i]; }
  const recent = ctx.tick - ctx.rates.ticksPerYear;
  const coFounder = (k: number, j: number): boolean =>
    !closeTo(w, p, k, j) && s.lastFoundTarget[k] === j && s.lastFoundTick[k] > recent && s.target[k] === j && s.exclusiveVenue[k] < 0;
  // Found clubs, one per target, in canonical order of the founders.
  for (let f = 0; f < founders; f++) {
    const j = s.target[s.founders[f]];
    if (s.clubStamp[j] === ctx.tick) continue;
    s.clubStamp[j] = ctx.tick;
    const T = s.targetThreat; // j is a target: its column T_·j was prepared by the perceive phase
    const tb = s.targetSlot[j] * n;
    let size = 0;
    for (let k = 0; k < n; k++) {
      if (k === j) continue;
      if (coFounder(k, j)) { size++; continue; }
      const t = T[tb + k]; // T_kj
      if (t >= p.tauJoin && !closeTo(w, p, k, j) && s.draws[k * DRAWS_PER_TICK + DRAW_JOIN] < t) size++;
    }
    if (size < 2) continue;
    const id = `club:${w.ids[j]}:${ctx.tick}`;
    const q = addInstitution(w, id, `Club against ${w.ids[j]} (tick ${ctx.tick})`, 'security', 'consensus', 0, p.sNew, 0, j);
    fitInstitutionScratch(s, w);
    const members: string[] = [];
    let capSum = 0;
    for (let k = 0; k < n; k++) {
      if (k === j) continue;
      const founder = coFounder(k, j);
      const t = T[tb + k]; // T_kj
      if (founder || (t >= p.tauJoin && !closeTo(w, p, k, j) && s.draws[k * DRAWS_PER_TICK + DRAW_JOIN] < t)) {
        setMember(w, q, k, true);
        members.push(w.ids[k]);
        capSum += s.cinc[k];
      }
    }
    s.instCinc[q] = capSum;
    s.instActs[q] = 0;
    s.instFoundTick[q] = ctx.tick;
    for (let g = f; g < founders; g++) {
      const i = s.founders[g];
      if (s.target[i] === j && w.member[q * n + i] === 1) { s.venueUsed[i] = q; s.instActs[q]++; }
    }
    s.clubsFounded++;
    ctx.events?.push({ tick: ctx.tick, type: 'club-founded', institution: id, target: w.ids[j], members });
  }
}
