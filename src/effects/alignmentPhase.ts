import { OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { DRAW_CONSENT, DRAWS_PER_TICK } from '../random/StateStreams.js';

const HE = OPTION_INDEX.HE;
const SE = OPTION_INDEX.SE;

/**
 * Phase 4a of THEORY §5.8: alliances and ententes (THEORY §5.5 HE, SE).
 *
 * Partner k* = argmax over k ∉ {i, j}, not allied with j (nor already with i) of
 * cinc_k·T_kj·(1 + χ_club·[k shares an exclusive club with i against j]) — co-members "count as
 * potential allies" (§5.5 IE). Ties go to the first state in canonical order. All partners are
 * chosen against the snapshot before any alliance forms.
 * - HE: the alliance forms if k* also chose HE against j, else with probability T_k*j (consent,
 *   drawn from i's stream). Alliances are symmetric (E10).
 * - SE: ent_ik* += ε_E (capped at 1), symmetric; no capability transfer (E10).
 * @internal
 */
export function alignmentPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const T = s.threat;
  for (let i = 0; i < n; i++) {
    const a = s.action[i];
    s.partner[i] = a === HE || a === SE ? choosePartner(ctx, i, s.target[i]) : -1;
  }
  s.alliancesFormed = 0;
  for (let i = 0; i < n; i++) {
    const k = s.partner[i];
    if (k < 0) continue;
    const j = s.target[i];
    if (s.action[i] === HE) {
      const mutual = s.action[k] === HE && s.target[k] === j;
      const consent = s.draws[i * DRAWS_PER_TICK + DRAW_CONSENT] < T[k * n + j];
      if ((mutual || consent) && w.ally[i * n + k] === 0) {
        w.ally[i * n + k] = 1;
        w.ally[k * n + i] = 1;
        s.alliancesFormed++;
        ctx.events?.push({ tick: ctx.tick, type: 'alliance-formed', actor: w.ids[i], partner: w.ids[k], target: w.ids[j] });
      }
    } else {
      const e = Math.min(1, w.ent[i * n + k] + p.epsE);
      w.ent[i * n + k] = e;
      w.ent[k * n + i] = e;
    }
  }
}

function choosePartner(ctx: TickContext, i: number, j: number): number {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  // i's clubs that exclude j, for the cohesion bonus.
  let clubs = 0;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 1 && w.member[q * n + i] === 1 && w.member[q * n + j] === 0) s.slotList[clubs++] = q;
  }
  let best = -1;
  let bestScore = -1;
  for (let k = 0; k < n; k++) {
    if (k === i || k === j || w.ally[k * n + j] === 1 || w.ally[i * n + k] === 1) continue;
    let cohesion = 0;
    for (let c = 0; c < clubs; c++) if (w.member[s.slotList[c] * n + k] === 1) { cohesion = 1; break; }
    const score = s.cinc[k] * s.threat[k * n + j] * (1 + p.chiClub * cohesion);
    if (score > bestScore) { best = k; bestScore = score; }
  }
  return best;
}
