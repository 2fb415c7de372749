/** Where a data problem was found: the file, and when known the year, the state and the line. */
export interface DataErrorContext {
  /** Name of the data file (e.g. `cow_nmc_v6.0_abridged.csv`), or a label for in-memory text. */
  readonly file: string;
  /** The year asked for or being read, when the problem concerns one. */
  readonly year?: number;
  /** The state asked for (COW code or abbreviation), when the problem concerns one. */
  readonly code?: number | string;
  /** 1-based line in the file, when the problem is in its text. */
  readonly line?: number;
}

/**
 * Thrown by the data layer when a file cannot be read as the COW table it should be, when a
 * year is outside a file's coverage, or when a state asked for does not exist in that year.
 *
 * The message always starts with the file, then the year, state and line when known, e.g.
 * `cow_nmc_v6.0_abridged.csv, year 1816, state "XYZ": state does not exist in this year (23 states)`.
 * The same facts are available as fields for programmatic use.
 */
export class DataError extends Error {
  /** Name of the data file, or a label for in-memory text. */
  readonly file: string;
  /** The year concerned, if any. */
  readonly year: number | undefined;
  /** The state concerned (COW code or abbreviation), if any. */
  readonly code: number | string | undefined;
  /** 1-based line in the file, if any. */
  readonly line: number | undefined;

  /**
   * @param problem - what is wrong, in plain words (the location is prefixed automatically).
   * @param context - the file and, when known, the year, state and line.
   */
  constructor(problem: string, context: DataErrorContext) {
    super(`${formatDataErrorContext(context)}: ${problem}`);
    this.name = 'DataError';
    this.file = context.file;
    this.year = context.year;
    this.code = context.code;
    this.line = context.line;
  }
}

/** Formats a context as `file, year Y, state "X", line N`, omitting what is unknown. */
function formatDataErrorContext(context: DataErrorContext): string {
  const parts = [context.file];
  if (context.year !== undefined) parts.push(`year ${context.year}`);
  if (context.code !== undefined) {
    parts.push(typeof context.code === 'number' ? `state ${context.code}` : `state "${context.code}"`);
  }
  if (context.line !== undefined) parts.push(`line ${context.line}`);
  return parts.join(', ');
}
