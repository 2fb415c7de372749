/**
 * A parsed COW file: its typed rows and the name of the file they came from (used in every
 * error message about them).
 *
 * Missing-value convention of the whole data layer: a cell that holds COW's missing code `-9`,
 * or is empty, becomes `undefined` in the row, never 0 and never NaN. Row fields that can be
 * missing are typed `number | undefined` (or `boolean | undefined`), so the compiler makes
 * every caller decide what a missing value means.
 */
export interface CowTable<Row> {
  /** File name (or label) the rows were parsed from. */
  readonly file: string;
  /** The rows, in file order. */
  readonly rows: readonly Row[];
}

/**
 * A COW table whose rows describe years, with the span of years the file covers. Functions that
 * take a year throw a `DataError` for a year outside `[firstYear, lastYear]`.
 *
 * The span is computed from the rows when the file is parsed (e.g. 1816–2016 for NMC v6.0,
 * 1816–2022 for v7.0, 1870–2014 for trade, 1816–2012 for alliances).
 */
export interface CowYearTable<Row> extends CowTable<Row> {
  /** First year covered by the file. */
  readonly firstYear: number;
  /** Last year covered by the file. */
  readonly lastYear: number;
}
