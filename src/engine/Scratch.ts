import { Z_SIZE } from '../decision/DecisionContext.js';
import { OPTION_COUNT } from '../decision/options.js';
import { DRAWS_PER_TICK } from '../random/StateStreams.js';
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
  threat: Float64Array;
  target: Int32Array;
  tMain: Float64Array;
  z: Float64Array;
  mask: Uint8Array;
  con: number;
  effectivePoles: number;
  poles: number;
  meanThreat: number;
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
  /** Slot list for one state's exclusive clubs (cohesion check). */
  slotList: Int32Array;
  /** Founders of new clubs this tick, and per target the club founded against it (stamped). */
  founders: Int32Array;
  clubStamp: Int32Array;
  /** A reusable list of state indices. */
  memberList: Int32Array;
  alliancesFormed: number;
  clubsFounded: number;
  // restrain
  pressureOut: Float64Array;
  press: Float64Array;
  pressDom: Float64Array;
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
  shareInst: Uint8Array;
  shareInstVersion: number;
  sharePairs: number;
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
}

/** Allocates the scratch buffers for a world. @internal */
export function createScratch(world: World, episodeWindow: number): Scratch {
  const n = world.n;
  const cap = world.instCapacity;
  return {
    cinc: new Float64Array(n),
    threat: new Float64Array(n * n),
    target: new Int32Array(n),
    tMain: new Float64Array(n),
    z: new Float64Array(n * Z_SIZE),
    mask: new Uint8Array(n * OPTION_COUNT),
    con: 0,
    effectivePoles: 0,
    poles: 0,
    meanThreat: 0,
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
    slotList: new Int32Array(cap),
    founders: new Int32Array(n),
    clubStamp: new Int32Array(n).fill(-1),
    memberList: new Int32Array(n),
    alliancesFormed: 0,
    clubsFounded: 0,
    pressureOut: new Float64Array(n),
    press: new Float64Array(n),
    pressDom: new Float64Array(n),
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
    shareInst: new Uint8Array(n * n),
    shareInstVersion: -1,
    sharePairs: 0,
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
  };
}

/** Grows the per-institution scratch buffers after the world's slots grew. @internal */
export function fitInstitutionScratch(s: Scratch, world: World): void {
  const cap = world.instCapacity;
  if (s.instCinc.length >= cap) return;
  const grow = (a: Float64Array, size: number): Float64Array => { const b = new Float64Array(size); b.set(a); return b; };
  s.instCinc = grow(s.instCinc, cap);
  s.instActs = grow(s.instActs, cap);
  s.shared = grow(s.shared, cap * world.n);
  s.slotList = new Int32Array(cap);
}
