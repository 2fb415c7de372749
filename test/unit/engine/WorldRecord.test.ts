import { describe, expect, it } from 'vitest';
import { createScratch, type Scratch } from '../../../src/engine/Scratch.js';
import { ScratchRecord } from '../../../src/engine/ScratchRecord.js';
import { createWorld } from '../../../src/engine/createWorld.js';
import type { World } from '../../../src/engine/World.js';
import { WorldRecord } from '../../../src/engine/WorldRecord.js';
import { resolveScenario, type ScenarioInput } from '../../../src/index.js';

// Every field of World and Scratch, checked against the interfaces by the compiler (`satisfies`:
// a missing or unknown key does not compile), so that the records' constructors are checked at run time.
const worldFields = {
  n: true, ids: true, names: true, inputIndex: true, idHash: true, major: true, mil: true, eco: true,
  pop: true, growthMil: true, growthEco: true, growthPop: true, capabilityExponent: true, floorMil: true,
  floorEco: true, floorPop: true, off: true, nuc: true, rev: true, ideo: true, leg: true, legBase: true,
  dom: true, proximity: true, ahat: true, affinity: true, affinitySeed: true, trade: true, tradeBase: true, ally: true, ent: true,
  entPairs: true, allyCount: true, allies: true, allianceCount: true, allianceVersion: true,
  tradePairs: true, instCapacity: true, instSlots: true, instAlive: true, instIds: true, instNames: true,
  instKind: true, instRule: true, instStrictness: true, instStrength: true, instBase: true,
  instAgainst: true, member: true, memberCount: true, instFree: true, membershipVersion: true, lambda: true,
  nu: true, theta: true, lastMajorWar: true, publicGoods: true, tick: true, startYear: true,
  ticksPerYear: true, parameterVersion: true, formedPairs: true, formedTarget: true, formedFaded: true,
  inputEnds: true, status: true, statusCount: true, appliedTick: true, vetoHolder: true,
} satisfies Record<keyof World, true>;
const scratchFields = {
  cinc: true, threat: true, threatStored: true, offOpen: true, offNuc: true, threatWP: true, threatWG: true, threatAffinity: true,
  target: true, tMain: true, z: true, mask: true, con: true, effectivePoles: true, poles: true,
  meanThreat: true, totalCinc: true, targetAllySum: true, targetFreeCount: true, targetStamp: true, stamp: true, shared: true,
  instCinc: true, exclusiveVenue: true, inclusiveVenue: true, util: true, prob: true, action: true,
  draws: true, actionCounts: true, dMil: true, dEco: true, dPop: true, partner: true, venueUsed: true,
  instActs: true, exclusiveMask: true, founders: true, clubStamp: true, memberList: true,
  alliancesFormed: true, clubsFounded: true, entStart: true, entAdjacent: true, pressureOut: true,
  press: true, pressDom: true, pressRing: true, pressDomRing: true, lastPressTick: true,
  lastPressTarget: true, lastAllyTick: true, lastAllyTarget: true, lastFoundTick: true,
  lastFoundTarget: true, denial: true, accommodation: true, restraint: true, omega: true, conditions: true,
  allyCap: true, aggressed: true, victim: true, aggressions: true, majorWars: true, instMembers: true,
  stateMask: true, maskWords: true, membershipIndexVersion: true, sharePairs: true, sharePairsVersion: true,
  entPartners: true, beliefsPending: true, pendingKeep: true, pendingMask: true, pendingWords: true,
  pendingAllShare: true, obsPlain: true, obsReassured: true, cincRing: true, cincRingFirst: true, cincRingLast: true, cincPast: true, threatWShift: true,
  armEvidence: true, armList: true, armCount: true, armSaved: true, obsRow: true, zeroRow: true, affinityRow: true, patchIndex: true,
  patchValue: true, patchCount: true, patchStart: true, patchRowIndex: true, patchRowValue: true,
  targetColumns: true, targetThreat: true, partnerTop: true, partnerTopCount: true, partnerTopVersion: true,
  guessTargets: true, guessSlot: true, guessCount: true, guessColumns: true, guessStamp: true,
  targetSlot: true, targetCount: true, dissolved: true, provocation: true, rivalA: true, rivalB: true,
  gateMAD: true, gateIdeo: true, institutionalActs: true, alliancesInForce: true, ententes: true,
  inclusiveMemberships: true, exclusiveMemberships: true, meanLegitimacy: true, meanRestraint: true,
  meanOmega: true, episodeRing: true, episodeTarget: true, softEpisodes: true, friction: true,
  voiceMask: true, voteInst: true, voteCandidate: true, voteVoter: true, voteBlock: true, voteCount: true, accessions: true, accessionBlocks: true,
  applications: true, instFoundTick: true, applicationsLapsed: true, procInst: true, procState: true, procKind: true, procCount: true,
  lastAggressionTick: true, lastSoftTick: true, lastSoftTarget: true, exits: true, suspensions: true, blockProvocation: true, frictionSoft: true, frictionInstitutional: true, dualInclTick: true, dualExclTick: true,
  dualInclVenue: true, dualExclVenue: true, dualVenueIds: true, dualVenueIndex: true, obsInside: true, obsOutside: true, obsOutsideCount: true, dualActive: true, dualActiveCount: true, dualListed: true, dualTrackPairs: true, dualPairs: true,
  gpCount: true, gpStates: true, gpSlot: true, gpVersion: true, gpThreat: true, gpInclusive: true, gpExclusive: true,
  gpPositionsMembership: true, gpPositionsVersion: true,
} satisfies Record<keyof Scratch, true>;

const scenario: ScenarioInput = {
  meta: { id: 'records' },
  states: [
    { id: 'A', capabilities: { mil: 3, eco: 1, pop: 4 }, ideology: 0.4 },
    { id: 'B', capabilities: { mil: 2, eco: 3, pop: 1 } },
  ],
  dyads: [{ between: ['A', 'B'], trade: 0.2, alliance: true, entente: 0.3 }],
  institutions: [{ id: 'Q', members: ['A', 'B'] }],
};

describe('WorldRecord and ScratchRecord', () => {
  it('a world is a WorldRecord with every field of World, each the value it was built from', () => {
    const w = createWorld(resolveScenario(scenario));
    expect(w).toBeInstanceOf(WorldRecord);
    expect(Object.keys(w).sort()).toEqual(Object.keys(worldFields).sort());
    const copy = new WorldRecord(w);
    for (const k of Object.keys(worldFields) as (keyof World)[]) expect(copy[k], k).toBe(w[k]);
  });

  it('a scratch is a ScratchRecord with every field of Scratch, each the value it was built from', () => {
    const s = createScratch(createWorld(resolveScenario(scenario)), 8);
    expect(s).toBeInstanceOf(ScratchRecord);
    expect(Object.keys(s).sort()).toEqual(Object.keys(scratchFields).sort());
    const copy = new ScratchRecord(s);
    for (const k of Object.keys(scratchFields) as (keyof Scratch)[]) expect(copy[k], k).toBe(s[k]);
  });
});
