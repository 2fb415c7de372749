import { FAMILY_INDEX_OF_OPTION, OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { sharesInstitution } from '../institutions/membershipIndex.js';
import { applyPendingBeliefs } from './beliefs.js';
import { lapseAlliances } from './lapseAlliances.js';

const BAND = OPTION_INDEX.BAND;
const HI = OPTION_INDEX.HI;

/**
 * Phase 7 of THEORY §5.8, first half: beliefs, ententes, trade and legitimacy (THEORY §5.5, §5.7).
 *
 * Beliefs (docs/model.md §5.7, model note N31): the deviation of ahat_mj from the ideology prior
 * ideo_j is a stock of evidence that decays by η_b per year (half-life ln 2/−ln(1 − η_b) years):
 *   ahat_mj ← clip((1 − η_b − δ_band·[m bandwagons with j])·ahat_mj + η_b·obs_mj + arm_mj + prov_mj + esc_mj, 0, 1)
 *   obs_mj  = max(ideo_j, V_mj·1[j aggressed]) − ε_reass·1[m, j share an institution and j did not aggress],
 *             V_mj = 1 when j's victim is m or an ally of m, else G_mj (reputation by proximity)
 *             (the ideology floor is model note N2; THEORY writes max(G_mj·1[j aggressed], provocation))
 *   arm_mj  = ε_arm·1[j armed (HI)]·(1 if m is the state j armed against, else G_mj) (the security dilemma)
 *   prov_mj = ε_H, ε_S or ε_I when j took a hard, soft or institutional act against m (§5.5, E8)
 *   esc_mj  = ε_esc·(institutional acts / n) between the two leading rivals when their ideological
 *             antagonism is at least ι* (§5.7 negative externality)
 * Ententes decay by δ_E; sanctioned trade recovers toward its scenario level at rate ρ_X (N6).
 * η_b, δ_E, ρ_X and ρ_L are per year and applied per tick as 1 − (1 − x)^(1/ticksPerYear); the
 * increments of an act (provocation, δ_band, denial, accommodation) and of an aggression (its
 * observation moves beliefs by η_b·(G_mj − ideo_j), the yearly η_b) are per event (model note N28).
 * Formed alliances whose shared threat has faded for allianceLapseYears lapse (model note N29).
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
    // A state's blocks of its main threat's accession add ε_block each (model §5.12).
    provocation[j] = (f === 1 ? p.epsH : f === 2 ? p.epsS : f === 3 ? p.epsI : 0) + s.blockProvocation[j];
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
  const esc = escalation(s, p.epsEsc, n);

  // Beliefs. The bulk of the n² entries follow the plain relaxation toward ideo_j (with
  // reassurance); the few that differ — provocations, bandwagoning, escalation and the columns of
  // aggressors — are computed here from their values at the start of the phase (patches), so every
  // entry is computed from the state at the start of the phase, as the equation says. The
  // relaxation is then applied by applyPendingBeliefs: here, or on the engine's fused path by the
  // next perceive phase, row by row with the threat computation (same values; nothing in between
  // reads beliefs).
  const { ideo } = w;
  let aggressors = 0;
  for (let j = 0; j < n; j++) aggressors += aggressed[j];
  const capacity = 2 * n + 2 + aggressors * n;
  if (s.patchIndex.length < capacity) {
    s.patchIndex = new Int32Array(capacity);
    s.patchValue = new Float64Array(capacity);
  }
  let patches = 0;
  // beliefUpdate reads its inputs and writes its value itself: a double passed to, or returned from,
  // a call that is not inlined is boxed (an allocation per patch).
  const patch = (m: number, j: number): void => {
    s.patchIndex[patches] = m * n + j;
    beliefUpdate(ctx, patches++, m, j);
  };
  // Arming (N31): every observer m sees ε_arm·G_mj in the bulk; the state armed against, in full.
  // Written before any patch: the patches (an aggressor's column included) read this tick's arming.
  const arm = s.armEvidence;
  let armCount = 0;
  for (let j = 0; j < n; j++) {
    const armed = action[j] === HI && p.epsArm > 0;
    arm[j] = armed ? p.epsArm : 0;
    if (armed) s.armList[armCount++] = j;
  }
  s.armCount = armCount;
  // Columns of aggressors follow the full equation (obs = max(ideo_j, G_mj)).
  if (aggressors > 0) {
    for (let j = 0; j < n; j++) {
      if (aggressed[j] === 0) continue;
      for (let m = 0; m < n; m++) if (m !== j) patch(m, j);
    }
  }
  for (let j = 0; j < n; j++) if (provocation[j] > 0 || arm[j] > 0) patch(target[j], j);
  for (let m = 0; m < n; m++) if (action[m] === BAND) patch(m, target[m]);
  if (esc > 0) { patch(a, b); patch(b, a); }
  s.patchCount = patches;
  const etaB = ctx.rates.etaB; // η_b per tick (N28)
  s.pendingKeep = 1 - etaB;
  // η_b·obs_mj for j, without and with reassurance (precomputed once per target j).
  const plain = s.obsPlain;
  const reassured = s.obsReassured;
  for (let j = 0; j < n; j++) { plain[j] = etaB * ideo[j]; reassured[j] = etaB * (ideo[j] - p.epsReass); }
  // Who shares an institution now (memberships may change before the relaxation is applied).
  const words = s.maskWords;
  if (s.pendingMask.length < n * words) s.pendingMask = new Uint32Array(n * words);
  const pm = s.pendingMask;
  const sm = s.stateMask;
  for (let k = 0; k < n * words; k++) pm[k] = sm[k]; // a loop: subarray() would allocate a view
  s.pendingWords = words;
  let universal = false;
  for (let q = 0; q < w.instSlots && !universal; q++) universal = w.instAlive[q] === 1 && w.memberCount[q] === n;
  s.pendingAllShare = universal;
  s.beliefsPending = true;
  if (ctx.fused !== true) applyPendingBeliefs(w, s);

  // Ententes decay; count each state's partners at or above entMin. Only the pairs with an entente
  // (w.entPairs) are visited; a pair leaves the list when its entente has decayed to exactly 0.
  const { ent } = w;
  const keepEnt = 1 - ctx.rates.deltaE; // δ_E per tick (N28)
  const entPartners = s.entPartners;
  entPartners.fill(0);
  let ententes = 0;
  const pairs = w.entPairs;
  let kept = 0;
  for (let k = 0; k < pairs.length; k++) {
    const key = pairs[k];
    const e = ent[key] * keepEnt;
    const m = (key / n) | 0;
    const j = key - m * n;
    ent[key] = e;
    ent[j * n + m] = e;
    if (e === 0) continue;
    pairs[kept++] = key;
    if (e >= p.entMin) { ententes++; entPartners[m]++; entPartners[j]++; }
  }
  pairs.length = kept;
  // Sanctioned trade recovers toward its scenario level (model note N6); only trading pairs move.
  const { trade, tradeBase } = w;
  for (const key of w.tradePairs) {
    const x0 = tradeBase[key];
    const x = trade[key];
    if (x === x0) continue;
    const nx = x + ctx.rates.rhoX * (x0 - x); // ρ_X per tick (N28)
    const m = (key / n) | 0;
    const j = key - m * n;
    trade[key] = nx;
    trade[j * n + m] = nx;
  }
  lapseAlliances(ctx); // formed alliances whose shared threat has faded long enough (N29)
  s.alliancesInForce = w.allianceCount;
  s.ententes = ententes;

  for (let j = 0; j < n; j++) {
    const leg = w.leg[j];
    const v = leg + ctx.rates.rhoL * (w.legBase[j] - leg) - s.denial[j] - w.nu * p.deltaAgg * aggressed[j] + s.accommodation[j];
    w.leg[j] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  if (s.majorWars > 0) w.lastMajorWar = ctx.year;
}

/**
 * The full belief update of one entry (THEORY §5.7 with N2), from its value `old` at the start of
 * the phase: ahat_mj ← clip((1 − η_b − δ_band·[m bandwagons with j])·ahat_mj + η_b·obs_mj + prov_mj + esc_mj, 0, 1),
 * written into patch `k` (s.patchValue[k]). Called before any entry is patched, so ahat_mj is its old value.
 */
function beliefUpdate(ctx: TickContext, k: number, m: number, j: number): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const old = w.ahat[m * n + j];
  const agg = s.aggressed[j];
  const g = w.proximity[m * n + j];
  let obs = w.ideo[j];
  // An aggression against m or one of m's allies counts in full; against anyone else, by proximity (N31).
  const victim = s.victim[j];
  const seen = agg === 1 && victim >= 0 && (victim === m || w.ally[m * n + victim] === 1) ? 1 : g;
  if (agg === 1 && seen > obs) obs = seen;
  if (agg === 0 && sharesInstitution(s, m, j)) obs -= p.epsReass;
  const eta = ctx.rates.etaB; // per tick; the aggression's observation is an event, weighed by the yearly η_b (N28)
  let impulse = 0;
  if (agg === 1 && seen > w.ideo[j]) impulse = (p.etaB - eta) * (seen - w.ideo[j]);
  const rate = s.action[m] === BAND && s.target[m] === j ? eta + p.deltaBand : eta;
  let v = (1 - rate) * old + eta * obs + impulse;
  // Arming evidence, as the bulk adds it (arm_j·G_mj) but in full for the state armed against.
  const arm = s.armEvidence[j];
  if (arm > 0) v += s.target[j] === m ? arm : arm * g;
  if (s.target[j] === m) v += s.provocation[j];
  const a = s.rivalA;
  const b = s.rivalB;
  if ((m === a && j === b) || (m === b && j === a)) {
    const esc = escalation(s, p.epsEsc, n);
    if (esc > 0) v += esc;
  }
  s.patchValue[k] = v < 0 ? 0 : v > 1 ? 1 : v;
}

/** esc_mj's size this tick: ε_esc·(institutional acts / n) when the ideological gate is shut (docs/model.md §5.7), else 0. */
function escalation(s: TickContext['scratch'], epsEsc: number, n: number): number {
  return s.gateIdeo === 0 ? epsEsc * (s.institutionalActs / n) : 0;
}
