import { assertYearCovered } from './assertYearCovered.js';
import type { CowYearTable } from './CowTable.js';
import type { StateSpellRow } from './parseStatesTable.js';

/** A member of the state system in a given year. */
export interface SystemMember {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** State name as COW writes it. */
  readonly name: string;
}

/**
 * The members of the COW state system in a year: every state with a membership spell that
 * overlaps the year (`styear ≤ year ≤ endyear`), the convention of COW's state-year files. A
 * state that joins or leaves during the year counts as a member of it. This is the agent set of
 * a scenario starting that year (THEORY "Data available in ../shared/data").
 *
 * @param table - parsed state-system spells (`parseStatesTable`).
 * @param year - the year; must be inside the file's coverage (1816–2016).
 * @returns one entry per state, sorted by COW code.
 * @throws {@link DataError} if the year is outside the file's coverage.
 */
export function statesForYear(table: CowYearTable<StateSpellRow>, year: number): SystemMember[] {
  assertYearCovered(table, year);
  const members = new Map<number, SystemMember>();
  for (const row of table.rows) {
    if (row.styear <= year && year <= row.endyear && !members.has(row.ccode)) {
      members.set(row.ccode, { ccode: row.ccode, stateabb: row.stateabb, name: row.statenme });
    }
  }
  return [...members.values()].sort((a, b) => a.ccode - b.ccode);
}
