import type { CowYearTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { parseCsv } from './parseCsv.js';
import { yearSpan } from './yearSpan.js';

/** One spell of state-system membership (COW State System Membership v2016). */
export interface StateSpellRow {
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** COW state code. */
  readonly ccode: number;
  /** State name as COW writes it. */
  readonly statenme: string;
  /** Spell start year. */
  readonly styear: number;
  /** Spell start month (1–12). */
  readonly stmonth: number;
  /** Spell start day of month. */
  readonly stday: number;
  /** Spell end year (2016 with month 12, day 31 means a member at the end of the data). */
  readonly endyear: number;
  /** Spell end month (1–12). */
  readonly endmonth: number;
  /** Spell end day of month. */
  readonly endday: number;
  /** Version of the list (2016). */
  readonly version: number;
}

/**
 * Parses `cow_states2016.csv`: one row per membership spell (a state can have several).
 * Coverage is the span from the earliest `styear` to the latest `endyear` (1816–2016).
 *
 * @param text - the CSV text.
 * @param file - file name for error messages; defaults to `cow_states2016.csv`.
 * @throws {@link DataError} if a column is absent or a cell is missing or malformed.
 */
export function parseStatesTable(text: string, file: string = COW_FILES.states): CowYearTable<StateSpellRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, [
    'stateabb', 'ccode', 'statenme', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday', 'version',
  ]);
  const rows: StateSpellRow[] = [];
  for (let r = 0; r < cols.rowCount; r += 1) {
    rows.push({
      stateabb: cols.text(r, 'stateabb'),
      ccode: cols.integer(r, 'ccode'),
      statenme: cols.text(r, 'statenme'),
      styear: cols.integer(r, 'styear'),
      stmonth: cols.integer(r, 'stmonth'),
      stday: cols.integer(r, 'stday'),
      endyear: cols.integer(r, 'endyear'),
      endmonth: cols.integer(r, 'endmonth'),
      endday: cols.integer(r, 'endday'),
      version: cols.integer(r, 'version'),
    });
  }
  return { file, rows, ...yearSpan(rows.flatMap((row) => [row.styear, row.endyear]), file) };
}
