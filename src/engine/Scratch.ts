import { Z_SIZE } from '../decision/DecisionContext.js';
import { OPTION_COUNT } from '../decision/options.js';
import { DRAWS_PER_TICK } from '../random/StateStreams.js';
import { ScratchRecord } from './ScratchRecord.js';
import { matrixCapacity, matrixOver, newMatrix, type SquareMatrix } from './remapMatrix.js';
import type { World } from './World.js';

/**
 * Per-tick working memory, allocated once per simulation and reused every tick, so the tick loop
 * allocates nothing (issue "simulation core": double-buffered, no allocation per tick). Phases read
 * the world as it was at the start of their phase and write into these buffers; the buffered
 * deltas are applied once at the phase's end, so no state's update depends on the order in which
 * states are visited (THEORY §5.8).
 * @internal
 */
export interface Scratch {
  // perceive
  cinc: Float64Array;
  /**
   * T_ij, row-major n×n, when {@link threatStored} is true. The engine's fused Walt path (see
   * `TickContext.fused`) does not store the matrix: it starts empty and is filled on demand
   * (`materializeThreat`) for explanations, `Engine.internals` and before world changes.
   */
  threat: Float64Array;
  /** Whether `threat` holds this tick's T_ij (false on the fused path until materialised). */
  threatStored: boolean;
  /** Per target j, w_O·off_j·(1 − θ) (non-nuclear observer) and w_O·off_j·(1 − θ_ij) for a nuclear observer (MAD when j is nuclear). */
  offOpen: Float64Array;
  offNuc: Float64Array;
  /** w_P and w_G of this tick's threat computation (the fused path recomputes single entries with them). */
  threatWP: number;
  threatWG: number;
  /** κ_a of this tick's threat computation (model note N54; read only when affinity is on). */
  threatAffinity: number;
  target: Int32Array;
  tMain: Float64Array;
  z: Float64Array;
  mask: Uint8Array;
  con: number;
  effectivePoles: number;
  poles: number;
  meanThreat: number;
  /** Σ_i cinc_i of this tick (perceive phase; the ally availability A of every state's context). */
  totalCinc: number;
  /** Σ_{k≠j, ally_kj=0} cinc_k·T_kj per target j (valid when targetStamp[j] === stamp). */
  targetAllySum: Float64Array;
  /** #{k ≠ j : ally_kj = 0} per target j. */
  targetFreeCount: Int32Array;
  targetStamp: Int32Array;
  stamp: number;
  /** shared_q(j) per (slot q, target j), row-major by q; valid when targetStamp[j] === stamp. */
  shared: Float64Array;
  /** Σ_{m∈M_q} cinc_m per slot. */
  instCinc: Float64Array;
  /** Best exclusive venue of i against its target (−1 when none: IE would found a club). */
  exclusiveVenue: Int32Array;
  /** Best inclusive venue (−1 when none). */
  inclusiveVenue: Int32Array;
  // decide
  util: Float64Array;
  prob: Float64Array;
  action: Int8Array;
  draws: Float64Array;
  actionCounts: Float64Array;
  // act, align
  dMil: Float64Array;
  dEco: Float64Array;
  dPop: Float64Array;
  partner: Int32Array;
  /** Slot of the institution an II/IE act used (−1 none). */
  venueUsed: Int32Array;
  instActs: Float64Array;
  /** The tick at which each slot's club was founded in the run, −1 otherwise (its `shared` column is not prepared that tick). */
  instFoundTick: Int32Array;
  /** One state's institutions excluding its target, as a bit mask (cohesion check). */
  exclusiveMask: Uint32Array;
  /** Founders of new clubs this tick, and per target the club founded against it (stamped). */
  founders: Int32Array;
  clubStamp: Int32Array;
  /** A reusable list of state indices. */
  memberList: Int32Array;
  alliancesFormed: number;
  clubsFounded: number;
  // restrain
  /** Each state m's entente partners at or above entMin: entAdjacent[entStart[m] … entStart[m + 1]). */
  entStart: Int32Array;
  entAdjacent: Int32Array;
  pressureOut: Float64Array;
  press: Float64Array;
  pressDom: Float64Array;
  /**
   * The pressure on each target from the acts of each of the last ticksPerYear ticks
   * (`pressRing[slot * n + j]`, slot = tick mod ticksPerYear), and its dom-weighted twin: an act's
   * pressure stays in force for one year (model note N28), and Press_j sums the ring.
   */
  pressRing: Float64Array;
  pressDomRing: Float64Array;
  /** The last tick each state took a soft or institutional act, and its target then (coordination bonus, N28). */
  lastPressTick: Float64Array;
  lastPressTarget: Int32Array;
  /** The last tick each state chose HE, and its target then (a mutual alliance within the year, N28). */
  lastAllyTick: Float64Array;
  lastAllyTarget: Int32Array;
  /** The last tick each state chose IE with no venue (a founding attempt), and its target then (co-founders within the year, N28). */
  lastFoundTick: Float64Array;
  lastFoundTarget: Int32Array;
  denial: Float64Array;
  accommodation: Float64Array;
  restraint: Float64Array;
  omega: Float64Array;
  conditions: Float64Array;
  // aggress
  allyCap: Float64Array;
  aggressed: Uint8Array;
  victim: Int32Array;
  aggressions: number;
  majorWars: number;
  // institutions cache
  /** Member lists per slot: instMembers[q * n + k], k < memberCount[q] (see refreshMembershipIndex). */
  instMembers: Int32Array;
  /**
   * Each state's institutions in which it has a voice (member or a status short of it, model
   * §5.11), as a bit mask like `stateMask`; equal to it when nobody holds such a status.
   */
  voiceMask: Uint32Array;
  /** Each state's live institutions as a bit mask of maskWords 32-bit words. */
  stateMask: Uint32Array;
  maskWords: number;
  membershipIndexVersion: number;
  /** Share of state pairs sharing at least one live institution (sharedPairShare), for membershipVersion sharePairsVersion. */
  sharePairs: number;
  sharePairsVersion: number;
  /** Per state: entente partners at or above entMin (counted in the update phase). */
  entPartners: Int32Array;
  /**
   * The belief update of THEORY §5.7 as computed by the update phase and applied by
   * `applyPendingBeliefs` (at once, or — on the fused path — row by row in the next perceive phase):
   * every entry relaxes as ahat ← clip((1 − η_b)·ahat + η_b·obs, 0, 1), with obs_j taken from
   * `obsPlain`/`obsReassured` by whether the two states' institution masks (`pendingMask`, a copy
   * taken at the update) intersect; the entries that differ (provocation, bandwagoning, escalation,
   * aggressors' columns) are listed in `patchIndex`/`patchValue` with their final values.
   */
  beliefsPending: boolean;
  pendingKeep: number;
  pendingMask: Uint32Array;
  pendingWords: number;
  /** Whether some institution had every state as a member at the update (then every pair shares one). */
  pendingAllShare: boolean;
  /** η_b·obs_j without and with reassurance, per target j. */
  obsPlain: Float64Array;
  obsReassured: Float64Array;
  /** Yearly cinc shares, shiftWindow + 1 years of n (a ring; N32), the first and last year recorded, and the shares W years ago. */
  cincRing: Float64Array;
  cincRingFirst: number;
  cincRingLast: number;
  cincPast: Float64Array;
  /** w_Δ of the tick (N32), beside threatWP/threatWG. */
  threatWShift: number;
  /**
   * Per actor j: ε_arm when j armed (HI) this tick, else 0; the bulk adds armEvidence[j]·G_mj to
   * ahat_mj (N31). `armList[0 … armCount)` are the states that armed, so that the fused pass adds the
   * term for those columns only (few states arm in a tick).
   */
  armEvidence: Float64Array;
  armList: Int32Array;
  armCount: number;
  /** The fused pass's saved observations of the armed columns (when it raises them in place). */
  armSaved: Float64Array;
  /** The fused pass's η_b·obs_ij of the row in hand (written per row), and a row of zeros (the identity update). */
  obsRow: Float64Array;
  zeroRow: Float64Array;
  /**
   * The affinity factor of the row being perceived, 1 − κ_a·max(0, a_ij) per j (model note N54); all 1
   * (and never rewritten) when affinity is off, so that T_ij·1 is T_ij bit for bit.
   */
  affinityRow: Float64Array;
  /** Entries (m·n + j) whose update differs from the plain relaxation, and their new values (grown as needed). */
  patchIndex: Int32Array;
  patchValue: Float64Array;
  patchCount: number;
  /** The patches bucketed by row m (counting sort): row m's are patchRow… from patchStart[m] to patchStart[m + 1]. */
  patchStart: Int32Array;
  patchRowIndex: Int32Array;
  patchRowValue: Float64Array;
  /** Per distinct target j of the tick, the column cinc_k·T_kj over k (contiguous), in slots. */
  targetColumns: Float64Array;
  /** The same slots holding T_kj itself (alliance consent, club invitations). */
  targetThreat: Float64Array;
  /**
   * Per target slot, the PARTNER_TOP best partner candidates against it (k ≠ j, not allied with j)
   * by cinc_k·T_kj, best first (ties: lower index first), `partnerTopCount[slot]` of them; valid
   * while the alliances are as they were at the perceive phase (`partnerTopVersion`).
   */
  partnerTop: Int32Array;
  partnerTopCount: Int32Array;
  partnerTopVersion: number;
  /**
   * Fused path: last tick's distinct targets (`guessTargets`, `guessCount` of them; `guessSlot[j]`
   * their position, −1 for others), whose columns T_·j the next row pass collects into
   * `guessColumns` (valid while `guessStamp === stamp`).
   */
  guessTargets: Int32Array;
  guessSlot: Int32Array;
  guessCount: number;
  guessColumns: Float64Array;
  guessStamp: number;
  targetSlot: Int32Array;
  targetCount: number;
  dissolved: number;
  // update
  provocation: Float64Array;
  rivalA: number;
  rivalB: number;
  gateMAD: number;
  gateIdeo: number;
  institutionalActs: number;
  alliancesInForce: number;
  ententes: number;
  // record
  inclusiveMemberships: number;
  exclusiveMemberships: number;
  meanLegitimacy: number;
  meanRestraint: number;
  meanOmega: number;
  episodeRing: Int32Array;
  episodeTarget: Int32Array;
  softEpisodes: number;
  friction: number;
  /** Accession votes of the tick (model §5.12): institution slot, candidate, voter, and the vote: 0 admit, 1 block, 2 hold (note N61). */
  voteInst: Int32Array;
  voteCandidate: Int32Array;
  voteVoter: Int32Array;
  voteBlock: Uint8Array;
  voteCount: number;
  /** Candidates admitted and blocks cast in the tick. */
  accessions: number;
  accessionBlocks: number;
  /** Applications the states chose in the tick and chosen candidacies that lapsed (model §5.12, note N59). */
  applications: number;
  applicationsLapsed: number;
  /**
   * The tick's procedure log for the record (model §5.12): institution slot, state and kind (0 applied,
   * 1 admitted, 2 lapsed), `procCount` entries; blocks are in the votes. Grows when full (rare).
   */
  procInst: Int32Array;
  procState: Int32Array;
  procKind: Uint8Array;
  procCount: number;
  /** The last tick in which each state aggressed (suspension, model §5.13). */
  lastAggressionTick: Float64Array;
  /** The last tick each state took a soft act of sanctions or legitimacy denial (SS, SL), and its target then: grievances for holds (model §5.12, note N61). */
  lastSoftTick: Float64Array;
  lastSoftTarget: Int32Array;
  /** Members that left and members suspended in the tick. */
  exits: number;
  suspensions: number;
  /** Provocation of its main threat by each state's blocks in the tick (ε_block per block). */
  blockProvocation: Float64Array;
  /** Friction acts of the tick by family (soft, institutional); they sum to {@link friction}. */
  frictionSoft: number;
  frictionInstitutional: number;
  /**
   * Dual track (model §5.9): per pair (i, g), row-major n×n, the last tick in which i took a
   * balancing (non-friction) institutional act against g through a venue that included g
   * (`dualInclTick`) or excluded it (`dualExclTick`), −Infinity when none; and that venue's id as
   * an index into {@link dualVenueIds} (0: none). Only great powers g are recorded.
   */
  dualInclTick: Float64Array;
  dualExclTick: Float64Array;
  dualInclVenue: Int32Array;
  dualExclVenue: Int32Array;
  /** The ids of the venues dual-track acts used, by index (`dualVenueIds[0]` is '', none); resolved only for the record. */
  dualVenueIds: string[];
  /** Index of each id in {@link dualVenueIds}. */
  dualVenueIndex: Map<string, number>;
  /**
   * The fused pass's observations for the rows of the members of one large institution (at the
   * update): η_b·obs_ij with reassurance for every fellow member j (they share it), the others
   * written per row; `obsOutside` lists the states outside it, `obsOutsideCount` of them.
   */
  obsInside: Float64Array;
  obsOutside: Int32Array;
  obsOutsideCount: number;
  /** The pairs (i·n + g) with an inclusive or exclusive act in the window: dualActive[0 … dualActiveCount). */
  dualActive: Int32Array;
  dualActiveCount: number;
  /** Whether a pair is in the active list. */
  dualListed: Uint8Array;
  /** Pairs (i, g) dual-track after the tick; their pair indices are dualPairs[0 … dualTrackPairs). */
  dualTrackPairs: number;
  dualPairs: Int32Array;
  /**
   * More than one great power in view (model §5.2, note N57): the great powers of the tick (COW
   * `major` at the perceive phase), `gpCount` of them in canonical order in `gpStates`; `gpSlot[j]`
   * is j's position among them, −1 for a state that is not one.
   */
  gpCount: number;
  gpStates: Int32Array;
  gpSlot: Int32Array;
  /** Bumped whenever the list of great powers changes (caches key on it). */
  gpVersion: number;
  /**
   * T_ig of every state i toward every great power g of the tick, row-major n × gpCount
   * (`gpThreat[i * gpCount + g]`, 0 on the diagonal), written once per tick by the perceive phase
   * from the tick's own threat arithmetic. Sized for the most great powers seen so far (grown, rarely,
   * when the data make more states great powers).
   */
  gpThreat: Float64Array;
  /**
   * Institutional positions per great power (model §5.9, N57), n × gpCount like `gpThreat`, written
   * by the record phase: how many live institutions of which i is a member include g (g a member)
   * and how many exclude it.
   */
  gpInclusive: Int32Array;
  gpExclusive: Int32Array;
  /** The membershipVersion and gpVersion the positions were counted at (−1: never). */
  gpPositionsMembership: number;
  gpPositionsVersion: number;
}

/** How many of the best partner candidates against each target the perceive phase lists. @internal */
export const PARTNER_TOP = 16;

/**
 * Allocates the scratch buffers for a world. `entMin` seeds the entente-partner counts (omitted:
 * every positive entente counts, which only makes the restraint phase look at more partners).
 * With `previous` (the scratch of the world before, when states enter or leave: model note N43)
 * its n×n buffers are reused (views over them, reset; `previous` must not be read afterwards) and
 * its venue ids carried over; otherwise they are sized like the world's matrices (remapMatrix).
 * @internal
 */
export function createScratch(
  world: World, episodeWindow: number /* in ticks: TickRates.episodeTicks */, entMin = 0, threatMatrix = true, previous?: Scratch,
): Scratch {
  const n = world.n;
  const cap = world.instCapacity;
  // Counted over the listed pairs (every pair with ent > 0, i < j; ent is symmetric), not an n² scan.
  const entPartners = new Int32Array(n);
  let majors = 0;
  for (let i = 0; i < n; i++) majors += world.major[i];
  for (const key of world.entPairs) {
    if (world.ent[key] < entMin) continue;
    const i = (key / n) | 0;
    entPartners[i]++;
    entPartners[key - i * n]++;
  }
  const capacity = matrixCapacity(world.ahat);
  // An n×n buffer, reused from `previous` and reset to `fill`, or new; `fill` null for the lists
  // (dualActive, dualPairs) and the venues, read only below their counts or for pairs whose ticks
  // (reset) were written with them.
  const square = <T extends SquareMatrix>(kind: { new (length: number): T; new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; readonly BYTES_PER_ELEMENT: number },
    reuse: T | undefined, fill: number | null): T => {
    const m = reuse !== undefined ? matrixOver(reuse, n, capacity) : newMatrix(kind, n, capacity);
    if (fill !== null && (reuse !== undefined || fill !== 0)) m.fill(fill);
    return m;
  };
  // A class instance, not this literal: see WorldRecord (a literal's second run deoptimises the phases).
  return new ScratchRecord({
    cinc: new Float64Array(n),
    threat: threatMatrix ? square(Float64Array, previous?.threat.length === 0 ? undefined : previous?.threat, 0) : new Float64Array(0),
    threatStored: false,
    offOpen: new Float64Array(n),
    offNuc: new Float64Array(n),
    threatWP: 0,
    threatWG: 0,
    threatAffinity: 0,
    target: new Int32Array(n),
    tMain: new Float64Array(n),
    z: new Float64Array(n * Z_SIZE),
    mask: new Uint8Array(n * OPTION_COUNT),
    con: 0,
    effectivePoles: 0,
    poles: 0,
    meanThreat: 0,
    totalCinc: 0,
    targetAllySum: new Float64Array(n),
    targetFreeCount: new Int32Array(n),
    targetStamp: new Int32Array(n).fill(-1),
    stamp: 0,
    shared: new Float64Array(cap * n),
    instCinc: new Float64Array(cap),
    exclusiveVenue: new Int32Array(n),
    inclusiveVenue: new Int32Array(n),
    util: new Float64Array(n * OPTION_COUNT),
    prob: new Float64Array(n * OPTION_COUNT),
    action: new Int8Array(n),
    draws: new Float64Array(n * DRAWS_PER_TICK),
    actionCounts: new Float64Array(OPTION_COUNT),
    dMil: new Float64Array(n),
    dEco: new Float64Array(n),
    dPop: new Float64Array(n),
    partner: new Int32Array(n),
    venueUsed: new Int32Array(n),
    instActs: new Float64Array(cap),
    instFoundTick: new Int32Array(cap).fill(-1),
    exclusiveMask: new Uint32Array(Math.ceil(cap / 32) + 1),
    founders: new Int32Array(n),
    clubStamp: new Int32Array(n).fill(-1),
    memberList: new Int32Array(n),
    alliancesFormed: 0,
    clubsFounded: 0,
    entStart: new Int32Array(n + 1),
    entAdjacent: new Int32Array(2 * n),
    pressureOut: new Float64Array(n),
    press: new Float64Array(n),
    pressDom: new Float64Array(n),
    pressRing: new Float64Array(n * world.ticksPerYear),
    pressDomRing: new Float64Array(n * world.ticksPerYear),
    lastPressTick: new Float64Array(n).fill(-Infinity),
    lastPressTarget: new Int32Array(n).fill(-1),
    lastAllyTick: new Float64Array(n).fill(-Infinity),
    lastAllyTarget: new Int32Array(n).fill(-1),
    lastFoundTick: new Float64Array(n).fill(-Infinity),
    lastFoundTarget: new Int32Array(n).fill(-1),
    denial: new Float64Array(n),
    accommodation: new Float64Array(n),
    restraint: new Float64Array(n),
    omega: new Float64Array(n),
    conditions: new Float64Array(7),
    allyCap: new Float64Array(n),
    aggressed: new Uint8Array(n),
    victim: new Int32Array(n),
    aggressions: 0,
    majorWars: 0,
    instMembers: new Int32Array(cap * n),
    stateMask: new Uint32Array(n),
    voiceMask: new Uint32Array(n),
    maskWords: 1,
    membershipIndexVersion: -1,
    // NaN (not computed yet, sharePairsVersion −1): a heap number, so V8 holds the field as a double
    // from the start; a small-integer 0 here was generalised the first time a share fell below 1
    // (a state entering, N43), deoptimising every phase compiled against the scratch map.
    sharePairs: Number.NaN,
    sharePairsVersion: -1,
    entPartners,
    beliefsPending: false,
    pendingKeep: 1,
    pendingMask: new Uint32Array(n),
    pendingWords: 1,
    pendingAllShare: false,
    obsPlain: new Float64Array(n),
    obsReassured: new Float64Array(n),
    cincRing: new Float64Array(0),
    cincRingFirst: 0,
    cincRingLast: -1,
    cincPast: new Float64Array(n),
    threatWShift: 0,
    armEvidence: new Float64Array(n),
    armList: new Int32Array(n),
    armCount: 0,
    armSaved: new Float64Array(n),
    obsRow: new Float64Array(n),
    zeroRow: new Float64Array(n),
    affinityRow: new Float64Array(n).fill(1),
    patchIndex: new Int32Array(2 * n + 2),
    patchValue: new Float64Array(2 * n + 2),
    patchCount: 0,
    patchStart: new Int32Array(n + 1),
    patchRowIndex: new Int32Array(2 * n + 2),
    patchRowValue: new Float64Array(2 * n + 2),
    targetColumns: new Float64Array(n * 4),
    targetThreat: new Float64Array(n * 4),
    partnerTop: new Int32Array(4 * PARTNER_TOP),
    partnerTopCount: new Int32Array(n),
    partnerTopVersion: -1,
    guessTargets: new Int32Array(n),
    guessSlot: new Int32Array(n).fill(-1),
    guessCount: 0,
    guessColumns: new Float64Array(0),
    guessStamp: -1,
    targetSlot: new Int32Array(n),
    targetCount: 0,
    dissolved: 0,
    provocation: new Float64Array(n),
    rivalA: -1,
    rivalB: -1,
    gateMAD: 0,
    gateIdeo: 0,
    institutionalActs: 0,
    alliancesInForce: 0,
    ententes: 0,
    inclusiveMemberships: 0,
    exclusiveMemberships: 0,
    meanLegitimacy: 0,
    meanRestraint: 0,
    meanOmega: 0,
    episodeRing: new Int32Array(n * episodeWindow).fill(-1),
    episodeTarget: new Int32Array(n).fill(-1),
    softEpisodes: 0,
    friction: 0,
    voteInst: new Int32Array(n),
    voteCandidate: new Int32Array(n),
    voteVoter: new Int32Array(n),
    voteBlock: new Uint8Array(n),
    voteCount: 0,
    accessions: 0,
    accessionBlocks: 0,
    applications: 0,
    applicationsLapsed: 0,
    procInst: new Int32Array(n),
    procState: new Int32Array(n),
    procKind: new Uint8Array(n),
    procCount: 0,
    blockProvocation: new Float64Array(n),
    lastAggressionTick: new Float64Array(n).fill(-Infinity),
    lastSoftTick: new Float64Array(n).fill(-Infinity),
    lastSoftTarget: new Int32Array(n).fill(-1),
    exits: 0,
    suspensions: 0,
    frictionSoft: 0,
    frictionInstitutional: 0,
    dualInclTick: square(Float64Array, previous?.dualInclTick, -Infinity),
    dualExclTick: square(Float64Array, previous?.dualExclTick, -Infinity),
    dualInclVenue: square(Int32Array, previous?.dualInclVenue, null),
    dualExclVenue: square(Int32Array, previous?.dualExclVenue, null),
    dualVenueIds: previous?.dualVenueIds ?? [''],
    dualVenueIndex: previous?.dualVenueIndex ?? new Map([['', 0]]),
    obsInside: new Float64Array(n),
    obsOutside: new Int32Array(n),
    obsOutsideCount: 0,
    dualActive: square(Int32Array, previous?.dualActive, null),
    dualActiveCount: 0,
    dualListed: square(Uint8Array, previous?.dualListed, 0),
    dualTrackPairs: 0,
    dualPairs: square(Int32Array, previous?.dualPairs, null),
    gpCount: 0,
    gpStates: new Int32Array(n),
    gpSlot: new Int32Array(n).fill(-1),
    gpVersion: 0,
    gpThreat: new Float64Array(n * majors),
    gpInclusive: new Int32Array(n * majors),
    gpExclusive: new Int32Array(n * majors),
    gpPositionsMembership: -1,
    gpPositionsVersion: -1,
  });
}

/** Grows the per-institution scratch buffers after the world's slots grew. @internal */
export function fitInstitutionScratch(s: Scratch, world: World): void {
  const cap = world.instCapacity;
  if (s.instCinc.length >= cap) return;
  const grow = (a: Float64Array, size: number): Float64Array => { const b = new Float64Array(size); b.set(a); return b; };
  s.instCinc = grow(s.instCinc, cap);
  s.instActs = grow(s.instActs, cap);
  const found = new Int32Array(cap).fill(-1);
  found.set(s.instFoundTick);
  s.instFoundTick = found;
  s.shared = grow(s.shared, cap * world.n);
  s.exclusiveMask = new Uint32Array(Math.ceil(cap / 32) + 1);
}
