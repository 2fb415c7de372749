import { DataError } from './DataError.js';

/**
 * The first and last of a list of years, used by the table parsers to record a file's coverage.
 *
 * @param years - every year the file's rows mention (start and end years of spells, or row years).
 * @param file - the file name, for the error message.
 * @throws {@link DataError} if there is no year at all (an empty table).
 */
export function yearSpan(years: Iterable<number>, file: string): { firstYear: number; lastYear: number } {
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const year of years) {
    if (year < firstYear) firstYear = year;
    if (year > lastYear) lastYear = year;
  }
  if (firstYear === Infinity) throw new DataError('the table has no rows, so it covers no year', { file });
  return { firstYear, lastYear };
}
