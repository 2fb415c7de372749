import { logProcedure, PROC_ADMITTED, PROC_LAPSED } from './applicationPhase.js';
import { STATUS_CANDIDATE, STATUS_NONE, STATUS_SUSPENDED } from './MembershipStatus.js';
import { setStatus } from '../engine/createWorld.js';
import { OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';

const SS = OPTION_INDEX.SS;
const SL = OPTION_INDEX.SL;

/**
 * Accession (model §5.12): once a year (the first tick of each year), every institution decides on
 * each of its candidates by its decision rule, and the candidate is admitted (becomes a member) when
 * the decision passes and it meets the institution's criteria.
 *
 * - Criteria (conditionality): leg_c ≥ strictness_q [D] (note N52).
 * - Votes: every member m votes; m blocks c when c is its main threat and T_mc ≥ T_min (He's
 *   exclusion of the threat; a veto as an instrument), otherwise it votes to admit.
 * - consensus: no block; majority: more than half of the members admit; weighted: the admitting
 *   members hold more than half of the members' capability (cinc).
 * - Veto holders (`vetoMembers`, note N60): a block by a member holding a veto in q is decisive under
 *   any rule; the others' votes count by the rule.
 * - Holds (note N61; off when holdYears = 0): a member that does not block c holds it while it has a
 *   grievance against c — c's most recent soft act of sanctions or legitimacy denial (SS, SL) was
 *   against m within the last holdYears years, or m's affinity with c is negative. A hold is a vote
 *   against c under the rule (decisive for a veto holder), costs m κ_block·leg_m like a block, and
 *   provokes c by ε_block, added to ahat_cm before the update phase relaxes beliefs. It lifts when the
 *   grievance lapses (every yearly vote reads it afresh). Recorded as vote 2 (a hold), not as a block.
 * - A club founded against c never admits it (E9 extended), whatever the votes.
 * - A block is an institutional balancing act of m against c with its own cost and provocation: m's
 *   legitimacy falls by κ_block·leg_m (through `denial`) and c's belief about m rises by ε_block
 *   (through `blockProvocation`), both applied by the update phase, which therefore runs after this one.
 * Records every vote in the scratch (for `explain`) and an `accession` event per decision.
 * Mutates the world (admissions) and the scratch. @internal
 */
export function accessionPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  s.voteCount = 0;
  s.accessions = 0;
  s.accessionBlocks = 0;
  s.blockProvocation.fill(0);
  s.exits = 0;
  s.suspensions = 0;
  s.applicationsLapsed = 0;
  for (let m = 0; m < n; m++) if (s.aggressed[m] === 1) s.lastAggressionTick[m] = ctx.tick;
  for (let c = 0; c < n; c++) {
    const a = s.action[c];
    if ((a === SS || a === SL) && s.target[c] >= 0) { s.lastSoftTick[c] = ctx.tick; s.lastSoftTarget[c] = s.target[c]; }
  }
  if (ctx.tick % w.ticksPerYear !== 0) return;
  // A grievance lasts H_hold years (N61; 0 = no holds), in ticks as the lapse below.
  const grievance = p.holdYears > 0 ? Math.max(1, Math.ceil(p.holdYears * w.ticksPerYear - 1e-9)) : 0;
  exitAndSuspend(ctx);
  // A chosen candidacy lapses, before the vote, L_apply years after the application (N59; 0 = never).
  const lapse = p.applicationLapseYears > 0 ? Math.max(1, Math.ceil(p.applicationLapseYears * w.ticksPerYear - 1e-9)) : Infinity;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0 || w.statusCount[q] === 0) continue;
    const base = q * n;
    for (let c = 0; c < n; c++) {
      if (w.status[base + c] !== STATUS_CANDIDATE) continue;
      const applied = w.appliedTick[base + c];
      if (applied >= 0 && ctx.tick - applied >= lapse) {
        setStatus(w, q, c, STATUS_NONE);
        s.applicationsLapsed++;
        logProcedure(ctx, q, c, PROC_LAPSED);
        ctx.events?.push({ tick: ctx.tick, type: 'application-lapsed', institution: w.instIds[q], state: w.ids[c] });
        continue;
      }
      let members = 0;
      let yes = 0;
      let blocks = 0;
      let holds = 0;
      let vetoes = 0;
      let capAll = 0;
      let capYes = 0;
      for (let m = 0; m < n; m++) {
        if (w.member[base + m] === 0) continue;
        members++;
        capAll += s.cinc[m];
        const block = s.target[m] === c && s.tMain[m] >= p.tMin;
        const hold = !block && grievance > 0 && (
          (s.lastSoftTarget[c] === m && ctx.tick - s.lastSoftTick[c] < grievance) || w.affinity[m * n + c] < 0);
        if (block) {
          blocks++;
          vetoes += w.vetoHolder[base + m];
          s.denial[m] += p.kappaBlock * w.leg[m];
          s.blockProvocation[m] += p.epsBlock;
        } else if (hold) {
          holds++;
          vetoes += w.vetoHolder[base + m];
          s.denial[m] += p.kappaBlock * w.leg[m];
          const k = c * n + m;
          w.ahat[k] = Math.min(1, w.ahat[k] + p.epsBlock);
        } else { yes++; capYes += s.cinc[m]; }
        recordVote(ctx, q, c, m, block ? 1 : hold ? 2 : 0);
      }
      const rule = w.instRule[q];
      const passes = vetoes === 0 && (rule === 'majority' ? yes > members / 2 : rule === 'weighted' ? capYes > capAll / 2 : blocks + holds === 0);
      const criteria = w.leg[c] >= w.instStrictness[q];
      const admitted = passes && criteria && w.instAgainst[q] !== c;
      s.accessionBlocks += blocks;
      if (admitted) { setStatus(w, q, c, 1); s.accessions++; logProcedure(ctx, q, c, PROC_ADMITTED); }
      ctx.events?.push({
        tick: ctx.tick, type: 'accession', institution: w.instIds[q], state: w.ids[c], admitted,
        votes: `${yes} of ${members} admit (${rule}${holds > 0 ? `; ${holds} hold${holds > 1 ? 's' : ''}` : ''}${vetoes > 0 ? `; ${vetoes} veto${vetoes > 1 ? 'es' : ''}` : ''}); criteria ${criteria ? 'met' : 'not met'}`,
      });
    }
  }
}

/**
 * Exit and suspension (model §5.13), yearly, before the accession votes. Decided on the world at the
 * phase's start and applied together:
 * - exit: a member i leaves q when what q gives it, s_q·voice_iq (voice_iq = cinc_i/Σ_{m∈M_q} cinc_m),
 *   is below κ_exit (0, off, by default);
 * - suspension: a member m that aggressed within the last year is suspended when the other members
 *   decide so by q's rule, each voting to suspend when m is its main threat at T ≥ T_min; a veto
 *   holder (note N60) that does not vote to suspend prevents it, and a veto holder is never suspended
 *   (it would veto its own suspension).
 * An institution left with fewer than two members dissolves in the institutions phase (N7).
 */
function exitAndSuspend(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const since = ctx.tick - w.ticksPerYear;
  // The common case costs O(n): exit off and no aggression within the year leave nothing to decide.
  let recent = 0;
  for (let m = 0; m < n; m++) if (s.lastAggressionTick[m] > since) recent++;
  if (!(p.kappaExit > 0) && recent === 0) return;
  const list = s.memberList; // the leavers of one institution, decided on its state at the start and applied together
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    const base = q * n;
    let leaving = 0;
    if (p.kappaExit > 0) {
      let capAll = 0;
      for (let m = 0; m < n; m++) if (w.member[base + m] === 1) capAll += s.cinc[m];
      const sq = w.instStrength[q];
      if (capAll > 0) for (let i = 0; i < n; i++) if (w.member[base + i] === 1 && sq * (s.cinc[i] / capAll) < p.kappaExit) list[leaving++] = i;
    }
    let suspended = -1;
    for (let m = 0; m < n && suspended < 0 && recent > 0; m++) {
      if (w.member[base + m] === 0 || w.vetoHolder[base + m] === 1 || !(s.lastAggressionTick[m] > since)) continue;
      let others = 0;
      let vetoes = 0;
      let yes = 0;
      let capOthers = 0;
      let capYes = 0;
      for (let k = 0; k < n; k++) {
        if (k === m || w.member[base + k] === 0) continue;
        others++;
        capOthers += s.cinc[k];
        if (s.target[k] === m && s.tMain[k] >= p.tMin) { yes++; capYes += s.cinc[k]; } else vetoes += w.vetoHolder[base + k];
      }
      const rule = w.instRule[q];
      const passes = others > 0 && vetoes === 0 && (rule === 'majority' ? yes > others / 2 : rule === 'weighted' ? capYes > capOthers / 2 : yes === others);
      if (passes) suspended = m;
    }
    for (let k = 0; k < leaving; k++) {
      const i = list[k];
      if (i === suspended) continue;
      setStatus(w, q, i, 0);
      s.exits++;
      ctx.events?.push({ tick: ctx.tick, type: 'institution-left', institution: w.instIds[q], state: w.ids[i] });
    }
    if (suspended >= 0) {
      setStatus(w, q, suspended, STATUS_SUSPENDED);
      s.suspensions++;
      ctx.events?.push({ tick: ctx.tick, type: 'institution-status', institution: w.instIds[q], state: w.ids[suspended], status: 'suspended' });
    }
  }
}

function recordVote(ctx: TickContext, q: number, c: number, m: number, vote: number): void {
  const s = ctx.scratch;
  const k = s.voteCount;
  if (k === s.voteInst.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => { const b = new (a.constructor as new (len: number) => T)(2 * a.length + 4); b.set(a); return b; };
    s.voteInst = grow(s.voteInst); s.voteCandidate = grow(s.voteCandidate); s.voteVoter = grow(s.voteVoter); s.voteBlock = grow(s.voteBlock);
  }
  s.voteInst[k] = q; s.voteCandidate[k] = c; s.voteVoter[k] = m; s.voteBlock[k] = vote;
  s.voteCount = k + 1;
}
