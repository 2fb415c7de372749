import type { Cell, Column, ColumnType } from './tables.js';

/**
 * The text formats of the output tables.
 *
 * CSV (RFC 4180): a header row, no index column, records ended by CRLF, fields quoted only when
 * they hold a comma, a double quote, a line break or leading/trailing space (quotes doubled).
 * Missing values are `NA` (what R's read.csv and pandas' read_csv read as missing by default).
 * Numbers in full precision: the shortest decimal that reads back to the same double (JavaScript's
 * own number formatting), so values round-trip exactly; non-finite numbers are `NA` (NaN), `Inf`
 * and `-Inf`. A whole number in a float column keeps a decimal point (`1.0`, not `1`), so that
 * pandas and R read the column as floating point, as its Arrow type says. Booleans are `TRUE` / `FALSE` (read as logical by R's read.csv and as booleans by
 * pandas; R does not read lower-case `true`).
 *
 * NDJSON: one JSON object per line (LF), keys in column order; missing and non-finite values are
 * `null`.
 */

/** The CSV spelling of a missing value. */
export const CSV_MISSING = 'NA';
/** The CSV record terminator (RFC 4180). */
export const CSV_EOL = '\r\n';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A string as a CSV field (RFC 4180 quoting when needed). */
export function csvString(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A finite number as text: JavaScript's shortest round-trip decimal, with `.0` for a whole number of a float column. */
function numberText(value: number, type: ColumnType | undefined): string {
  const text = String(value);
  return type === 'float' && Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

/** One cell as a CSV field (`type`: its column's, for the spelling of whole numbers in float columns). */
export function csvCell(value: Cell, type?: ColumnType): string {
  if (value === null) return CSV_MISSING;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return numberText(value, type);
    return Number.isNaN(value) ? CSV_MISSING : value > 0 ? 'Inf' : '-Inf';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return csvString(value);
}

/** One cell as a JSON value (`type` as for {@link csvCell}). */
export function jsonCell(value: Cell, type?: ColumnType): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value, type) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/** The CSV header record of a table (with its terminator). */
export function csvHeader(columns: readonly Column[]): string {
  return columns.map((c) => csvString(c.name)).join(',') + CSV_EOL;
}

/**
 * Formats rows of one table as CSV records and NDJSON lines, with a fixed prefix of cells (a run's
 * key) formatted once. Pure; the same cells always give the same bytes.
 */
export class RowFormatter {
  private readonly jsonKeys: string[];
  private readonly types: ColumnType[];

  /**
   * @param columns the table's columns.
   * @param prefix the first cells of every row (e.g. the run's key and parameter values).
   */
  constructor(columns: readonly Column[], prefix: readonly Cell[]) {
    this.jsonKeys = columns.map((c, k) => `${k === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
    this.types = columns.map((c) => c.type);
    this.csvPrefix = prefix.map((v, k) => csvCell(v, this.types[k])).join(',');
    this.jsonPrefix = prefix.map((v, k) => this.jsonKeys[k] + jsonCell(v, this.types[k])).join('');
    this.prefixLength = prefix.length;
    if (prefix.length > columns.length) throw new RangeError('more prefix cells than columns');
  }

  private readonly csvPrefix: string;
  private readonly jsonPrefix: string;
  private readonly prefixLength: number;

  /** One CSV record: the prefix, then `cells` (the rest of the row), with CRLF. */
  csv(cells: readonly Cell[]): string {
    let out = this.csvPrefix;
    for (let k = 0; k < cells.length; k++) out += (k === 0 && this.prefixLength === 0 ? '' : ',') + csvCell(cells[k], this.types[this.prefixLength + k]);
    return out + CSV_EOL;
  }

  /** One NDJSON line: the prefix, then `cells`, with LF. */
  ndjson(cells: readonly Cell[]): string {
    let out = this.jsonPrefix;
    for (let k = 0; k < cells.length; k++) out += this.jsonKeys[this.prefixLength + k] + jsonCell(cells[k], this.types[this.prefixLength + k]);
    return `${out}}\n`;
  }
}
