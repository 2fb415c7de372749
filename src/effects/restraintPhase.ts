import { Z_DT, Z_SIZE } from '../decision/DecisionContext.js';
import { FAMILY_INDEX_OF_OPTION, OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { STATUS_MEMBER, statusVoice } from '../institutions/MembershipStatus.js';
import { sharedPairShare } from '../institutions/membershipIndex.js';
import { fdlibmExp, fdlibmExpm1 } from '../model/fdlibmExpLog.js';

const SE = OPTION_INDEX.SE;
const SS = OPTION_INDEX.SS;
const SL = OPTION_INDEX.SL;
const II = OPTION_INDEX.II;
const IE = OPTION_INDEX.IE;
const BAND = OPTION_INDEX.BAND;

/** Whether option index a is soft (2) or institutional (3). */
function pressing(a: number): boolean {
  const f = FAMILY_INDEX_OF_OPTION[a];
  return f === 2 || f === 3;
}

/**
 * Phase 5 of THEORY §5.8: pressure on each target, Paul's seven conditions, Ω_j and restraint R_j
 * (THEORY §5.6), and the legitimacy denial and accommodation that phase 7 applies (§5.5 SL, IE, BAND).
 *
 * π_SL = λ·w_i, π_SS = s·Dt, π_SE = ε_E·w_i (model note N4), π_II = π_IE = s_q·voice_iq,
 * with w_i = cinc_i and voice_iq = cinc_i / Σ_{m∈M_q} cinc_m.
 * Press_j = Σ_i w_a·π_a·(1 + ε_coord·#entente partners of i also pressing j).
 * R_j = 1 − exp(−k_R·Ω_j·(1 − ideo_j)·Press_j).
 *
 * Time in years (model note N28): an act's pressure stays in force for one year, so Press_j sums the
 * pressure of the acts of the last ticksPerYear ticks (at one tick per year: this tick's, as before),
 * and an entente partner counts toward the coordination bonus when its last soft or institutional
 * act, within the last year, was against the same target.
 * @internal
 */
export function restraintPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const { press, pressDom, denial, accommodation, pressureOut } = s;
  press.fill(0);
  pressDom.fill(0);
  denial.fill(0);
  accommodation.fill(0);
  const lam = w.lambda;
  // Each state's entente partners at or above entMin (from the list of pairs with an entente),
  // for the coordination bonus below.
  const start = s.entStart;
  const adj = s.entAdjacent;
  start.fill(0);
  const pairs = w.entPairs;
  const ent = w.ent;
  if (adj.length < 2 * pairs.length) s.entAdjacent = new Int32Array(2 * pairs.length);
  const partnersOf = s.entAdjacent;
  for (let k = 0; k < pairs.length; k++) {
    const key = pairs[k];
    if (!(ent[key] >= p.entMin)) continue;
    const m = (key / n) | 0;
    start[m + 1]++;
    start[key - m * n + 1]++;
  }
  for (let m = 0; m < n; m++) start[m + 1] += start[m];
  const total = start[n];
  for (let k = pairs.length - 1; k >= 0; k--) {
    const key = pairs[k];
    if (!(ent[key] >= p.entMin)) continue;
    const m = (key / n) | 0;
    const j = key - m * n;
    partnersOf[--start[m + 1]] = j;
    partnersOf[--start[j + 1]] = m;
  }
  for (let m = 0; m < n; m++) start[m] = start[m + 1];
  start[n] = total; // state m's partners: entAdjacent[entStart[m] … entStart[m + 1])
  const tick = ctx.tick;
  const window = ctx.rates.pressureTicks;
  const { lastPressTick, lastPressTarget } = s;
  for (let i = 0; i < n; i++) if (pressing(s.action[i])) { lastPressTick[i] = tick; lastPressTarget[i] = s.target[i]; }
  const recent = tick - window; // a partner's act counts when lastPressTick > recent (this tick at one tick per year)
  for (let i = 0; i < n; i++) {
    const a = s.action[i];
    const j = s.target[i];
    const wi = s.cinc[i];
    let pi = 0;
    if (a === SL) {
      pi = p.wSL * lam * wi;
      denial[j] += p.alphaL * lam * wi * w.leg[j]; // leg_j −= α_L·λ·w_i·leg_j
    } else if (a === SS) {
      pi = p.wSS * p.s * s.z[i * Z_SIZE + Z_DT];
    } else if (a === SE) {
      pi = p.wSE * p.epsE * wi;
    } else if (a === II || a === IE) {
      const q = s.venueUsed[i];
      if (q >= 0 && s.instCinc[q] > 0) {
        const sq = w.instStrength[q];
        // voice_iq = cinc_i/Σ_{m∈M_q} cinc_m for a member; v_s·cinc_i/(cinc_i + Σ_{m∈M_q} cinc_m) for a
        // holder of status s (model §5.11), whose exclusive act also lends only v_s of the club's legitimacy.
        const code = w.status[q * w.n + i];
        const v = code === STATUS_MEMBER ? 1 : statusVoice(p, code);
        pi = (a === II ? p.wII : p.wIE) * sq * (code === STATUS_MEMBER ? wi / s.instCinc[q] : v * wi / (wi + s.instCinc[q]));
        // IE: leg_j −= α_E·λ·s_q·clubShare_q·leg_j, clubShare_q = Σ_{m∈M_q} cinc_m
        if (a === IE) denial[j] += p.alphaE * lam * sq * s.instCinc[q] * w.leg[j] * v;
      }
    } else if (a === BAND) {
      accommodation[j] += p.alphaB * wi * (1 - w.leg[j]); // leg_j += α_B·w_i·(1 − leg_j)
    }
    if (pi > 0 && s.entPartners[i] > 0) {
      // Coordination bonus: entente partners (ent ≥ entMin) pressing the same target this tick.
      let partners = 0;
      for (let c = start[i]; c < start[i + 1]; c++) {
        const k = partnersOf[c];
        if (lastPressTarget[k] === j && lastPressTick[k] > recent) partners++;
      }
      pi *= 1 + p.epsCoord * partners;
    }
    pressureOut[i] = pi;
    press[j] += pi;
    pressDom[j] += pi * w.dom[i];
  }
  if (window > 1) {
    // Press_j over the last year: this tick's pressure goes into the ring, the ring is summed.
    const ring = s.pressRing;
    const ringDom = s.pressDomRing;
    const base = (tick % window) * n;
    for (let j = 0; j < n; j++) {
      ring[base + j] = press[j];
      ringDom[base + j] = pressDom[j];
      let sum = 0;
      let sumDom = 0;
      for (let r = 0; r < window; r++) { sum += ring[r * n + j]; sumDom += ringDom[r * n + j]; }
      press[j] = sum;
      pressDom[j] = sumDom;
    }
  }

  // Paul's seven conditions (THEORY §5.6), c1…c6 global, c7 per target.
  const c = s.conditions;
  c[0] = 1 - s.meanThreat; // low-threat environment
  c[1] = lam; // importance of legitimacy
  c[2] = w.lastMajorWar === -Infinity ? 0 : Math.min(1, fdlibmExp(-(ctx.year - w.lastMajorWar) / p.tauW)); // aftermath
  const sharePairs = sharedPairShare(w, s);
  let strengthSum = 0;
  let alive = 0;
  for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1) { strengthSum += w.instStrength[q]; alive++; }
  c[3] = alive > 0 ? (strengthSum / alive) * sharePairs : 0; // flourishing institutions
  // c5 = mean θ_ij over ordered pairs: only nuclear pairs differ from θ.
  let nuclear = 0;
  for (let i = 0; i < n; i++) nuclear += w.nuc[i];
  const nucPairs = (nuclear * (nuclear - 1)) / (n * (n - 1));
  c[4] = 1 - (1 - w.theta) * (1 - p.thetaNuc * nucPairs);
  // c6 = mean over pairs of min(1, min(W_ij, W_ji)/W_sat): the weak link (THEORY §3).
  // Only trading pairs contribute, so the sum runs over the (sparse) list of trading pairs.
  let inter = 0;
  for (const key of w.tradePairs) {
    const x = w.trade[key];
    if (x > 0) {
      const i = (key / n) | 0;
      inter += Math.min(1, x / Math.max(w.eco[i], w.eco[key - i * n]) / p.wSat); // key − i·n: j without a modulo
    }
  }
  c[5] = inter / ((n * (n - 1)) / 2);
  const om = p.omega;
  const wsum = om.lowThreat + om.legitimacy + om.aftermath + om.institutions + om.defence + om.interdependence + om.domesticSupport;
  const global = (om.lowThreat * c[0] + om.legitimacy * c[1] + om.aftermath * c[2] + om.institutions * c[3]
    + om.defence * c[4] + om.interdependence * c[5]) / wsum;
  const wDom = om.domesticSupport / wsum;
  let c7sum = 0;
  let c7count = 0;
  for (let j = 0; j < n; j++) {
    const c7 = press[j] > 0 ? pressDom[j] / press[j] : 0; // pressure-weighted mean dom_i of j's balancers
    if (press[j] > 0) { c7sum += c7; c7count++; }
    const omega = global + wDom * c7;
    s.omega[j] = omega;
    // R_j = 1 − exp(−x) computed as −expm1(−x): exact for tiny x, where 1 − exp(−x) rounds to 0 (E2).
    s.restraint[j] = -fdlibmExpm1(-p.kR * omega * (1 - w.ideo[j]) * press[j]);
  }
  c[6] = c7count > 0 ? c7sum / c7count : 0;
}
