import type { CowYearTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { parseCsv } from './parseCsv.js';
import { yearSpan } from './yearSpan.js';

/** Per state-year counts of memberships in all 534 COW IGO v3 organisations. */
export interface IgoCountsRow {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** Year. */
  readonly year: number;
  /** Number of IGOs in which the state is a full member (`n_full`). */
  readonly full: number;
  /** Number of IGOs in which the state is an associate member (`n_associate`). */
  readonly associate: number;
  /** Number of IGOs in which the state is an observer (`n_observer`). */
  readonly observer: number;
  /** Number of IGOs for which the state's status is coded -9, missing (`n_missing`). */
  readonly missing: number;
}

/**
 * Parses `cow_igo_v3_state_year_counts.csv` (15,557 state-years, 1816–2014), a generic
 * institutional-embeddedness measure (THEORY, "Data available in ../shared/data").
 *
 * @param text - the CSV text.
 * @param file - file name for error messages; defaults to `cow_igo_v3_state_year_counts.csv`.
 * @throws {@link DataError} if a column is absent or a cell is missing or malformed.
 */
export function parseIgoCountsTable(text: string, file: string = COW_FILES.igoCounts): CowYearTable<IgoCountsRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, [
    'ccode', 'stateabb', 'year', 'n_full', 'n_associate', 'n_observer', 'n_missing',
  ]);
  const rows: IgoCountsRow[] = [];
  for (let r = 0; r < cols.rowCount; r += 1) {
    rows.push({
      ccode: cols.integer(r, 'ccode'),
      stateabb: cols.text(r, 'stateabb'),
      year: cols.integer(r, 'year'),
      full: cols.integer(r, 'n_full'),
      associate: cols.integer(r, 'n_associate'),
      observer: cols.integer(r, 'n_observer'),
      missing: cols.integer(r, 'n_missing'),
    });
  }
  return { file, rows, ...yearSpan(rows.map((row) => row.year), file) };
}
