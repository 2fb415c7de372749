import { FAMILY_INDEX_OF_OPTION, OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';

const BAND = OPTION_INDEX.BAND;

/**
 * Phase 7 of THEORY §5.8, first half: beliefs, ententes, trade and legitimacy (THEORY §5.5, §5.7).
 *
 * Beliefs: ahat_mj ← clip((1 − η_b − δ_band·[m bandwagons with j])·ahat_mj + η_b·obs_mj + prov_mj + esc_mj, 0, 1)
 *   obs_mj  = max(ideo_j, G_mj·1[j aggressed]) − ε_reass·1[m, j share an institution and j did not aggress]
 *             (the ideology floor is model note N2; THEORY writes max(G_mj·1[j aggressed], provocation))
 *   prov_mj = ε_H, ε_S or ε_I when j took a hard, soft or institutional act against m (§5.5, E8)
 *   esc_mj  = ε_esc·(institutional acts / n) between the two leading rivals when their ideological
 *             antagonism is at least ι* (§5.7 negative externality)
 * Ententes decay by δ_E; sanctioned trade recovers toward its scenario level at rate ρ_X (N6).
 * Legitimacy: leg_j ← clip(leg_j + ρ_L(legBase_j − leg_j) − denial_j − ν·δ_agg·1[j aggressed] + accommodation_j, 0, 1).
 * @internal
 */
export function updatePhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const { provocation, aggressed, action, target } = s;

  // Provocation each actor causes in its target (THEORY §5.5: ε_H ≥ ε_S ≥ ε_I ≥ 0).
  let instActs = 0;
  for (let j = 0; j < n; j++) {
    const f = FAMILY_INDEX_OF_OPTION[action[j]];
    provocation[j] = f === 1 ? p.epsH : f === 2 ? p.epsS : f === 3 ? p.epsI : 0;
    if (f === 3 && s.venueUsed[j] >= 0) instActs++;
  }
  s.institutionalActs = instActs;

  // The two leading rivals (highest cinc, ties to the first in canonical order) and the gates of §5.7.
  let a = -1;
  let b = -1;
  for (let i = 0; i < n; i++) {
    if (a < 0 || s.cinc[i] > s.cinc[a]) { b = a; a = i; } else if (b < 0 || s.cinc[i] > s.cinc[b]) b = i;
  }
  s.rivalA = a;
  s.rivalB = b;
  s.gateMAD = w.nuc[a] === 1 && w.nuc[b] === 1 ? 1 : 0;
  s.gateIdeo = p.iotaStar > 0 ? Math.max(0, 1 - Math.abs(w.ideo[a] - w.ideo[b]) / p.iotaStar) : 0;
  const esc = s.gateIdeo === 0 ? p.epsEsc * (instActs / n) : 0;

  const { ahat, proximity, ideo, ent, trade, tradeBase, ally } = w;
  const share = s.shareInst;
  const etaB = p.etaB;
  const keepEnt = 1 - p.deltaE;
  let alliances = 0;
  let ententes = 0;
  for (let m = 0; m < n; m++) {
    const row = m * n;
    const bandWith = action[m] === BAND ? target[m] : -1;
    for (let j = 0; j < n; j++) {
      if (j === m) continue;
      const agg = aggressed[j];
      let obs = ideo[j];
      if (agg === 1 && proximity[row + j] > obs) obs = proximity[row + j];
      if (agg === 0 && share[row + j] === 1) obs -= p.epsReass;
      const rate = j === bandWith ? etaB + p.deltaBand : etaB;
      let v = (1 - rate) * ahat[row + j] + etaB * obs;
      if (target[j] === m) v += provocation[j];
      if (esc > 0 && ((m === a && j === b) || (m === b && j === a))) v += esc;
      ahat[row + j] = v < 0 ? 0 : v > 1 ? 1 : v;
      if (j > m) {
        const e = ent[row + j] * keepEnt;
        ent[row + j] = e;
        ent[j * n + m] = e;
        if (e >= p.entMin) ententes++;
        const x0 = tradeBase[row + j];
        const x = trade[row + j];
        if (x !== x0) {
          const nx = x + p.rhoX * (x0 - x);
          trade[row + j] = nx;
          trade[j * n + m] = nx;
        }
        alliances += ally[row + j];
      }
    }
  }
  s.alliancesInForce = alliances;
  s.ententes = ententes;

  for (let j = 0; j < n; j++) {
    const leg = w.leg[j];
    const v = leg + p.rhoL * (w.legBase[j] - leg) - s.denial[j] - w.nu * p.deltaAgg * aggressed[j] + s.accommodation[j];
    w.leg[j] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  if (s.majorWars > 0) w.lastMajorWar = ctx.year;
}
