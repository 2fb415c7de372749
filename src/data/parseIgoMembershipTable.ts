import type { CowYearTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { DataError } from './DataError.js';
import { parseCsv } from './parseCsv.js';
import { yearSpan } from './yearSpan.js';

/** IGO membership statuses of COW IGO v3 (codes 1, 2, 3), in that order. */
export const IGO_STATUSES = ['full', 'associate', 'observer'] as const;

/** An IGO membership status: `full` (code 1), `associate` (2) or `observer` (3). */
export type IgoStatus = (typeof IGO_STATUSES)[number];

/**
 * One membership spell: a maximal run of consecutive years in which a state has the same status
 * in one of the 47 curated IGOs (data/README.md §6). Years are inclusive; `endYear` 2014 means
 * ongoing at the end of the data.
 */
export interface IgoMembershipSpellRow {
  /** IGO short name, the key into `cow_igo_v3_selected_igos.csv`. */
  readonly ioname: string;
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** Membership status of the spell. */
  readonly status: IgoStatus;
  /** First year of the spell (`start_year`). */
  readonly startYear: number;
  /** Last year of the spell, inclusive (`end_year`). */
  readonly endYear: number;
}

/**
 * Parses `cow_igo_v3_membership_spells.csv` (2,311 spells). The numeric `status` (1, 2, 3) is
 * checked against `status_label` and returned as an {@link IgoStatus}. Coverage is the span of
 * spell years (1816–2014).
 *
 * @param text - the CSV text.
 * @param file - file name for error messages; defaults to `cow_igo_v3_membership_spells.csv`.
 * @throws {@link DataError} if a column is absent, a cell is malformed, or status and label disagree.
 */
export function parseIgoMembershipTable(
  text: string,
  file: string = COW_FILES.igoMemberships,
): CowYearTable<IgoMembershipSpellRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, [
    'ioname', 'ccode', 'stateabb', 'status', 'status_label', 'start_year', 'end_year',
  ]);
  const rows: IgoMembershipSpellRow[] = [];
  for (let r = 0; r < cols.rowCount; r += 1) {
    const code = cols.integer(r, 'status');
    const status = IGO_STATUSES[code - 1];
    if (status === undefined || status !== cols.text(r, 'status_label')) {
      throw new DataError(`status ${code} does not match label "${cols.text(r, 'status_label')}"`, {
        file,
        line: cols.lineOf(r),
      });
    }
    rows.push({
      ioname: cols.text(r, 'ioname'),
      ccode: cols.integer(r, 'ccode'),
      stateabb: cols.text(r, 'stateabb'),
      status,
      startYear: cols.integer(r, 'start_year'),
      endYear: cols.integer(r, 'end_year'),
    });
  }
  return { file, rows, ...yearSpan(rows.flatMap((row) => [row.startYear, row.endYear]), file) };
}
