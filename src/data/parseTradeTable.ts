import type { CowYearTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { parseCsv } from './parseCsv.js';
import { yearSpan } from './yearSpan.js';

/**
 * One state-year of COW Trade v4.0, national totals, in millions of current US dollars.
 * Missing values, which this file writes as empty cells (not -9), are `undefined`.
 */
export interface TradeRow {
  /** COW state code. */
  readonly ccode: number;
  /** State name as the source writes it. */
  readonly statename: string;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** Year. */
  readonly year: number;
  /** Total imports, millions of current US dollars; `undefined` if missing. */
  readonly imports: number | undefined;
  /** Total exports, millions of current US dollars; `undefined` if missing. */
  readonly exports: number | undefined;
  /** Alternative import estimate (`alt_imports`, 90 rows); `undefined` if absent. */
  readonly altImports: number | undefined;
  /** Alternative export estimate (`alt_exports`, 90 rows); `undefined` if absent. */
  readonly altExports: number | undefined;
  /** Source code of the COW codebook (`source1`); `undefined` if blank. */
  readonly source1: number | undefined;
  /** Second source code (`source2`); `undefined` if blank. */
  readonly source2: number | undefined;
  /** Data set version (4). */
  readonly version: number;
}

/**
 * Parses `cow_trade_v4.0_national.csv` (14,410 state-years, 1870–2014). Empty cells are
 * missing (`undefined`); a `-9` would be read as missing too, as everywhere in the data layer.
 *
 * @param text - the CSV text.
 * @param file - file name for error messages; defaults to `cow_trade_v4.0_national.csv`.
 * @throws {@link DataError} if a column is absent or a cell is malformed.
 */
export function parseTradeTable(text: string, file: string = COW_FILES.trade): CowYearTable<TradeRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, [
    'ccode', 'statename', 'stateabb', 'year', 'imports', 'exports', 'alt_imports', 'alt_exports',
    'source1', 'source2', 'version',
  ]);
  const rows: TradeRow[] = [];
  for (let r = 0; r < cols.rowCount; r += 1) {
    rows.push({
      ccode: cols.integer(r, 'ccode'),
      statename: cols.text(r, 'statename'),
      stateabb: cols.text(r, 'stateabb'),
      year: cols.integer(r, 'year'),
      imports: cols.optionalNumber(r, 'imports'),
      exports: cols.optionalNumber(r, 'exports'),
      altImports: cols.optionalNumber(r, 'alt_imports'),
      altExports: cols.optionalNumber(r, 'alt_exports'),
      source1: cols.optionalNumber(r, 'source1'),
      source2: cols.optionalNumber(r, 'source2'),
      version: cols.number(r, 'version'),
    });
  }
  return { file, rows, ...yearSpan(rows.map((row) => row.year), file) };
}
