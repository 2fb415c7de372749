import { DataError } from './DataError.js';

/** A state named by its COW code (`200`) or its COW abbreviation (`"UKG"`; case-insensitive). */
export type StateRef = number | string;

/** The two COW identifiers every state-level row carries. */
export interface StateIdentity {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
}

/**
 * Finds, for each reference in order, the candidate row that it names.
 *
 * @param refs - the states asked for, by code or abbreviation.
 * @param candidates - the rows of one file for one year (each state at most once).
 * @param context - the file and year, for the error message.
 * @returns the matching candidates, in the order of `refs`.
 * @throws {@link DataError} naming the file, year and reference when a state is not among the
 *   candidates, i.e. it does not exist in that file in that year.
 */
export function resolveStateRefs<T extends StateIdentity>(
  refs: readonly StateRef[],
  candidates: readonly T[],
  context: { readonly file: string; readonly year: number },
): T[] {
  const byCode = new Map<number, T>();
  const byAbb = new Map<string, T>();
  for (const row of candidates) {
    byCode.set(row.ccode, row);
    byAbb.set(row.stateabb.toUpperCase(), row);
  }
  return refs.map((ref) => {
    const found = typeof ref === 'number' ? byCode.get(ref) : byAbb.get(ref.toUpperCase());
    if (found === undefined) {
      throw new DataError(`state does not exist in this year (${candidates.length} states in the file that year)`, {
        file: context.file,
        year: context.year,
        code: ref,
      });
    }
    return found;
  });
}
