import { assertYearCovered } from './assertYearCovered.js';
import type { CowYearTable } from './CowTable.js';
import type { MajorSpellRow } from './parseMajorsTable.js';
import type { StateIdentity } from './resolveStateRefs.js';

/**
 * The COW major powers in a year: every state with a major-power spell overlapping the year
 * (`styear ≤ year ≤ endyear`; so France counts in 1940 and 1945, and Germany in 1918 and 1925).
 * These are the great-power set over which CON is computed and the candidate poles (THEORY §3,
 * §5.2; "Notes for scenario builders", Great powers). West Germany (260) is never a major.
 *
 * @param table - parsed major-power spells (`parseMajorsTable`).
 * @param year - the year; must be inside the file's coverage (1816–2016).
 * @returns one entry per state, sorted by COW code.
 * @throws {@link DataError} if the year is outside the file's coverage.
 */
export function majorsForYear(table: CowYearTable<MajorSpellRow>, year: number): StateIdentity[] {
  assertYearCovered(table, year);
  const majors = new Map<number, StateIdentity>();
  for (const row of table.rows) {
    if (row.styear <= year && year <= row.endyear && !majors.has(row.ccode)) {
      majors.set(row.ccode, { ccode: row.ccode, stateabb: row.stateabb });
    }
  }
  return [...majors.values()].sort((a, b) => a.ccode - b.ccode);
}
