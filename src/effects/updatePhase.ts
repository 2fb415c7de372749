import { FAMILY_INDEX_OF_OPTION, OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { sharesInstitution } from '../institutions/membershipIndex.js';

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

  // Beliefs. The bulk of the n² entries follow the plain relaxation toward ideo_j (with
  // reassurance); the few that differ — provocations, bandwagoning, escalation and the columns of
  // aggressors — are computed from their old values first and written last, so every entry is
  // computed from the state at the start of the phase, as the equation says.
  const { ahat, ideo } = w;
  let patches = 0;
  const patch = (m: number, j: number): void => {
    s.patchIndex[patches] = m * n + j;
    s.patchValue[patches++] = beliefUpdate(ctx, m, j, ahat[m * n + j], a, b, esc);
  };
  for (let j = 0; j < n; j++) if (provocation[j] > 0) patch(target[j], j);
  for (let m = 0; m < n; m++) if (action[m] === BAND) patch(m, target[m]);
  if (esc > 0) { patch(a, b); patch(b, a); }
  const etaB = p.etaB;
  const keep = 1 - etaB;
  // η_b·obs_mj for j, without and with reassurance (precomputed once per target j).
  const plain = s.obsPlain;
  const reassured = s.obsReassured;
  for (let j = 0; j < n; j++) { plain[j] = etaB * ideo[j]; reassured[j] = etaB * (ideo[j] - p.epsReass); }
  // Columns of aggressors follow the full equation: keep their old values aside first.
  let saved = 0;
  let aggressors = 0;
  for (let j = 0; j < n; j++) aggressors += aggressed[j];
  if (aggressors > 0) {
    if (s.columnBuffer.length < aggressors * n) s.columnBuffer = new Float64Array(aggressors * n);
    for (let j = 0; j < n; j++) {
      if (aggressed[j] === 0) continue;
      for (let m = 0; m < n; m++) s.columnBuffer[saved * n + m] = ahat[m * n + j];
      saved++;
    }
  }
  // The bulk: every entry by the plain relaxation, branch-light (the diagonal is reset after).
  const words = s.maskWords;
  const mask = s.stateMask;
  for (let m = 0; m < n; m++) {
    const row = m * n;
    if (words === 1) {
      const mm = mask[m];
      for (let j = 0; j < n; j++) {
        // reassurance: m and j share an institution (their masks intersect)
        const v = keep * ahat[row + j] + ((mm & mask[j]) !== 0 ? reassured[j] : plain[j]);
        ahat[row + j] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
    } else if (words === 2) {
      const m0 = mask[2 * m];
      const m1 = mask[2 * m + 1];
      for (let j = 0; j < n; j++) {
        const shared = ((m0 & mask[2 * j]) | (m1 & mask[2 * j + 1])) !== 0;
        const v = keep * ahat[row + j] + (shared ? reassured[j] : plain[j]);
        ahat[row + j] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
    } else {
      for (let j = 0; j < n; j++) {
        const v = keep * ahat[row + j] + (sharesInstitution(s, m, j) ? reassured[j] : plain[j]);
        ahat[row + j] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
    }
    ahat[row + m] = 0;
  }
  if (saved > 0) {
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (aggressed[j] === 0) continue;
      for (let m = 0; m < n; m++) if (m !== j) ahat[m * n + j] = beliefUpdate(ctx, m, j, s.columnBuffer[c * n + m], a, b, esc);
      c++;
    }
  }
  for (let k = 0; k < patches; k++) ahat[s.patchIndex[k]] = s.patchValue[k];

  // Ententes decay (upper triangle, mirrored); count each state's partners at or above entMin.
  const { ent } = w;
  const keepEnt = 1 - p.deltaE;
  const entPartners = s.entPartners;
  entPartners.fill(0);
  let ententes = 0;
  for (let m = 0; m < n; m++) {
    const row = m * n;
    for (let j = m + 1; j < n; j++) {
      const e0 = ent[row + j];
      if (e0 === 0) continue;
      const e = e0 * keepEnt;
      ent[row + j] = e;
      ent[j * n + m] = e;
      if (e >= p.entMin) { ententes++; entPartners[m]++; entPartners[j]++; }
    }
  }
  // Sanctioned trade recovers toward its scenario level (model note N6); only trading pairs move.
  const { trade, tradeBase } = w;
  for (const key of w.tradePairs) {
    const x0 = tradeBase[key];
    const x = trade[key];
    if (x === x0) continue;
    const nx = x + p.rhoX * (x0 - x);
    const m = (key / n) | 0;
    const j = key % n;
    trade[key] = nx;
    trade[j * n + m] = nx;
  }
  s.alliancesInForce = w.allianceCount;
  s.ententes = ententes;

  for (let j = 0; j < n; j++) {
    const leg = w.leg[j];
    const v = leg + p.rhoL * (w.legBase[j] - leg) - s.denial[j] - w.nu * p.deltaAgg * aggressed[j] + s.accommodation[j];
    w.leg[j] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  if (s.majorWars > 0) w.lastMajorWar = ctx.year;
}

/**
 * The full belief update of one entry (THEORY §5.7 with N2), from its value `old` at the start of
 * the phase: ahat_mj ← clip((1 − η_b − δ_band·[m bandwagons with j])·ahat_mj + η_b·obs_mj + prov_mj + esc_mj, 0, 1).
 */
function beliefUpdate(ctx: TickContext, m: number, j: number, old: number, a: number, b: number, esc: number): number {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const agg = s.aggressed[j];
  let obs = w.ideo[j];
  if (agg === 1 && w.proximity[m * n + j] > obs) obs = w.proximity[m * n + j];
  if (agg === 0 && sharesInstitution(s, m, j)) obs -= p.epsReass;
  const rate = s.action[m] === BAND && s.target[m] === j ? p.etaB + p.deltaBand : p.etaB;
  let v = (1 - rate) * old + p.etaB * obs;
  if (s.target[j] === m) v += s.provocation[j];
  if (esc > 0 && ((m === a && j === b) || (m === b && j === a))) v += esc;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
