import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
} from '../decision/DecisionContext.js';
import { OPTION_COUNT, OPTION_INDEX } from '../decision/options.js';
import { fitInstitutionScratch, type Scratch } from '../engine/Scratch.js';
import type { TickContext } from '../engine/TickContext.js';
import type { World } from '../engine/World.js';
import { writeCincShares } from '../metrics/cincShares.js';
import { concentration, effectivePoles } from '../metrics/concentration.js';
import { DRAW_TIE, DRAWS_PER_TICK } from '../random/StateStreams.js';
import { mix32 } from '../random/hashString.js';
import { refreshMembershipIndex } from '../institutions/membershipIndex.js';
import { dyadDefence } from './PerceptionModel.js';

const HE = OPTION_INDEX.HE;
const SE = OPTION_INDEX.SE;
const SS = OPTION_INDEX.SS;
const II = OPTION_INDEX.II;

/**
 * Phase 1 of THEORY §5.8: derive shares, CON, the threat matrix, each state's main threat j* and its
 * decision context z toward j* (THEORY §5.2) and the option masks (§5.3), all from the state at t.
 * @internal
 */
export function perceivePhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  fitInstitutionScratch(s, w);

  // THEORY §5.2: cinc_i; CON over the great powers (COW) or all states; poles (§3).
  writeCincShares(w.mil, w.eco, w.pop, s.cinc);
  let majors = 0;
  for (let i = 0; i < n; i++) majors += w.major[i];
  const include = p.conOver === 'majors' && majors >= 2 ? w.major : undefined;
  s.con = concentration(s.cinc, include);
  s.effectivePoles = effectivePoles(s.cinc, include);
  let poles = 0;
  let totalCinc = 0;
  for (let i = 0; i < n; i++) { if (s.cinc[i] >= p.piPole) poles++; totalCinc += s.cinc[i]; }
  s.poles = poles;

  // THEORY §5.2: T_ij from the perception model (Walt by default).
  (ctx.view as { theta: number }).theta = w.theta;
  ctx.perception.threatMatrix(ctx.view, s.threat);

  // Σ_{m∈M_q} cinc_m, for voice_iq and shared_q(j).
  refreshMembershipIndex(w, s);
  for (let q = 0; q < w.instSlots; q++) {
    let sum = 0;
    if (w.instAlive[q] === 1) {
      const base = q * n;
      for (let k = 0; k < w.memberCount[q]; k++) sum += s.cinc[s.instMembers[base + k]];
    }
    s.instCinc[q] = sum;
  }

  s.stamp++;
  s.targetCount = 0;
  let threatSum = 0;
  for (let i = 0; i < n; i++) {
    const j = mainThreat(w, s, i);
    s.target[i] = j;
    const T = s.threat[i * n + j];
    s.tMain[i] = T;
    threatSum += T;
    prepareTarget(w, s, j);
    writeContext(ctx, i, j, T, totalCinc);
  }
  s.meanThreat = threatSum / n;
}

/** j* = argmax_j T_ij; ties: higher cinc_j, then the state's seeded draw (THEORY §5.2). */
function mainThreat(w: World, s: Scratch, i: number): number {
  const n = w.n;
  const row = i * n;
  const T = s.threat;
  const cinc = s.cinc;
  const u = Math.floor(s.draws[i * DRAWS_PER_TICK + DRAW_TIE] * 4294967296) >>> 0;
  let best = -1;
  let bestT = -Infinity;
  let bestC = -Infinity;
  let bestKey = -1; // −1: not computed yet
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const t = T[row + j];
    if (t > bestT || (t === bestT && cinc[j] > bestC)) {
      best = j; bestT = t; bestC = cinc[j]; bestKey = -1;
    } else if (t === bestT && cinc[j] === bestC) {
      // A full tie: break it by a hash of the state's draw and the candidate's identity, so the
      // choice does not depend on the order of states (S1).
      if (bestKey < 0) bestKey = mix32(u, w.idHash[best]);
      const key = mix32(u, w.idHash[j]);
      if (key < bestKey) { best = j; bestKey = key; }
    }
  }
  return best;
}

/** Per-target aggregates used by A, the masks and ρ_E, computed once per tick per target. */
function prepareTarget(w: World, s: Scratch, j: number): void {
  if (s.targetStamp[j] === s.stamp) return;
  s.targetStamp[j] = s.stamp;
  const n = w.n;
  const T = s.threat;
  const cinc = s.cinc;
  // The column cinc_k·T_kj, read once (strided) and kept contiguous for A, ρ_E and partner choice.
  const slot = s.targetCount++;
  if (s.targetColumns.length < (slot + 1) * n) {
    const grown = new Float64Array(Math.max((slot + 1) * n, s.targetColumns.length * 2));
    grown.set(s.targetColumns);
    s.targetColumns = grown;
  }
  s.targetSlot[j] = slot;
  const col = s.targetColumns;
  const cb = slot * n;
  for (let k = 0; k < n; k++) col[cb + k] = k === j ? 0 : cinc[k] * T[k * n + j];
  let sum = 0;
  let free = 0;
  const jrow = j * n;
  for (let k = 0; k < n; k++) {
    if (k === j || w.ally[jrow + k] === 1) continue; // ally is symmetric: read row j
    free++;
    sum += col[cb + k];
  }
  s.targetAllySum[j] = sum;
  s.targetFreeCount[j] = free;
  // shared_q(j): capability-weighted mean of T_mj over the members m of q (THEORY §5.2).
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0 || w.member[q * n + j] === 1 || !(s.instCinc[q] > 0)) { s.shared[q * n + j] = 0; continue; }
    const base = q * n;
    let num = 0;
    for (let k = 0; k < w.memberCount[q]; k++) num += col[cb + s.instMembers[base + k]];
    s.shared[q * n + j] = num / s.instCinc[q];
  }
}

function writeContext(ctx: TickContext, i: number, j: number, T: number, totalCinc: number): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const z = s.z;
  const zb = i * Z_SIZE;
  const ij = i * n + j;
  const cinc = s.cinc;
  const x = w.trade[ij];

  // THEORY §5.2 context, each in [0,1], for the pair (i, j*).
  z[zb + Z_T] = T;
  z[zb + Z_D] = Math.min(1, x / w.eco[i] / p.wSat); // D = min(1, W_ij/W_sat), W_ij = X_ij/eco_i
  z[zb + Z_DT] = Math.min(1, x / w.eco[j] / p.wSat); // Dt = min(1, W_ji/W_sat)
  z[zb + Z_THETA] = dyadDefence(w.theta, p.thetaNuc, w.nuc[i], w.nuc[j]);
  z[zb + Z_NU] = w.nu;
  z[zb + Z_IDEO] = w.ideo[j];
  z[zb + Z_LAM] = w.lambda;
  const r = cinc[i] / (cinc[i] + cinc[j]);
  z[zb + Z_R] = r;
  z[zb + Z_DISP] = Math.abs(2 * r - 1);
  // A = Σ_{k∉{i,j}, ally_kj=0} cinc_k·T_kj / Σ_{k∉{i,j}} cinc_k  (ally availability)
  const allied = w.ally[ij];
  const num = s.targetAllySum[j] - (allied === 0 ? cinc[i] * s.threat[ij] : 0);
  const den = totalCinc - cinc[i] - cinc[j];
  z[zb + Z_A] = den > 0 ? Math.min(1, Math.max(0, num / den)) : 0;
  z[zb + Z_CON] = s.con;
  z[zb + Z_ALLY] = allied;
  z[zb + Z_G] = w.proximity[ij];

  // ρ_I = max s_q over q ∋ i, j;  ρ_E = max s_q·shared_q(j) over q ∋ i, q ∌ j.
  let rhoI = 0;
  let incl = -1;
  let rhoE = 0;
  let excl = -1;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0 || w.member[q * n + i] === 0) continue;
    const sq = w.instStrength[q];
    if (w.member[q * n + j] === 1) {
      if (incl < 0 || sq > rhoI) { rhoI = sq; incl = q; }
    } else {
      const score = sq * s.shared[q * n + j];
      if (excl < 0 || score > rhoE || (score === rhoE && sq > w.instStrength[excl])) { rhoE = score; excl = q; }
    }
  }
  z[zb + Z_RHOI] = rhoI;
  z[zb + Z_RHOE] = rhoE;
  z[zb + Z_NEWCLUB] = excl < 0 ? 1 : 0;
  s.inclusiveVenue[i] = incl;
  s.exclusiveVenue[i] = excl;

  // Masks (THEORY §5.3). HE and SE need a partner k ∉ {i, j} not allied with j; we also require k
  // not already allied with i, since an existing alliance cannot be formed again (model note N3).
  const mb = i * OPTION_COUNT;
  const mask = s.mask;
  for (let a = 0; a < OPTION_COUNT; a++) mask[mb + a] = 1;
  let free = s.targetFreeCount[j] - (allied === 0 ? 1 : 0);
  if (free > 0 && w.allyCount[i] > 0) {
    const row = i * n;
    const jrow = j * n;
    for (let k = 0; k < n && free > 0; k++) {
      if (k !== j && w.ally[row + k] === 1 && w.ally[jrow + k] === 0) free--;
    }
  }
  if (free <= 0) { mask[mb + HE] = 0; mask[mb + SE] = 0; }
  if (!(x > 0)) mask[mb + SS] = 0;
  if (incl < 0) mask[mb + II] = 0;
}
