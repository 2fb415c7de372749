import { assertYearCovered } from './assertYearCovered.js';
import type { CowYearTable } from './CowTable.js';
import { DataError } from './DataError.js';
import type { IgoMembershipSpellRow, IgoStatus } from './parseIgoMembershipTable.js';

/** A state's membership in an IGO in a given year. */
export interface IgoMember {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** Its status that year. */
  readonly status: IgoStatus;
}

/** Options of {@link igoMembershipsForYear}. */
export interface IgoMembershipOptions {
  /** Which statuses count as membership; default `['full']`. */
  readonly statuses?: readonly IgoStatus[];
}

/**
 * The members of one of the 47 curated IGOs in a year (COW IGO v3), to seed a scenario's
 * membership set `M_q` (THEORY §5.1; "Data available in ../shared/data"). A state is a member if
 * one of its spells for `ioname` with a selected status covers the year
 * (`startYear ≤ year ≤ endYear`).
 *
 * By default only full members count; pass `statuses: ['full', 'associate', 'observer']` to
 * include the others. An IGO that did not exist in the year simply has no members; an `ioname`
 * that has no spell at all in the file is an error (use the exact short name, e.g. `LoN`, `WPact`).
 * Coverage limits of the source (SCO observers, Türkiye's EEC association and others are not
 * coded) are listed in data/README.md §6.
 *
 * @param table - parsed membership spells (`parseIgoMembershipTable`).
 * @param ioname - the IGO's short name, exactly as in the file (case-sensitive).
 * @param year - the year; must be inside the file's coverage (1816–2014).
 * @param options - which statuses count.
 * @returns the members sorted by COW code.
 * @throws {@link DataError} if the year is outside the file's coverage or `ioname` is unknown.
 */
export function igoMembershipsForYear(
  table: CowYearTable<IgoMembershipSpellRow>,
  ioname: string,
  year: number,
  options: IgoMembershipOptions = {},
): IgoMember[] {
  assertYearCovered(table, year);
  const statuses = new Set<IgoStatus>(options.statuses ?? ['full']);
  const members = new Map<number, IgoMember>();
  let known = false;
  for (const row of table.rows) {
    if (row.ioname !== ioname) continue;
    known = true;
    if (row.startYear <= year && year <= row.endYear && statuses.has(row.status) && !members.has(row.ccode)) {
      members.set(row.ccode, { ccode: row.ccode, stateabb: row.stateabb, status: row.status });
    }
  }
  if (!known) throw new DataError(`unknown IGO "${ioname}" (no membership spell in the file)`, { file: table.file, year });
  return [...members.values()].sort((a, b) => a.ccode - b.ccode);
}
