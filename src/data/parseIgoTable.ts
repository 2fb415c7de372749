import type { CowTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { DataError } from './DataError.js';
import { parseCsv } from './parseCsv.js';

/**
 * Metadata of one curated IGO (COW IGO v3, `igo_year_format3`), with four counts added when the
 * file was built. Field names are camelCase versions of the source columns.
 */
export interface IgoRow {
  /** Short name used as the key in every IGO file, e.g. `NATO`, `LoN`, `WPact`. */
  readonly ioname: string;
  /** COW IGO number. */
  readonly ionum: number;
  /** Organisation name. */
  readonly orgname: string;
  /** Long name (cut at 80 characters in the source; `longorgname`). */
  readonly longorgname: string;
  /** Start year (`sdate`). */
  readonly startYear: number;
  /** End year (`deaddate`); `undefined` if the IGO still existed in 2014. */
  readonly endYear: number | undefined;
  /** COW type flag: political. */
  readonly political: boolean;
  /** COW type flag: social. */
  readonly social: boolean;
  /** COW type flag: economic. */
  readonly economic: boolean;
  /** Accuracy of pre-1965 membership dates (`pre1965_date_accuracy`), as text. */
  readonly pre1965DateAccuracy: string;
  /** Grouping label added for this project (`scenario_group`); not a COW field. */
  readonly scenarioGroup: string;
  /** Number of state-years coded full member (`full_member_state_years`). */
  readonly fullMemberStateYears: number;
  /** Number of state-years coded associate (`associate_state_years`). */
  readonly associateStateYears: number;
  /** Number of state-years coded observer (`observer_state_years`). */
  readonly observerStateYears: number;
  /** Number of state-years coded -9, missing (`missing_state_years`). */
  readonly missingStateYears: number;
}

/**
 * Parses `cow_igo_v3_selected_igos.csv` (47 curated IGOs). A blank `deaddate` becomes
 * `undefined` (the IGO still existed at the end of the data, 2014).
 *
 * @param text - the CSV text.
 * @param file - file name for error messages; defaults to `cow_igo_v3_selected_igos.csv`.
 * @throws {@link DataError} if a column is absent, a cell is malformed, or an `ioname` repeats.
 */
export function parseIgoTable(text: string, file: string = COW_FILES.igos): CowTable<IgoRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, [
    'ioname', 'ionum', 'orgname', 'longorgname', 'sdate', 'deaddate', 'political', 'social', 'economic',
    'pre1965_date_accuracy', 'scenario_group', 'full_member_state_years', 'associate_state_years',
    'observer_state_years', 'missing_state_years',
  ]);
  const rows: IgoRow[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < cols.rowCount; r += 1) {
    const ioname = cols.text(r, 'ioname');
    if (seen.has(ioname)) throw new DataError(`ioname ${ioname} appears twice`, { file, line: cols.lineOf(r) });
    seen.add(ioname);
    rows.push({
      ioname,
      ionum: cols.integer(r, 'ionum'),
      orgname: cols.text(r, 'orgname'),
      longorgname: cols.text(r, 'longorgname'),
      startYear: cols.integer(r, 'sdate'),
      endYear: cols.optionalInteger(r, 'deaddate'),
      political: requiredFlag(cols, r, 'political'),
      social: requiredFlag(cols, r, 'social'),
      economic: requiredFlag(cols, r, 'economic'),
      pre1965DateAccuracy: cols.text(r, 'pre1965_date_accuracy'),
      scenarioGroup: cols.text(r, 'scenario_group'),
      fullMemberStateYears: cols.integer(r, 'full_member_state_years'),
      associateStateYears: cols.integer(r, 'associate_state_years'),
      observerStateYears: cols.integer(r, 'observer_state_years'),
      missingStateYears: cols.integer(r, 'missing_state_years'),
    });
  }
  return { file, rows };
}

function requiredFlag(cols: CowColumns, r: number, column: string): boolean {
  const flag = cols.optionalFlag(r, column);
  if (flag === undefined) throw new DataError(`${column} is missing`, { file: cols.file, line: cols.lineOf(r) });
  return flag;
}
