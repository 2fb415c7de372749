import type { CowYearTable } from './CowTable.js';
import { DataError } from './DataError.js';

/**
 * Checks that `year` is an integer inside the coverage of `table`.
 *
 * @throws {@link DataError} naming the file, the year and the coverage, e.g.
 *   `cow_trade_v4.0_national.csv, year 1860: year is outside the file's coverage 1870–2014`.
 */
export function assertYearCovered(table: CowYearTable<unknown>, year: number): void {
  if (!Number.isInteger(year)) {
    throw new DataError(`year must be an integer, got ${year}`, { file: table.file });
  }
  if (year < table.firstYear || year > table.lastYear) {
    throw new DataError(`year is outside the file's coverage ${table.firstYear}–${table.lastYear}`, {
      file: table.file,
      year,
    });
  }
}
