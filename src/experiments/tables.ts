import { FAMILIES, OPTIONS } from '../decision/options.js';
import type { SimulationEvent } from '../engine/SimulationEvent.js';
import type { TickRecord } from '../metrics/TickRecord.js';
import type { RunSummary } from '../metrics/summarizeRun.js';
import type { DesignParameter } from './design.js';

/**
 * The tidy tables a sweep writes, one row per observation (docs/experiments.md lists every column):
 *
 * - `runs` — one row per run: its key and its summary metrics;
 * - `ticks` — one row per run and tick: the measures of THEORY §5.9 (TickRecord);
 * - `events` — one row per event of a run (alliances formed and ended, clubs and institutions founded,
 *   joined, left and dissolved, aggressions, soft-balancing episodes begun and ended, scenario events);
 * - `summary` — one row per design point and run metric: n, mean, sd and a 95% confidence interval.
 *
 * Every row of runs, ticks and events begins with the run's key — `run`, `point`, `replicate`,
 * `seed` — and the point's parameter values, one column per parameter path; `run` is always the
 * first column, so files can be merged by it.
 */

/** The type of a column; decides its CSV/NDJSON spelling and its Arrow type. */
export type ColumnType = 'int' | 'int64' | 'float' | 'bool' | 'string';

/** A column of an output table. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

/** The names of the tables. */
export const TABLE_NAMES = ['runs', 'ticks', 'events', 'summary'] as const;
/** A table name. */
export type TableName = (typeof TABLE_NAMES)[number];

/** A cell value: a number, a boolean, a string or missing (null). */
export type Cell = number | boolean | string | null;

/** The columns of every table of a sweep. */
export interface SweepLayout {
  /** The key columns (`run`, `point`, `replicate`, `seed`) and the parameter columns, in this order. */
  readonly key: readonly Column[];
  readonly runs: readonly Column[];
  readonly ticks: readonly Column[];
  readonly events: readonly Column[];
  readonly summary: readonly Column[];
  /** The run metrics (the runs table after the key), in order. */
  readonly metrics: readonly Column[];
}

const int = (name: string): Column => ({ name, type: 'int' });
const float = (name: string): Column => ({ name, type: 'float' });
const str = (name: string): Column => ({ name, type: 'string' });

/** Counts among the run metrics (written as integers). */
const COUNT_METRICS = new Set([
  'alliancesFormed', 'finalAlliances', 'clubsFounded', 'institutionsDissolved', 'finalInstitutions', 'aggressions',
  'majorWars', 'softEpisodeStateTicks', 'softEpisodesBegun', 'dualTrackPairTicks',
  'applications', 'blocks', 'accessions', 'applicationsLapsed',
]);

/** The scalar fields of RunSummary that become run metrics, in column order. */
const SUMMARY_SCALARS = [
  'meanCon', 'finalCon', 'meanThreat', 'alliancesFormed', 'finalAlliances', 'clubsFounded', 'institutionsDissolved',
  'finalInstitutions', 'aggressions', 'majorWars', 'softEpisodeStateTicks', 'softEpisodesBegun', 'finalMeanLegitimacy',
  'publicGoods', 'frictionShare', 'dualTrackPairTicks', 'applications', 'blocks', 'accessions', 'applicationsLapsed',
] as const satisfies readonly (keyof RunSummary)[];

/** The TickRecord measures of the ticks table after tick, year, actions and families, in column order. */
const TICK_MEASURES = [
  'con', 'effectivePoles', 'poles', 'meanThreat', 'alliances', 'alliancesFormed', 'ententes', 'institutions',
  'clubsFounded', 'institutionsDissolved', 'inclusiveMemberships', 'exclusiveMemberships', 'meanLegitimacy',
  'meanRestraint', 'meanOmega', 'aggressions', 'majorWars', 'softEpisodes', 'friction', 'frictionSoft', 'frictionInstitutional',
  'dualTrackPairs', 'publicGoods', 'applications', 'blocks', 'accessions', 'applicationsLapsed',
] as const satisfies readonly (keyof TickRecord)[];
const FLOAT_MEASURES = new Set(['con', 'effectivePoles', 'meanThreat', 'meanLegitimacy', 'meanRestraint', 'meanOmega', 'publicGoods']);

/** The columns of the events table after the key. */
const EVENT_COLUMNS: readonly Column[] = [
  int('tick'), str('type'), str('actor'), str('partner'), str('target'), str('institution'), str('members'),
  { name: 'majorWar', type: 'bool' }, str('label'),
];

/**
 * The layout of a sweep's tables for a design's parameters and a scenario's states (the final CINC
 * share of each state is a run metric, `finalCinc_<id>`). Pure.
 */
export function sweepLayout(parameters: readonly DesignParameter[], stateIds: readonly string[]): SweepLayout {
  const paramColumns: Column[] = parameters.map((p) => ({
    name: p.path, type: p.valueType === 'number' ? 'float' : p.valueType === 'boolean' ? 'bool' : 'string',
  }));
  const key: Column[] = [int('run'), int('point'), int('replicate'), { name: 'seed', type: 'int64' }, ...paramColumns];
  const metrics = metricColumns(stateIds);
  const ticks: Column[] = [
    ...key, int('tick'), float('year'), ...OPTIONS.map((o) => int(`action_${o}`)), ...FAMILIES.map((f) => int(`family_${f}`)),
    ...FAMILIES.map((f) => int(`balancing_${f}`)),
    ...TICK_MEASURES.map((m) => (FLOAT_MEASURES.has(m) ? float(m) : int(m))),
  ];
  const summary: Column[] = [
    int('point'), ...paramColumns, str('metric'), int('n'), float('mean'), float('sd'), float('ciLow'), float('ciHigh'),
  ];
  return { key, runs: [...key, ...metrics], ticks, events: [...key, ...EVENT_COLUMNS], summary, metrics };
}

/**
 * The run metrics, in column order: the scalars of summarizeRun (meanCon, finalCon, meanThreat,
 * alliancesFormed, …, publicGoods, frictionShare, dualTrackPairTicks), each family's share of the
 * run's actions and of its balancing acts with friction taken out (`familyShare_<family>`,
 * `balancingShare_<family>`, model §5.9), each option's share (`actionShare_<option>`) and each state's final CINC share
 * (`finalCinc_<id>`). Pure.
 */
export function metricColumns(stateIds: readonly string[]): Column[] {
  return [
    ...SUMMARY_SCALARS.map((m) => (COUNT_METRICS.has(m) ? int(m) : float(m))),
    ...FAMILIES.map((f) => float(`familyShare_${f}`)),
    ...FAMILIES.map((f) => float(`balancingShare_${f}`)),
    ...OPTIONS.map((o) => float(`actionShare_${o}`)),
    ...stateIds.map((id) => float(`finalCinc_${id}`)),
  ];
}

/** A run's metrics, in the order of {@link SweepLayout.metrics}. Pure. */
export function metricCells(summary: RunSummary, stateIds: readonly string[]): number[] {
  return [
    ...SUMMARY_SCALARS.map((m) => summary[m]),
    ...FAMILIES.map((f) => summary.familyShares[f]),
    ...FAMILIES.map((f) => summary.balancingShares[f]),
    ...OPTIONS.map((o) => summary.actionShares[o]),
    ...stateIds.map((id) => summary.finalShares[id]),
  ];
}

/** A tick's cells after the key, in the order of the ticks table. Pure. */
export function tickCells(r: TickRecord): number[] {
  const out: number[] = [r.tick, r.year];
  for (const o of OPTIONS) out.push(r.actions[o]);
  for (const f of FAMILIES) out.push(r.families[f]);
  for (const f of FAMILIES) out.push(r.balancing[f]);
  for (const m of TICK_MEASURES) out.push(r[m]);
  return out;
}

/**
 * An event's cells after the key: tick, type, actor, partner, target, institution, members (ids
 * joined by `;`), majorWar, label; what does not apply is null. Alliances begun or ended by world
 * changes put their two states in actor and partner; joins and leaves put the state in actor; a status
 * change (model §5.11) puts the state in actor and the new status in label. Pure.
 */
export function eventCells(e: SimulationEvent): Cell[] {
  let actor: string | null = null;
  let partner: string | null = null;
  let target: string | null = null;
  let institution: string | null = null;
  let members: string | null = null;
  let majorWar: boolean | null = null;
  let label: string | null = null;
  switch (e.type) {
    case 'alliance-formed':
    case 'alliance-lapsed': actor = e.actor; partner = e.partner; target = e.target; break;
    case 'club-founded': institution = e.institution; target = e.target; members = e.members.join(';'); break;
    case 'institution-dissolved': institution = e.institution; break;
    case 'aggression': actor = e.actor; target = e.target; majorWar = e.majorWar; break;
    case 'episode-start':
    case 'episode-end': actor = e.actor; target = e.target; break;
    case 'scenario-event': label = e.label; break;
    case 'institution-joined':
    case 'institution-left': institution = e.institution; actor = e.state; break;
    case 'institution-status': institution = e.institution; actor = e.state; label = e.status; break;
    case 'application': institution = e.institution; actor = e.state; target = e.target; label = e.act; break;
    case 'application-lapsed': institution = e.institution; actor = e.state; break;
    case 'accession': institution = e.institution; actor = e.state; label = `${e.admitted ? 'admitted' : 'not admitted'}: ${e.votes}`; break;
    case 'institution-founded': institution = e.institution; members = e.members.join(';'); break;
    case 'alliance-begun':
    case 'alliance-ended': actor = e.between[0]; partner = e.between[1]; break;
    case 'state-entered': actor = e.state; break;
    case 'state-left': actor = e.state; target = e.into ?? null; break; // target: the absorbing state (N46)
  }
  return [e.tick, e.type, actor, partner, target, institution, members, majorWar, label];
}
