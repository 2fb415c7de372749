import { assertYearCovered } from './assertYearCovered.js';
import type { CowYearTable } from './CowTable.js';
import { DataError } from './DataError.js';
import type { TradeRow } from './parseTradeTable.js';
import type { StateIdentity, StateRef } from './resolveStateRefs.js';

/** National trade totals of one state in one year, millions of current US dollars. */
export interface StateTrade {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** Total imports; `undefined` if missing or if the file has no row for the state-year. */
  readonly imports: number | undefined;
  /** Total exports; `undefined` if missing or if the file has no row for the state-year. */
  readonly exports: number | undefined;
  /**
   * `τ_i = (imports_i + exports_i) / 2` (THEORY "Notes for scenario builders", Trade); `undefined`
   * unless both totals are present. Never imputed: a missing side is not read as 0.
   */
  readonly tau: number | undefined;
  /** Whether the file has a row for this state-year at all (some system members have none). */
  readonly inFile: boolean;
}

/** Options of {@link tradeForYear}. */
export interface TradeOptions {
  /**
   * The state-system members of the year (e.g. `statesForYear(states, year)`). When given, each
   * requested state must be among them, and they also name states the trade file never mentions
   * (Kosovo, South Sudan). The trade file alone cannot tell members from non-members: it has rows
   * for some non-members (e.g. Guyana 1960–65) and lacks some members (e.g. Monaco 2007–14).
   */
  readonly system?: readonly StateIdentity[];
}

/**
 * Imports, exports and `τ` per state in a year from COW Trade v4.0 national totals (1870–2014),
 * a monadic openness measure and the input of the proportional proxy for bilateral trade
 * (`proportionalTrade`; THEORY "Notes for scenario builders", Trade and interdependence).
 *
 * Missing-value rule: empty cells are missing (`undefined`), and so is everything for a
 * requested state the file has no row for in that year (`inFile: false`). `tau` needs both
 * totals. The alternative estimates (`alt_imports`, `alt_exports`) are not used; they remain on
 * the parsed rows.
 *
 * @param table - parsed trade rows (`parseTradeTable`).
 * @param year - the year; must be inside the file's coverage (1870–2014).
 * @param states - states to return, by COW code or abbreviation; every row of the year if omitted.
 * @param options - the system members of the year, for existence checks.
 * @returns one entry per requested state in the order asked, or every row of the year by code.
 * @throws {@link DataError} if the year is outside the coverage, a state is unknown to both the
 *   file and `options.system`, or (with `options.system`) a state is not a system member that year.
 */
export function tradeForYear(
  table: CowYearTable<TradeRow>,
  year: number,
  states?: readonly StateRef[],
  options: TradeOptions = {},
): StateTrade[] {
  assertYearCovered(table, year);
  const rowsOfYear = new Map<number, TradeRow>();
  for (const row of table.rows) if (row.year === year) rowsOfYear.set(row.ccode, row);
  if (states === undefined) {
    return [...rowsOfYear.values()].sort((a, b) => a.ccode - b.ccode).map(stateTrade);
  }

  // Every identity the file or the system list knows, to resolve references.
  const byCode = new Map<number, StateIdentity>();
  const byAbb = new Map<string, StateIdentity>();
  const know = (id: StateIdentity): void => {
    if (!byCode.has(id.ccode)) byCode.set(id.ccode, { ccode: id.ccode, stateabb: id.stateabb });
    if (!byAbb.has(id.stateabb.toUpperCase())) byAbb.set(id.stateabb.toUpperCase(), id);
  };
  options.system?.forEach(know);
  table.rows.forEach(know);
  const members = options.system === undefined ? undefined : new Set(options.system.map((s) => s.ccode));

  return states.map((ref) => {
    const id = typeof ref === 'number' ? byCode.get(ref) : byAbb.get(ref.toUpperCase());
    if (id === undefined) {
      throw new DataError('unknown state: not in the file, nor in the system list if one was given', {
        file: table.file,
        year,
        code: ref,
      });
    }
    if (members !== undefined && !members.has(id.ccode)) {
      throw new DataError('state does not exist in this year (not in the system list given)', {
        file: table.file,
        year,
        code: ref,
      });
    }
    const row = rowsOfYear.get(id.ccode);
    return row === undefined
      ? { ccode: id.ccode, stateabb: id.stateabb, imports: undefined, exports: undefined, tau: undefined, inFile: false }
      : stateTrade(row);
  });
}

/** The record of a state-year that has a row. */
function stateTrade(row: TradeRow): StateTrade {
  const { imports, exports } = row;
  const tau = imports === undefined || exports === undefined ? undefined : (imports + exports) / 2;
  return { ccode: row.ccode, stateabb: row.stateabb, imports, exports, tau, inFile: true };
}
