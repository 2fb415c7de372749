import { FAMILIES, OPTIONS } from '../decision/options.js';
import type { TickRecord } from '../metrics/TickRecord.js';

/** Variables of time-varying expressions (growth rates, system conditions). */
export const TIME_VARIABLES: readonly string[] = ['year', 'tick'];

const RECORD_FIELDS = [
  'con', 'effectivePoles', 'poles', 'meanThreat', 'alliances', 'alliancesFormed', 'ententes', 'institutions',
  'clubsFounded', 'institutionsDissolved', 'inclusiveMemberships', 'exclusiveMemberships', 'meanLegitimacy',
  'meanRestraint', 'meanOmega', 'aggressions', 'majorWars', 'softEpisodes', 'friction', 'frictionSoft', 'frictionInstitutional',
  'dualTrackPairs', 'publicGoods',
] as const;

/**
 * Variables of event conditions: `year` and `tick` of the coming tick, and the previous tick's
 * measures (every numeric field of TickRecord, the family counts by name — `hard`, `soft`,
 * `institutional`, `accommodate` — and the option counts — `NONE` … `IE`). Before the first tick
 * the measures are 0.
 */
export const CONDITION_VARIABLES: readonly string[] = [...TIME_VARIABLES, ...RECORD_FIELDS, ...FAMILIES, ...OPTIONS];

/** Fills a condition scope from the previous record (or zeros before the first tick). @internal */
export function fillConditionScope(scope: Record<string, number>, record: TickRecord | null, year: number, tick: number): void {
  scope.year = year;
  scope.tick = tick;
  for (const f of RECORD_FIELDS) scope[f] = record === null ? 0 : record[f];
  for (const f of FAMILIES) scope[f] = record === null ? 0 : record.families[f];
  for (const o of OPTIONS) scope[o] = record === null ? 0 : record.actions[o];
}
