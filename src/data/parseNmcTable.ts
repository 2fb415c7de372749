import type { CowYearTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { parseCsv } from './parseCsv.js';
import { yearSpan } from './yearSpan.js';

/** The six NMC capability components, in COW's order. */
export const NMC_COMPONENTS = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop'] as const;

/** One of the six NMC capability components. */
export type NmcComponent = (typeof NMC_COMPONENTS)[number];

/**
 * The six NMC component values of a state-year, `undefined` where COW codes `-9` (missing).
 * Units (data/README.md §1): `milex` thousands of current British pounds 1816–1913 and of US
 * dollars from 1914; `milper` thousands of personnel; `irst` thousands of tons; `pec` thousands
 * of coal-ton equivalents; `tpop` and `upop` thousands of people.
 */
export type NmcComponents = { readonly [C in NmcComponent]: number | undefined };

/** One state-year of the National Material Capabilities data (v6.0 or v7.0). */
export interface NmcRow extends NmcComponents {
  /** COW state abbreviation, e.g. `UKG`. */
  readonly stateabb: string;
  /** COW state code, e.g. 200. */
  readonly ccode: number;
  /** Year. */
  readonly year: number;
  /** Published Composite Index of National Capability; `undefined` if coded -9 (never in the release). */
  readonly cinc: number | undefined;
  /** The file's `version` column (2021 in v6.0); `undefined` in v7.0, which has no such column. */
  readonly version: number | undefined;
}

/**
 * Parses an NMC file (`cow_nmc_v6.0_abridged.csv` or `cow_nmc_v7.0_from_peacesciencer.csv`).
 *
 * `-9` (and an empty cell) becomes `undefined`; numbers in exponent notation (`5.6153185E-06`)
 * are accepted. The `version` column is optional, since v7.0 lacks it. Coverage is the span of
 * `year` in the file.
 *
 * @param text - the CSV text.
 * @param file - file name for error messages and coverage errors; defaults to the v6.0 file.
 * @throws {@link DataError} if a column is absent or a cell is not of the expected type.
 */
export function parseNmcTable(text: string, file: string = COW_FILES.nmcV6): CowYearTable<NmcRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, ['stateabb', 'ccode', 'year', ...NMC_COMPONENTS, 'cinc']);
  const hasVersion = cols.has('version');
  const rows: NmcRow[] = [];
  for (let r = 0; r < cols.rowCount; r += 1) {
    rows.push({
      stateabb: cols.text(r, 'stateabb'),
      ccode: cols.integer(r, 'ccode'),
      year: cols.integer(r, 'year'),
      milex: cols.optionalNumber(r, 'milex'),
      milper: cols.optionalNumber(r, 'milper'),
      irst: cols.optionalNumber(r, 'irst'),
      pec: cols.optionalNumber(r, 'pec'),
      tpop: cols.optionalNumber(r, 'tpop'),
      upop: cols.optionalNumber(r, 'upop'),
      cinc: cols.optionalNumber(r, 'cinc'),
      version: hasVersion ? cols.optionalInteger(r, 'version') : undefined,
    });
  }
  return { file, rows, ...yearSpan(rows.map((row) => row.year), file) };
}
