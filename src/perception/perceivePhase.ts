import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
} from '../decision/DecisionContext.js';
import { OPTION_COUNT, OPTION_INDEX } from '../decision/options.js';
import { applyPendingBeliefs, bucketPatches } from '../effects/beliefs.js';
import { fitInstitutionScratch, PARTNER_TOP, type Scratch } from '../engine/Scratch.js';
import type { TickContext } from '../engine/TickContext.js';
import type { World } from '../engine/World.js';
import { writeCincShares } from '../metrics/cincShares.js';
import { concentration, effectivePoles } from '../metrics/concentration.js';
import { DRAW_TIE, DRAWS_PER_TICK } from '../random/StateStreams.js';
import { mix32 } from '../random/hashString.js';
import { refreshMembershipIndex } from '../institutions/membershipIndex.js';
import { dyadDefence } from './PerceptionModel.js';
import { affinityFactor, applyAffinityToMatrix, writeAffinityRow } from './affinityFactor.js';
import { aggregatePower, updateCincPast } from './powerShift.js';
import { rowKernelOf, type RowKernel } from './RowKernel.js';
import { waltThreat, writeOffenceTerms } from './waltThreat.js';

const HE = OPTION_INDEX.HE;
const SE = OPTION_INDEX.SE;
const SS = OPTION_INDEX.SS;
const II = OPTION_INDEX.II;

/**
 * Phase 1 of THEORY §5.8: derive shares, CON, the threat matrix, each state's main threat j* and its
 * decision context z toward j* (THEORY §5.2) and the option masks (§5.3), all from the state at t.
 *
 * Two paths compute the same numbers. The general one asks the perception model for the whole
 * n×n matrix T and then scans its rows. The engine's fused path (`ctx.fused`, Walt's model only)
 * never stores T: one pass over the rows applies the belief update left pending by the last tick's
 * update phase (THEORY §5.7) and computes T_ij and the row's argmax while the row is in cache;
 * the few columns T_·j* that later phases need are then recomputed for the targets j* alone.
 * @internal
 */
export function perceivePhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  fitInstitutionScratch(s, w);

  // THEORY §5.2: cinc_i; CON over the great powers (COW) or all states; poles (§3).
  writeCincShares(w.mil, w.eco, w.pop, s.cinc);
  updateCincPast(ctx); // the shares shiftWindow years ago (N32)
  s.threatWShift = p.wShift;
  let majors = 0;
  for (let i = 0; i < n; i++) majors += w.major[i];
  const include = p.conOver === 'majors' && majors >= 2 ? w.major : undefined;
  s.con = concentration(s.cinc, include);
  s.effectivePoles = effectivePoles(s.cinc, include);
  let poles = 0;
  let totalCinc = 0;
  for (let i = 0; i < n; i++) { if (s.cinc[i] >= p.piPole) poles++; totalCinc += s.cinc[i]; }
  s.poles = poles;
  s.totalCinc = totalCinc;

  // THEORY §5.2: T_ij from the perception model (Walt by default), and j* = argmax_j T_ij.
  (ctx.view as { theta: number }).theta = w.theta;
  listGreatPowers(w, s);
  if (ctx.fused === true && ctx.perception === waltThreat) {
    fusedWaltRows(ctx);
    s.threatStored = false;
  } else {
    applyPendingBeliefs(w, s);
    if (s.threat.length < n * n) s.threat = new Float64Array(n * n);
    ctx.perception.threatMatrix(ctx.view, s.threat);
    applyAffinityToMatrix(w, p.affinityThreat, s.threat); // model note N54 (nothing when affinity is off)
    s.threatStored = true;
    for (let i = 0; i < n; i++) {
      const j = mainThreat(w, s, i);
      s.target[i] = j;
      s.tMain[i] = s.threat[i * n + j];
    }
  }
  writeGreatPowerThreats(w, s);

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
  s.partnerTopVersion = w.allianceVersion;
  let threatSum = 0;
  for (let i = 0; i < n; i++) {
    const j = s.target[i];
    const T = s.tMain[i];
    threatSum += T;
    prepareTarget(w, s, j);
    writeContext(ctx, i, j);
  }
  s.meanThreat = threatSum / n;
  // This tick's targets are the next fused pass's guesses.
  for (let g = 0; g < s.guessCount; g++) s.guessSlot[s.guessTargets[g]] = -1;
  s.guessCount = 0;
  for (let i = 0; i < n; i++) {
    const j = s.target[i];
    if (s.guessSlot[j] >= 0) continue;
    s.guessSlot[j] = s.guessCount;
    s.guessTargets[s.guessCount++] = j;
  }
}

/**
 * The fused Walt pass: for each row i, the pending belief update of row i (if any), then
 * T_ij = ahat_ij·(w_P·P_ij + w_G·G_ij + w_O·O_ij) for every j and the argmax j* with the tie rules
 * of {@link mainThreat}. The arithmetic is the same expression, in the same order, as
 * `waltThreat.threatMatrix` and `applyPendingBeliefs`, so every value is bit-identical to the
 * general path. The argmax is a lexicographic maximum of (T_ij, cinc_j, −key_j, −j), so the
 * patched entries of a row can be folded in after the row's bulk.
 *
 * One row function ({@link fusedRow}) holds the belief and threat arithmetic for every case; only
 * the reassurance test, which depends on the width of the membership masks, is hoisted into small
 * per-width loops that write the row's observations first.
 */
function fusedWaltRows(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  writeOffenceTerms(n, w.off, w.nuc, w.theta, p, s.offOpen, s.offNuc);
  s.threatWP = p.wP;
  s.threatWG = p.wG;
  s.threatAffinity = p.affinityThreat;
  // Model note N54: row i's affinity factors, written per row when affinity is on (else all 1).
  const affinityOn = w.affinity.length > 0;
  if (s.affinityRow.length < n) s.affinityRow = new Float64Array(n).fill(1);
  s.threatWShift = p.wShift;
  const pending = s.beliefsPending;
  if (pending) bucketPatches(s, n);
  const words = s.pendingWords;
  const armed = s.armCount > 0;
  // The columns T_·j of last tick's targets are collected row by row while each row is in cache
  // (targets change little from tick to tick); prepareTarget recomputes the others. The great
  // powers' columns are collected too: writeGreatPowerThreats reads them (N57).
  for (let g = 0; g < s.gpCount; g++) {
    const j = s.gpStates[g];
    if (s.guessSlot[j] >= 0) continue;
    s.guessSlot[j] = s.guessCount;
    s.guessTargets[s.guessCount++] = j;
  }
  const guesses = s.guessCount;
  if (s.guessColumns.length < guesses * n) s.guessColumns = new Float64Array(guesses * n);
  if (s.obsRow.length < n) s.obsRow = new Float64Array(n);
  if (s.zeroRow.length < n) s.zeroRow = new Float64Array(n);
  const kernel = rowKernelOf(w.ahat, w.proximity);
  if (kernel !== null) {
    loadKernel(w, s, kernel, pending, affinityOn);
    for (let g = 0; g < guesses; g++) kernel.guessList[g] = s.guessTargets[g];
  }
  const insideObs = kernel !== null ? kernel.obsInside : s.obsInside;
  const rowObs = kernel !== null ? kernel.obs : s.obsRow;
  const inside = pending && !s.pendingAllShare ? prepareInsideRows(w, s, insideObs) : -1;
  for (let i = 0; i < n; i++) {
    if (affinityOn) writeAffinityRow(w, p.affinityThreat, i, kernel !== null ? kernel.affinity : s.affinityRow);
    // A row without patches gets its guessed columns from the kernel in the row's own call; a patched
    // row, after its patches are folded in.
    const patched = pending && s.patchStart[i] < s.patchStart[i + 1];
    const inRow = kernel !== null && !patched ? guesses : 0;
    if (!pending) {
      if (kernel !== null) kernelRow(w, s, kernel, i, false, kernel.zeroAt, inRow, 0);
      else threatRow(w, s, i);
    } else {
      // The reassurance test (do i and j share an institution?) depends on the width of the
      // membership masks; it is hoisted out of the row loop: the row's η_b·obs_ij is written by a
      // small loop specialised by the width, and the one row function (fusedRow, or the kernel's
      // row, the same arithmetic) does the belief and threat arithmetic for every width.
      let obs: Float64Array;
      if (s.pendingAllShare) obs = kernel !== null ? kernel.obsShared : s.obsReassured;
      else if (inside >= 0 && (s.pendingMask[i * words + (inside >>> 5)] & (1 << (inside & 31))) !== 0) obs = writeObsRowInside(s, i, words, insideObs);
      else if (words === 1) obs = writeObsRow1(s, i, n, rowObs);
      else if (words === 2) obs = writeObsRow2(s, i, n, rowObs);
      else obs = writeObsRowN(s, i, n, words, rowObs);
      // The arming evidence (N31) joins the observation of the few columns whose state armed, so the
      // row loop carries no per-entry term for it: obs_ij + arm_j·G_ij, as applyPendingBeliefs adds it.
      // When obs is shared between rows — obsReassured when every pair shares an institution, or
      // obsInside for the members of a nearly universal one (only its outsiders are rewritten per
      // row) — its armed entries are raised for this row and put back after it (no copy of the row).
      // The kernel does both itself, around its row.
      if (kernel !== null) {
        const at = obs === kernel.obsShared ? kernel.obsSharedAt : obs === kernel.obsInside ? kernel.obsInsideAt : kernel.obsAt;
        kernelRow(w, s, kernel, i, true, at, inRow, s.armCount);
      } else {
        if (armed) addArmingEvidence(s, w.proximity, i * n, obs);
        fusedRow(w, s, i, true, obs);
        if (armed && (obs === s.obsReassured || obs === s.obsInside)) restoreArmedColumns(s, obs);
      }
      if (patched) foldPatches(w, s, i, kernel);
    }
    if (guesses > 0 && inRow === 0) {
      if (kernel !== null) kernelGuesses(w, s, kernel, i, guesses);
      else collectGuessedColumns(w, s, i, guesses);
    }
  }
  s.guessStamp = s.stamp + 1; // valid for the targets prepared in this perceive phase
  s.beliefsPending = false;
}

/** Row i's entries T_ij for the guessed targets j, into their columns (the same expression as prepareTarget's). */
function collectGuessedColumns(w: World, s: Scratch, i: number, guesses: number): void {
  const n = w.n;
  const { ahat, proximity } = w;
  const cinc = s.cinc;
  const o = w.nuc[i] === 1 ? s.offNuc : s.offOpen;
  const wP = s.threatWP;
  const wG = s.threatWG;
  const ci = cinc[i];
  const past = s.cincPast;
  const ci0 = past[i];
  const wS = s.threatWShift;
  const row = i * n;
  const cols = s.guessColumns;
  for (let g = 0; g < guesses; g++) {
    const j = s.guessTargets[g];
    if (j === i) { cols[g * n + i] = 0; continue; }
    const P = aggregatePower(ci, cinc[j], ci0, past[j], wS);
    cols[g * n + i] = ahat[row + j] * (wP * P + wG * proximity[row + j] + o[j]) * affinityFactor(w, s.threatAffinity, i, j);
  }
}

/** Row i's T_ij from ahat as it is (nothing pending) and its argmax: {@link fusedRow} with the identity update. */
function threatRow(w: World, s: Scratch, i: number): void {
  // keep·ahat + 0 with keep = 1 is ahat itself (ahat ∈ [0, 1], so the clip leaves it), bit for bit.
  fusedRow(w, s, i, false, s.zeroRow);
}

/**
 * Fills the kernel's vectors for this tick's rows (docs/model.md §5.2, §5.7): shares, the shares of
 * the shift window, offence terms, identity hashes, the shared observations, the armed states with
 * their evidence (N31), the affinity factors (all 1 when affinity is off), and the tick's constants
 * (`setup`). O(n) per tick.
 */
function loadKernel(w: World, s: Scratch, k: RowKernel, pending: boolean, affinityOn: boolean): void {
  const n = w.n;
  const { cinc, cincPast, offOpen, offNuc, obsReassured } = s;
  const idHash = w.idHash;
  for (let j = 0; j < n; j++) {
    k.cinc[j] = cinc[j];
    k.past[j] = cincPast[j];
    k.offOpen[j] = offOpen[j];
    k.offNuc[j] = offNuc[j];
    k.idHash[j] = idHash[j];
  }
  if (pending && s.pendingAllShare) for (let j = 0; j < n; j++) k.obsShared[j] = obsReassured[j];
  if (!affinityOn) k.affinity.fill(1, 0, n);
  if (pending) {
    for (let a = 0; a < s.armCount; a++) { const j = s.armList[a]; k.armList[a] = j; k.arm[j] = s.armEvidence[j]; }
  }
  k.setup(
    k.ahatAt, k.proximityAt, k.cincAt, k.pastAt, k.affinityAt, k.idHashAt, k.guessListAt, k.guessOutAt, k.armListAt, k.armAt,
    k.armSavedAt, n, s.threatWP, s.threatWG, s.threatWShift,
  );
}

/**
 * Row i through the row kernel: what {@link fusedRow} computes, with `obsAt` the row's observations,
 * to which the kernel adds the arming evidence of the first `armed` states of the arming list for
 * the row (as {@link addArmingEvidence} does for fusedRow), seeded with last tick's target; with
 * `guesses` > 0 the kernel then collects the row's guessed columns too (what {@link kernelGuesses}
 * does), in the same call.
 */
function kernelRow(w: World, s: Scratch, k: RowKernel, i: number, pending: boolean, obsAt: number, guesses: number, armed: number): void {
  const off = w.nuc[i] === 1 ? k.offNucAt : k.offOpenAt; // O_ij: MAD applies when both are nuclear
  const keep = pending ? s.pendingKeep : 1; // 1: the identity update (nothing pending)
  s.target[i] = k.row(i, tieDraw(s, i), keep, obsAt, off, s.target[i], guesses, armed); // last tick's target: the seed of the argmax
  s.tMain[i] = k.result[0];
  if (guesses > 0) copyGuesses(s, k, i, w.n, guesses);
}

/** Row i's entries toward the guessed targets through the kernel: what {@link collectGuessedColumns} writes. */
function kernelGuesses(w: World, s: Scratch, k: RowKernel, i: number, guesses: number): void {
  k.guesses(i, w.nuc[i] === 1 ? k.offNucAt : k.offOpenAt, guesses);
  copyGuesses(s, k, i, w.n, guesses);
}

/** The kernel's entries of row i toward the guessed targets into their columns. */
function copyGuesses(s: Scratch, k: RowKernel, i: number, n: number, guesses: number): void {
  const cols = s.guessColumns;
  const out = k.guessOut;
  for (let g = 0; g < guesses; g++) cols[g * n + i] = out[g];
}

/**
 * The one source of the fused pass's arithmetic. Row i's belief update ahat_ij ← clip(keep·ahat_ij +
 * obs[j], 0, 1) (docs/model.md §5.7, the bulk; `obs[j]` is η_b·obs_ij of the row, with or without
 * reassurance, plus the arming evidence arm_j·G_ij of N31 where j armed; keep = 1 − η_b when the
 * update is `pending`, else 1 with obs all 0: the identity), then
 * T_ij = ahat_ij·(w_P·F_ij + w_G·G_ij + w_O·O_ij) from the new ahat_ij (F_ij Walt's power factor with
 * the power shift of N32: {@link aggregatePower}), and the
 * row's argmax with the tie rule of {@link mainThreat}: a new best when T is larger, or equal with a
 * larger cinc_j; on a full tie the smaller hash of (the state's tie draw, j's id). Writes the winner
 * and its T into target[i] and tMain[i]; the diagonal is reset to 0 after the row.
 */
function fusedRow(w: World, s: Scratch, i: number, pending: boolean, obs: Float64Array): void {
  const n = w.n;
  const u = tieDraw(s, i);
  const keep = pending ? s.pendingKeep : 1; // 1: the identity update (nothing pending)
  const { ahat, proximity, idHash } = w;
  const cinc = s.cinc;
  const o = w.nuc[i] === 1 ? s.offNuc : s.offOpen; // O_ij: MAD applies when both are nuclear
  const wP = s.threatWP;
  const wG = s.threatWG;
  const row = i * n;
  const ci = cinc[i];
  const f = s.affinityRow; // 1 − κ_a·max(0, a_ij) of the row (model note N54; all 1 when affinity is off)
  const past = s.cincPast;
  const ci0 = past[i];
  const wS = s.threatWShift;
  let best = -1;
  let bestT = -Infinity;
  let bestC = -Infinity;
  let bestKey = -1;
  for (let j = 0; j < n; j++) {
    const g = proximity[row + j];
    const v = keep * ahat[row + j] + obs[j];
    // clip(v, 0, 1) without a branch on the sign: (v + |v|)/2 is max(v, 0) exactly (2v halves
    // exactly; a negative v gives 0). Which entries fall below 0 follows the evidence of each column
    // (N31), a pattern the branch predictor misses; v > 1 is rare and predicted.
    const z = (v + Math.abs(v)) * 0.5;
    const a = z > 1 ? 1 : z;
    ahat[row + j] = a;
    // The power factor is ≤ 1, so a·(w_P + w_G·G + O) bounds T_ij from above, rounding included:
    // below the best so far, j can neither win nor tie, and the divisions are skipped.
    if (a * (wP + wG * g + o[j]) < bestT || j === i) continue;
    const cj = cinc[j];
    const P = aggregatePower(ci, cj, ci0, past[j], wS);
    const t = a * (wP * P + wG * g + o[j]) * f[j];
    if (t > bestT || (t === bestT && cj > bestC)) {
      best = j; bestT = t; bestC = cj; bestKey = -1;
    } else if (t === bestT && cj === bestC) {
      if (bestKey < 0) bestKey = mix32(u, idHash[best]);
      const key = mix32(u, idHash[j]);
      if (key < bestKey) { best = j; bestKey = key; }
    }
  }
  ahat[row + i] = 0;
  s.target[i] = best;
  s.tMain[i] = bestT;
}

/**
 * Adds arm_j·G_ij to obs[j] for the states j that armed (N31): `armList[0 … armCount)`. When obs is shared (obsReassured, obsInside),
 * their values are saved first in `armSaved` ({@link restoreArmedColumns}).
 */
function addArmingEvidence(s: Scratch, proximity: Float64Array, row: number, obs: Float64Array): void {
  const { armList, armEvidence, armSaved } = s;
  for (let k = 0; k < s.armCount; k++) {
    const j = armList[k];
    armSaved[k] = obs[j];
    obs[j] += armEvidence[j] * proximity[row + j];
  }
}

/** Puts back the entries {@link addArmingEvidence} raised in the shared obsReassured. */
function restoreArmedColumns(s: Scratch, obs: Float64Array): void {
  const { armList, armSaved } = s;
  for (let k = 0; k < s.armCount; k++) obs[armList[k]] = armSaved[k];
}

// η_b·obs_ij of row i into s.obsRow: the reassured value when i and j share an institution (their
// membership masks, taken at the update, intersect), else the plain one. One function per mask
// width, so each loop stays monomorphic; they hold no threat arithmetic.

/**
 * When most states were members of one institution at the update (the largest live one now; e.g.
 * a universal institution after states entered without memberships, N43), the rows of its members
 * need the reassurance test only for the few states outside it: every fellow member shares it.
 * Prepares `obsInside` (reassured for the members) and the list of outsiders, and returns the
 * institution's slot, or −1 when more than a quarter of the states are outside it (then every row
 * is written by the per-width loops). The values are the same as theirs.
 */
function prepareInsideRows(w: World, s: Scratch, obsInside: Float64Array): number {
  const n = w.n;
  let q = -1;
  for (let k = 0; k < w.instSlots; k++) if (w.instAlive[k] === 1 && (q < 0 || w.memberCount[k] > w.memberCount[q])) q = k;
  if (q < 0 || q >= 32 * s.pendingWords) return -1;
  const words = s.pendingWords;
  const pm = s.pendingMask;
  const word = q >>> 5;
  const bit = 1 << (q & 31);
  const { obsOutside, obsReassured } = s;
  let outside = 0;
  for (let j = 0; j < n; j++) {
    if ((pm[j * words + word] & bit) !== 0) obsInside[j] = obsReassured[j];
    else {
      if (4 * ++outside > n) return -1;
      obsOutside[outside - 1] = j;
    }
  }
  s.obsOutsideCount = outside;
  return q;
}

/** {@link fusedRow}'s obs for a row i inside the institution of {@link prepareInsideRows}: only the outsiders are tested. */
function writeObsRowInside(s: Scratch, i: number, words: number, obsInside: Float64Array): Float64Array {
  const { obsPlain, obsReassured, pendingMask: pm, obsOutside } = s;
  const mb = i * words;
  for (let k = 0; k < s.obsOutsideCount; k++) {
    const j = obsOutside[k];
    const jb = j * words;
    let meet = 0;
    for (let b = 0; b < words; b++) meet |= pm[mb + b] & pm[jb + b];
    obsInside[j] = meet !== 0 ? obsReassured[j] : obsPlain[j];
  }
  return obsInside;
}

/** {@link fusedRow}'s obs for one mask word per state (≤ 32 institution slots). */
function writeObsRow1(s: Scratch, i: number, n: number, obsRow: Float64Array): Float64Array {
  const { obsPlain, obsReassured, pendingMask: pm } = s;
  const m0 = pm[i];
  for (let j = 0; j < n; j++) obsRow[j] = (m0 & pm[j]) !== 0 ? obsReassured[j] : obsPlain[j];
  return obsRow;
}

/** {@link fusedRow}'s obs for two mask words per state (33–64 institution slots). */
function writeObsRow2(s: Scratch, i: number, n: number, obsRow: Float64Array): Float64Array {
  const { obsPlain, obsReassured, pendingMask: pm } = s;
  const m0 = pm[2 * i];
  const m1 = pm[2 * i + 1];
  for (let j = 0; j < n; j++) {
    obsRow[j] = ((m0 & pm[2 * j]) | (m1 & pm[2 * j + 1])) !== 0 ? obsReassured[j] : obsPlain[j];
  }
  return obsRow;
}

/** {@link fusedRow}'s obs for any number of mask words per state. */
function writeObsRowN(s: Scratch, i: number, n: number, words: number, obsRow: Float64Array): Float64Array {
  const { obsPlain, obsReassured, pendingMask: pm } = s;
  const mb = i * words;
  for (let j = 0; j < n; j++) {
    let meet = 0;
    const jb = j * words;
    for (let k = 0; k < words; k++) meet |= pm[mb + k] & pm[jb + k];
    obsRow[j] = meet !== 0 ? obsReassured[j] : obsPlain[j];
  }
  return obsRow;
}

/**
 * Row i's patched entries (provocation, bandwagoning, escalation, aggressors' columns): writes
 * their values, then folds their T into the row's argmax. If a patched entry's relaxed value was
 * the winner, the true winner is unknown and the row's argmax is recomputed from scratch.
 */
function foldPatches(w: World, s: Scratch, i: number, kernel: RowKernel | null): void {
  const n = w.n;
  const u = tieDraw(s, i);
  const row = i * n;
  const { ahat, idHash } = w;
  const cinc = s.cinc;
  const from = s.patchStart[i];
  const to = s.patchStart[i + 1];
  let best = s.target[i];
  let stale = false;
  for (let k = from; k < to; k++) {
    ahat[s.patchRowIndex[k]] = s.patchRowValue[k];
    if (s.patchRowIndex[k] - row === best) stale = true;
  }
  if (stale) {
    if (kernel !== null) kernelRow(w, s, kernel, i, false, kernel.zeroAt, 0, 0);
    else threatRow(w, s, i);
    return;
  }
  let bestT = s.tMain[i];
  let bestC = cinc[best];
  let bestKey = -1;
  for (let k = from; k < to; k++) {
    const j = s.patchRowIndex[k] - row;
    const t = threatEntry(w, s, i, j);
    const cj = cinc[j];
    if (t > bestT || (t === bestT && cj > bestC)) {
      best = j; bestT = t; bestC = cj; bestKey = -1;
    } else if (t === bestT && cj === bestC) {
      if (bestKey < 0) bestKey = mix32(u, idHash[best]);
      const key = mix32(u, idHash[j]);
      if (key < bestKey || (key === bestKey && j < best)) { best = j; bestKey = key; }
    }
  }
  s.target[i] = best;
  s.tMain[i] = bestT;
}

/**
 * T_ij of the fused path's tick, recomputed from ahat (as it stood when the tick perceived), the
 * tick's shares and offence terms: the same expression as `waltThreat.threatMatrix`, so the same
 * value. Valid until the next tick's perceive phase, as long as the world is not changed.
 * @internal
 */
export function threatEntry(w: World, s: Scratch, i: number, j: number): number {
  if (i === j) return 0;
  const P = aggregatePower(s.cinc[i], s.cinc[j], s.cincPast[i], s.cincPast[j], s.threatWShift);
  const o = w.nuc[i] === 1 ? s.offNuc[j] : s.offOpen[j];
  return w.ahat[i * w.n + j] * (s.threatWP * P + s.threatWG * w.proximity[i * w.n + j] + o) * affinityFactor(w, s.threatAffinity, i, j);
}

/**
 * More than one great power in view (model §5.2, note N57): lists the tick's great powers and writes
 * T_ig of every state toward each into `gpThreat` (n × gpCount). No second copy of the threat
 * arithmetic: on the general path the entries are read from the stored matrix; on the fused path
 * each is {@link threatEntry} — the expression of the row pass, on the beliefs and terms the row pass
 * left (so T_ij* of a great power j* is `tMain[i]`, bit for bit). O(n·G) per tick; allocates only
 * when the number of great powers exceeds every earlier one.
 * @internal
 */
export function writeGreatPowerThreats(w: World, s: Scratch): void {
  const n = w.n;
  const G = s.gpCount;
  const out = s.gpThreat;
  const gp = s.gpStates;
  if (s.threatStored) {
    const T = s.threat;
    for (let i = 0; i < n; i++) for (let g = 0; g < G; g++) out[i * G + g] = T[i * n + gp[g]];
    return;
  }
  // Fused path: the row pass collected every great power's column with last tick's targets
  // ({@link fusedWaltRows}), while each row was in cache; threatEntry only for a column it lacks.
  for (let g = 0; g < G; g++) {
    const j = gp[g];
    const slot = s.guessSlot[j];
    if (s.guessStamp === s.stamp + 1 && slot >= 0 && s.guessTargets[slot] === j) {
      const cols = s.guessColumns;
      const cb = slot * n;
      for (let i = 0; i < n; i++) out[i * G + g] = cols[cb + i];
    } else {
      for (let i = 0; i < n; i++) out[i * G + g] = threatEntry(w, s, i, j);
    }
  }
}

/**
 * The tick's great powers (COW `major`) in index order: `gpStates[0 … gpCount)`, `gpSlot[j]` (−1 for
 * the others), `gpVersion` bumped when the list changes; sizes `gpThreat` for n × G. Allocates only when
 * the number of great powers exceeds every earlier one. @internal
 */
export function listGreatPowers(w: World, s: Scratch): void {
  const n = w.n;
  let G = 0;
  let changed = false;
  for (let j = 0; j < n; j++) {
    if (w.major[j] === 1) {
      if (s.gpSlot[j] !== G) changed = true;
      s.gpSlot[j] = G; s.gpStates[G++] = j;
    } else {
      if (s.gpSlot[j] !== -1) changed = true;
      s.gpSlot[j] = -1;
    }
  }
  if (changed || G !== s.gpCount) s.gpVersion++;
  s.gpCount = G;
  if (s.gpThreat.length < n * G) {
    s.gpThreat = new Float64Array(n * G);
    s.gpInclusive = new Int32Array(n * G);
    s.gpExclusive = new Int32Array(n * G);
  }
}

/**
 * State i's tie draw of this tick as an unsigned 32-bit key (the seeded draw of docs/model.md §5.2). Each row
 * function reads it itself: a number above 2^30 passed to a call that is not inlined is boxed.
 */
function tieDraw(s: Scratch, i: number): number {
  return Math.floor(s.draws[i * DRAWS_PER_TICK + DRAW_TIE] * 4294967296) >>> 0;
}

/** j* = argmax_j T_ij; ties: higher cinc_j, then the state's seeded draw (THEORY §5.2). */
function mainThreat(w: World, s: Scratch, i: number): number {
  const n = w.n;
  const row = i * n;
  const T = s.threat;
  const cinc = s.cinc;
  const u = tieDraw(s, i);
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
  const cinc = s.cinc;
  // The column T_kj and cinc_k·T_kj, read once (strided) and kept contiguous for A, ρ_E, partner
  // choice, consent and club invitations.
  const slot = s.targetCount++;
  if (s.targetColumns.length < (slot + 1) * n) {
    const size = Math.max((slot + 1) * n, s.targetColumns.length * 2);
    const grown = new Float64Array(size);
    grown.set(s.targetColumns);
    s.targetColumns = grown;
    const grownT = new Float64Array(size);
    grownT.set(s.targetThreat);
    s.targetThreat = grownT;
  }
  s.targetSlot[j] = slot;
  const col = s.targetColumns;
  const tcol = s.targetThreat;
  const cb = slot * n;
  if (s.threatStored) {
    const T = s.threat;
    for (let k = 0; k < n; k++) tcol[cb + k] = T[k * n + j];
  } else if (s.guessStamp === s.stamp && s.guessSlot[j] >= 0 && s.guessTargets[s.guessSlot[j]] === j) {
    // Fused path, a target of last tick: its column was collected during the row pass.
    const g = s.guessSlot[j];
    const gcol = s.guessColumns; // copied by a loop: subarray() would allocate a view per target
    for (let k = 0; k < n; k++) tcol[cb + k] = gcol[g * n + k];
  } else {
    // Fused path: T_kj recomputed as the row pass computed it (the same expression); G is
    // symmetric (createWorld sets G_kj and G_jk from one distance), so row j of G is read.
    const { ahat, proximity, nuc } = w;
    const { offOpen, offNuc } = s;
    const wP = s.threatWP;
    const wG = s.threatWG;
    const cj = cinc[j];
    const past = s.cincPast;
    const cj0 = past[j];
    const wS = s.threatWShift;
    const gRow = j * n;
    for (let k = 0; k < n; k++) {
      const P = aggregatePower(cinc[k], cj, past[k], cj0, wS);
      tcol[cb + k] = ahat[k * n + j] * (wP * P + wG * proximity[gRow + k] + (nuc[k] === 1 ? offNuc[j] : offOpen[j])) * affinityFactor(w, s.threatAffinity, k, j);
    }
    tcol[cb + j] = 0;
  }
  for (let k = 0; k < n; k++) col[cb + k] = k === j ? 0 : cinc[k] * tcol[cb + k];
  let sum = 0;
  let free = 0;
  const jrow = j * n;
  // The PARTNER_TOP candidates k ∉ {j}, not allied with j, with the largest cinc_k·T_kj (ties: the
  // lower index first), best first: where the alignment phase looks for partners (choosePartner).
  if (s.partnerTop.length < (slot + 1) * PARTNER_TOP) {
    const grown = new Int32Array(Math.max((slot + 1) * PARTNER_TOP, s.partnerTop.length * 2));
    grown.set(s.partnerTop);
    s.partnerTop = grown;
  }
  const top = s.partnerTop;
  const tb = slot * PARTNER_TOP;
  let count = 0;
  for (let k = 0; k < n; k++) {
    if (k === j || w.ally[jrow + k] === 1) continue; // ally is symmetric: read row j
    free++;
    const c = col[cb + k];
    sum += c;
    if (count === PARTNER_TOP && !(c > col[cb + top[tb + count - 1]])) continue;
    let at = count < PARTNER_TOP ? count++ : count - 1;
    while (at > 0 && c > col[cb + top[tb + at - 1]]) { top[tb + at] = top[tb + at - 1]; at--; }
    top[tb + at] = k;
  }
  s.partnerTopCount[slot] = count;
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

/**
 * State i's context z_i toward its main threat j (docs/model.md §5.2) and its option mask (§5.3). T_ij and
 * Σ cinc are read from the scratch, not passed: a double passed to a call that is not inlined is
 * boxed, an allocation per state and tick.
 */
function writeContext(ctx: TickContext, i: number, j: number): void {
  const { world: w, scratch: s, params: p } = ctx;
  const T = s.tMain[i];
  const totalCinc = s.totalCinc;
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
  const num = s.targetAllySum[j] - (allied === 0 ? cinc[i] * T : 0);
  const den = totalCinc - cinc[i] - cinc[j];
  z[zb + Z_A] = den > 0 ? Math.min(1, Math.max(0, num / den)) : 0;
  z[zb + Z_CON] = s.con;
  z[zb + Z_ALLY] = allied;
  z[zb + Z_G] = w.proximity[ij];

  // ρ_I = max s_q over q ∋ i, j;  ρ_E = max s_q·shared_q(j) over q ∋ i, q ∌ j. The live
  // institutions of i, in increasing slot order, are the set bits of its membership mask.
  let rhoI = 0;
  let incl = -1;
  let rhoE = 0;
  let excl = -1;
  // i's venues are the institutions where it has a voice (a member, or a status short of it: model
  // §5.11); whether q includes j reads j's full memberships only (a candidate is never a member).
  const words = s.maskWords;
  const stateMask = s.stateMask;
  const voiceMask = s.voiceMask;
  for (let c = 0; c < words; c++) {
    let bits = voiceMask[i * words + c];
    const withJ = stateMask[j * words + c];
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const q = (c << 5) + 31 - Math.clz32(low);
      const sq = w.instStrength[q];
      if ((withJ & low) !== 0) {
        if (incl < 0 || sq > rhoI) { rhoI = sq; incl = q; }
      } else {
        const score = sq * s.shared[q * n + j];
        if (excl < 0 || score > rhoE || (score === rhoE && sq > w.instStrength[excl])) { rhoE = score; excl = q; }
      }
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
  // Each ally of i removes at most one candidate, so the scan matters only when free ≤ allies of i.
  if (free > 0 && w.allyCount[i] > 0 && free <= w.allyCount[i]) {
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
