import { FAMILIES, OPTIONS, type Family, type FamilyRecord, type OptionRecord } from '../decision/options.js';
import type { SimulationResult } from '../engine/runSimulation.js';

/** The strategy family chosen most often in one period of a run. */
export interface PeriodSummary {
  /** First tick and year of the period. */
  fromTick: number;
  fromYear: number;
  /** Last tick and year of the period. */
  toTick: number;
  toYear: number;
  /** The family with the most actions (ties: first in FAMILIES order). */
  dominantFamily: Family;
  /** Each family's share of the period's actions. */
  familyShares: FamilyRecord;
}

/**
 * One state's dual track toward one great power over a run (model §5.9): the ticks in which it ran
 * one, and the venues of its balancing acts on each track, by the ticks each was the last used.
 */
export interface DualTrackSummary {
  /** The great power (id). */
  power: string;
  /** The state (id). */
  state: string;
  /** Ticks in which the state ran a dual track toward the power. */
  ticks: number;
  /** Inclusive venues (institution id → dual-track ticks in which it was the last inclusive venue). */
  inclusive: Record<string, number>;
  /** Exclusive venues, likewise. */
  exclusive: Record<string, number>;
}

/**
 * One state's position toward one great power over a run (model §5.2 and §5.9, note N57): the
 * threat it perceived from the power, how often the power was its main threat, and its
 * institutions on each side of the power.
 */
export interface GreatPowerSummary {
  /** The great power (id). */
  power: string;
  /** The state (id). */
  state: string;
  /** Ticks in which both were in the system and the power was a great power. */
  ticks: number;
  /** Mean and largest T_ig over those ticks. */
  meanThreat: number;
  maxThreat: number;
  /** Ticks in which the power was the state's main threat. */
  mainThreatTicks: number;
  /** Institutions that include the power, of which the state was a full member (institution id → ticks). */
  inclusive: Record<string, number>;
  /** Institutions that exclude the power, of which the state was a full member (institution id → ticks). */
  exclusive: Record<string, number>;
}

/** One state's accession procedures over a run (model §5.12, note N59). */
export interface StateProcedureSummary {
  /** The state (id). */
  state: string;
  /** Applications it chose. */
  applications: number;
  /** Times it was admitted (a candidate, chosen or given). */
  admitted: number;
  /** Its chosen candidacies that lapsed. */
  lapsed: number;
  /** Blocks it cast as a member. */
  blocksCast: number;
  /** Blocks it received as a candidate. */
  blocksReceived: number;
}

/** One institution's accession procedures over a run (model §5.12, note N59). */
export interface InstitutionProcedureSummary {
  /** The institution (id). */
  institution: string;
  /** Applications it received (chosen by the states). */
  applications: number;
  /** Candidates it admitted. */
  admitted: number;
  /** Chosen candidacies to it that lapsed. */
  lapsed: number;
  /** Blocks its members cast. */
  blocks: number;
}

/** A compact summary of one run: what the CLI prints and what golden files pin. */
export interface RunSummary {
  scenarioId: string;
  seed: number | string;
  ticks: number;
  firstYear: number;
  lastYear: number;
  /** Share of all actions of the run taken by each option. */
  actionShares: OptionRecord;
  /** Share of all actions of the run in each family (friction included: every act). */
  familyShares: FamilyRecord;
  /**
   * Share of the run's acts in each family with friction taken out (model §5.9): soft and
   * institutional count only balancing acts, and the shares are over all acts but friction.
   */
  balancingShares: FamilyRecord;
  /** Friction acts of the run by family (soft, institutional), beside the families. */
  friction: { soft: number; institutional: number };
  /** Friction acts over all acts of the run. */
  frictionShare: number;
  /** Sum over ticks of the (state, great power) pairs running a dual track (pair-ticks). */
  dualTrackPairTicks: number;
  /** Per (great power, state), sorted by power then state id: who ran a dual track toward whom, and through which venues. */
  dualTrack: DualTrackSummary[];
  /** Per (great power, state), sorted by power then state id: the threat from each great power and the institutions on each side of it (note N57). */
  greatPowers: GreatPowerSummary[];
  /** Applications the states chose over the run (model §5.12, note N59). */
  applications: number;
  /** Blocks cast in accession votes over the run. */
  blocks: number;
  /** Candidates admitted over the run. */
  accessions: number;
  /** Chosen candidacies that lapsed over the run. */
  applicationsLapsed: number;
  /** Per state with any procedure, sorted by id: applications, admissions, lapses, blocks cast and received. */
  proceduresByState: StateProcedureSummary[];
  /** Per institution with any procedure, sorted by id: applications received, admissions, lapses, blocks cast in it. */
  proceduresByInstitution: InstitutionProcedureSummary[];
  /** The run cut into (at most) `periods` equal periods, each with its dominant family. */
  periods: PeriodSummary[];
  meanCon: number;
  finalCon: number;
  meanThreat: number;
  alliancesFormed: number;
  finalAlliances: number;
  clubsFounded: number;
  institutionsDissolved: number;
  finalInstitutions: number;
  aggressions: number;
  majorWars: number;
  /** Sum over ticks of states in a soft-balancing episode (state-ticks). */
  softEpisodeStateTicks: number;
  /** Episodes begun (from the events; 0 when events were not collected). */
  softEpisodesBegun: number;
  finalMeanLegitimacy: number;
  publicGoods: number;
  /** Final CINC share of each state, in the scenario's order. */
  finalShares: Record<string, number>;
}

/**
 * Summarises a run: action and family shares, the dominant family per period, and totals.
 * Pure; the result is plain data (JSON-ready).
 */
export function summarizeRun(result: SimulationResult, periods = 10): RunSummary {
  const records = result.records;
  const zeroOptions = (): OptionRecord => Object.fromEntries(OPTIONS.map((o) => [o, 0])) as OptionRecord;
  const zeroFamilies = (): FamilyRecord => Object.fromEntries(FAMILIES.map((f) => [f, 0])) as FamilyRecord;
  const actions = zeroOptions();
  const families = zeroFamilies();
  const balancing = zeroFamilies();
  let frictionSoft = 0;
  let frictionInstitutional = 0;
  let dualPairTicks = 0;
  const dual = new Map<string, DualTrackSummary>();
  const powers = new Map<string, GreatPowerSummary>();
  let con = 0;
  let threat = 0;
  let alliancesFormed = 0;
  let clubs = 0;
  let dissolved = 0;
  let aggressions = 0;
  let majorWars = 0;
  let episodes = 0;
  let applications = 0;
  let blocks = 0;
  let accessions = 0;
  let lapsed = 0;
  const byState = new Map<string, StateProcedureSummary>();
  const byInstitution = new Map<string, InstitutionProcedureSummary>();
  for (const r of records) {
    applications += r.applications;
    blocks += r.blocks;
    accessions += r.accessions;
    lapsed += r.applicationsLapsed;
    for (const e of r.procedures) {
      let st = byState.get(e.state);
      if (st === undefined) { st = { state: e.state, applications: 0, admitted: 0, lapsed: 0, blocksCast: 0, blocksReceived: 0 }; byState.set(e.state, st); }
      st.applications += e.applied; st.admitted += e.admitted; st.lapsed += e.lapsed; st.blocksCast += e.blocksCast; st.blocksReceived += e.blocksReceived;
      let iq = byInstitution.get(e.institution);
      if (iq === undefined) { iq = { institution: e.institution, applications: 0, admitted: 0, lapsed: 0, blocks: 0 }; byInstitution.set(e.institution, iq); }
      iq.applications += e.applied; iq.admitted += e.admitted; iq.lapsed += e.lapsed; iq.blocks += e.blocksCast;
    }
    for (const o of OPTIONS) actions[o] += r.actions[o];
    for (const f of FAMILIES) families[f] += r.families[f];
    for (const f of FAMILIES) balancing[f] += r.balancing[f];
    frictionSoft += r.frictionSoft;
    frictionInstitutional += r.frictionInstitutional;
    dualPairTicks += r.dualTrackPairs;
    for (const d of r.dualTrack) {
      const key = `${d.power}\u0000${d.state}`;
      let e = dual.get(key);
      if (e === undefined) { e = { power: d.power, state: d.state, ticks: 0, inclusive: {}, exclusive: {} }; dual.set(key, e); }
      e.ticks++;
      e.inclusive[d.inclusive] = (e.inclusive[d.inclusive] ?? 0) + 1;
      e.exclusive[d.exclusive] = (e.exclusive[d.exclusive] ?? 0) + 1;
    }
    for (const g of r.greatPowers) {
      const key = `${g.power}\u0000${g.state}`;
      let e = powers.get(key);
      if (e === undefined) {
        e = { power: g.power, state: g.state, ticks: 0, meanThreat: 0, maxThreat: 0, mainThreatTicks: 0, inclusive: {}, exclusive: {} };
        powers.set(key, e);
      }
      e.ticks++;
      e.meanThreat += g.threat; // a sum until the end
      if (g.threat > e.maxThreat) e.maxThreat = g.threat;
      if (g.main) e.mainThreatTicks++;
      for (const q of g.inclusive) e.inclusive[q] = (e.inclusive[q] ?? 0) + 1;
      for (const q of g.exclusive) e.exclusive[q] = (e.exclusive[q] ?? 0) + 1;
    }
    con += r.con;
    threat += r.meanThreat;
    alliancesFormed += r.alliancesFormed;
    clubs += r.clubsFounded;
    dissolved += r.institutionsDissolved;
    aggressions += r.aggressions;
    majorWars += r.majorWars;
    episodes += r.softEpisodes;
  }
  const total = FAMILIES.reduce((t, f) => t + families[f], 0);
  const share = <K extends string>(rec: Record<K, number>, sum: number): Record<K, number> =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, sum > 0 ? (v as number) / sum : 0])) as Record<K, number>;
  const count = Math.max(1, Math.min(periods, records.length));
  const size = Math.ceil(records.length / count);
  const periodList: PeriodSummary[] = [];
  for (let start = 0; start < records.length; start += size) {
    const chunk = records.slice(start, start + size);
    const fam = zeroFamilies();
    for (const r of chunk) for (const f of FAMILIES) fam[f] += r.families[f];
    const sum = FAMILIES.reduce((t, f) => t + fam[f], 0);
    let dominant: Family = FAMILIES[0];
    for (const f of FAMILIES) if (fam[f] > fam[dominant]) dominant = f;
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    periodList.push({
      fromTick: first.tick, fromYear: first.year, toTick: last.tick, toYear: last.year, dominantFamily: dominant,
      familyShares: share(fam, sum),
    });
  }
  const n = Math.max(1, records.length);
  const last = records[records.length - 1];
  return {
    scenarioId: result.scenarioId,
    seed: result.seed,
    ticks: result.ticks,
    firstYear: records[0]?.year ?? result.final.year,
    lastYear: last?.year ?? result.final.year,
    actionShares: share(actions, total),
    familyShares: share(families, total),
    balancingShares: share(balancing, FAMILIES.reduce((t, f) => t + balancing[f], 0)),
    friction: { soft: frictionSoft, institutional: frictionInstitutional },
    frictionShare: total > 0 ? (frictionSoft + frictionInstitutional) / total : 0,
    dualTrackPairTicks: dualPairTicks,
    dualTrack: [...dual.values()].sort((a, b) => (a.power < b.power ? -1 : a.power > b.power ? 1 : a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
    greatPowers: [...powers.values()]
      .map((e) => ({ ...e, meanThreat: e.meanThreat / e.ticks }))
      .sort((a, b) => (a.power < b.power ? -1 : a.power > b.power ? 1 : a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
    applications,
    blocks,
    accessions,
    applicationsLapsed: lapsed,
    proceduresByState: [...byState.values()].sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
    proceduresByInstitution: [...byInstitution.values()].sort((a, b) => (a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0)),
    periods: periodList,
    meanCon: con / n,
    finalCon: last?.con ?? 0,
    meanThreat: threat / n,
    alliancesFormed,
    finalAlliances: result.final.alliances.length,
    clubsFounded: clubs,
    institutionsDissolved: dissolved,
    finalInstitutions: result.final.institutions.length,
    aggressions,
    majorWars,
    softEpisodeStateTicks: episodes,
    softEpisodesBegun: result.events.filter((e) => e.type === 'episode-start').length,
    finalMeanLegitimacy: last?.meanLegitimacy ?? 0,
    publicGoods: result.final.publicGoods,
    finalShares: Object.fromEntries(result.final.states.map((s) => [s.id, s.cinc])),
  };
}
