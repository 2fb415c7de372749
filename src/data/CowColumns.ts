import type { CsvTable } from './parseCsv.js';
import { DataError } from './DataError.js';

/** Decimal number, optionally signed, with optional exponent: `450`, `-9`, `0.5`, `5.6E-06`. */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Typed, by-name access to the cells of a parsed COW CSV, used by the table parsers.
 *
 * On construction it checks that every required column is in the header and that every row
 * has as many fields as the header; problems are reported as a {@link DataError} naming the
 * file and line.
 *
 * Missing values (the convention of the whole data layer, see `CowTable`): a cell that is
 * empty or whose number equals COW's missing code `-9` is missing. The `optional…` readers
 * return `undefined` for it; the other readers throw, because the column must not be missing.
 * No COW column has a legitimate value of -9 (counts, amounts, years, codes and flags are
 * never negative), so reading -9 as missing everywhere is safe.
 */
export class CowColumns {
  /** File name used in error messages. */
  readonly file: string;
  private readonly csv: CsvTable;
  private readonly index: ReadonlyMap<string, number>;

  /**
   * @param csv - the parsed file.
   * @param file - the file name, for error messages.
   * @param required - columns that must be present in the header.
   * @throws {@link DataError} if a required column is absent or a row has the wrong number of fields.
   */
  constructor(csv: CsvTable, file: string, required: readonly string[]) {
    this.csv = csv;
    this.file = file;
    this.index = new Map(csv.header.map((name, i) => [name, i] as const));
    const absent = required.filter((name) => !this.index.has(name));
    if (absent.length > 0) {
      throw new DataError(`missing column(s) ${absent.join(', ')}; header is ${csv.header.join(',')}`, { file, line: 1 });
    }
    const width = csv.header.length;
    csv.rows.forEach((row, r) => {
      if (row.length !== width) {
        throw new DataError(`row has ${row.length} fields, the header has ${width}`, { file, line: csv.lines[r] });
      }
    });
  }

  /** Number of data rows. */
  get rowCount(): number {
    return this.csv.rows.length;
  }

  /** 1-based line of data row `r`. */
  lineOf(r: number): number {
    return this.csv.lines[r];
  }

  /** Whether the header has `column` (for optional columns such as NMC's `version`). */
  has(column: string): boolean {
    return this.index.has(column);
  }

  /** The raw text of a cell (may be empty). */
  text(r: number, column: string): string {
    return this.csv.rows[r][this.columnIndex(column)];
  }

  /** A number that must be present. @throws {@link DataError} if the cell is missing or not a number. */
  number(r: number, column: string): number {
    const value = this.optionalNumber(r, column);
    if (value === undefined) throw this.cellError(r, column, 'is missing in a column where a value is required');
    return value;
  }

  /** A number, or `undefined` if the cell is empty or `-9`. @throws {@link DataError} if it is not a number. */
  optionalNumber(r: number, column: string): number | undefined {
    const cell = this.text(r, column);
    if (cell === '') return undefined;
    if (!NUMBER_PATTERN.test(cell)) throw this.cellError(r, column, 'is not a number');
    const value = Number(cell);
    return value === -9 ? undefined : value;
  }

  /** An integer that must be present. @throws {@link DataError} if missing or not an integer. */
  integer(r: number, column: string): number {
    const value = this.number(r, column);
    if (!Number.isInteger(value)) throw this.cellError(r, column, 'is not an integer');
    return value;
  }

  /** An integer, or `undefined` if the cell is empty or `-9`. @throws {@link DataError} if not an integer. */
  optionalInteger(r: number, column: string): number | undefined {
    const value = this.optionalNumber(r, column);
    if (value !== undefined && !Number.isInteger(value)) throw this.cellError(r, column, 'is not an integer');
    return value;
  }

  /** A 0/1 flag as a boolean, or `undefined` if the cell is empty or `-9`. @throws {@link DataError} otherwise. */
  optionalFlag(r: number, column: string): boolean | undefined {
    const value = this.optionalNumber(r, column);
    if (value === undefined) return undefined;
    if (value !== 0 && value !== 1) throw this.cellError(r, column, 'is not a 0/1 flag');
    return value === 1;
  }

  private columnIndex(column: string): number {
    const i = this.index.get(column);
    if (i === undefined) throw new DataError(`no column ${column}`, { file: this.file, line: 1 });
    return i;
  }

  private cellError(r: number, column: string, problem: string): DataError {
    return new DataError(`${column} "${this.text(r, column)}" ${problem}`, { file: this.file, line: this.lineOf(r) });
  }
}
