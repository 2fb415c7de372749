import { assertYearCovered } from './assertYearCovered.js';
import type { CowYearTable } from './CowTable.js';
import { DataError } from './DataError.js';
import { NMC_COMPONENTS, type NmcComponent, type NmcComponents, type NmcRow } from './parseNmcTable.js';
import { resolveStateRefs, type StateRef } from './resolveStateRefs.js';

/** A state's share of the system total of each NMC component; `undefined` where its value is missing. */
export type ComponentShares = { readonly [C in NmcComponent]: number | undefined };

/**
 * Singer's three dimensions and their NMC components (THEORY "Notes for scenario builders",
 * Capabilities): military = milex, milper; economic = irst, pec; demographic = tpop, upop.
 */
export const CAPABILITY_DIMENSIONS = {
  mil: ['milex', 'milper'],
  eco: ['irst', 'pec'],
  pop: ['tpop', 'upop'],
} as const satisfies Record<string, readonly [NmcComponent, NmcComponent]>;

/** One of the three capability dimensions of THEORY §5.1 (`mil_i`, `eco_i`, `pop_i`). */
export type CapabilityDimension = keyof typeof CAPABILITY_DIMENSIONS;

/** The capabilities of one state in one year. */
export interface StateCapabilities {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** The six raw component values, `undefined` where COW codes -9. */
  readonly components: NmcComponents;
  /** The components that are missing for this state-year (empty when the data are complete). */
  readonly missing: readonly NmcComponent[];
  /** Share of each component in the year's system total over the states that report it. */
  readonly shares: ComponentShares;
  /** `mil_i` (THEORY §5.1): mean of the shares of milex and milper (see the missing-value rule). */
  readonly mil: number | undefined;
  /** `eco_i` (THEORY §5.1): mean of the shares of irst and pec (see the missing-value rule). */
  readonly eco: number | undefined;
  /** `pop_i` (THEORY §5.1): mean of the shares of tpop and upop (see the missing-value rule). */
  readonly pop: number | undefined;
  /** Three-component CINC of THEORY §3/§5.2: mean of the available dimensions among mil, eco, pop. */
  readonly cinc3: number | undefined;
  /** Six-component CINC of THEORY §3: mean of the available component shares (COW's own rule). */
  readonly cinc6: number | undefined;
  /** The published `cinc` column, for checking; not renormalised (per-year sums are 1.000–1.075). */
  readonly cinc: number | undefined;
}

/** System-wide quantities of the year, over every state in the file that year. */
export interface SystemCapabilities {
  /** Number of states in the file that year (every COW system member). */
  readonly stateCount: number;
  /** Sum of each component over the states that report it. */
  readonly totals: { readonly [C in NmcComponent]: number };
  /** Number of states that report each component. */
  readonly reporting: { readonly [C in NmcComponent]: number };
  /** Sum of `cinc3` over all states (1 when no component is missing; use it to renormalise). */
  readonly cinc3Sum: number;
  /** Sum of `cinc6` over all states (equals the published sum up to rounding). */
  readonly cinc6Sum: number;
  /** Sum of the published `cinc` over all states. */
  readonly cincSum: number;
}

/** Result of {@link capabilitiesForYear}. */
export interface CapabilitiesForYear {
  /** The NMC file the values come from (cite it with its version in source notes). */
  readonly file: string;
  /** The year. */
  readonly year: number;
  /** The states asked for, in the order asked (or every state of the year by ascending code). */
  readonly states: readonly StateCapabilities[];
  /** System totals of the year. */
  readonly system: SystemCapabilities;
}

/** Options of {@link capabilitiesForYear}. */
export interface CapabilitiesOptions {
  /**
   * What to do when a requested state has a missing component: `'fallback'` (default) applies
   * the rule documented on {@link capabilitiesForYear}; `'error'` throws a `DataError` instead.
   */
  readonly missing?: 'fallback' | 'error';
}

/**
 * Capabilities of states in one year from NMC rows (v6.0 or v7.0), grouped into THEORY's three
 * dimensions (THEORY "Notes for scenario builders", Capabilities [D]; §3, §5.1–5.2).
 *
 * **Shares.** For each component c, a state's share is `x_ic / Σ_k x_kc`, the sum running over
 * ALL states in the file that year (all system members), not only the requested ones. Shares are
 * taken within one year, so the currency change of milex in 1914 does not matter.
 *
 * **Missing-value rule** (a component coded -9):
 * 1. It is never read as 0. The component's total runs over the states that report it, and the
 *    state's share of it is `undefined`. (If a component's total is 0, no share is defined and
 *    every share of it is `undefined`.)
 * 2. A dimension (`mil`, `eco`, `pop`) is the mean of the shares available in it: if one of its
 *    two components is missing, the other component's share alone; if both are missing, the
 *    dimension is `undefined` (226 state-years for mil, 25 for eco in v6.0; pop is never missing).
 * 3. `cinc3` is the mean of the available dimensions; `cinc6` the mean of the available shares.
 *    Rule 1 with `cinc6` is exactly COW's rule: it reproduces the published `cinc` of every
 *    state-year of v6.0 and v7.0 within a relative 1.2e-7 (the float32 precision of the release).
 * 4. With complete data for a state, `cinc3 = cinc6` exactly (each dimension weighs two of the six
 *    components). For a state with a missing component they differ, because `cinc3` gives the
 *    remaining component of that dimension the weight of both; so the year's `cinc3Sum` differs
 *    from the published sum (e.g. 1.0491 against 1.0535 in 1816). Renormalise by the sum you need.
 * 5. With `options.missing = 'error'`, a requested state with any missing component throws a
 *    `DataError` instead (rule 1 still applies to the other states' totals).
 *
 * @param table - parsed NMC rows (`parseNmcTable`).
 * @param year - the year; must be inside the file's coverage.
 * @param states - states to return, by COW code or abbreviation; all states of the year if omitted.
 * @param options - missing-value handling.
 * @throws {@link DataError} if the year is outside the file's coverage, a requested state is not
 *   in the file that year, or (with `missing: 'error'`) a requested state has a missing component.
 */
export function capabilitiesForYear(
  table: CowYearTable<NmcRow>,
  year: number,
  states?: readonly StateRef[],
  options: CapabilitiesOptions = {},
): CapabilitiesForYear {
  assertYearCovered(table, year);
  const rows = table.rows.filter((row) => row.year === year).sort((a, b) => a.ccode - b.ccode);
  if (rows.length === 0) throw new DataError('no state in the file this year', { file: table.file, year });

  const totals = componentRecord(() => 0);
  const reporting = componentRecord(() => 0);
  for (const row of rows) {
    for (const c of NMC_COMPONENTS) {
      const value = row[c];
      if (value !== undefined) {
        totals[c] += value;
        reporting[c] += 1;
      }
    }
  }

  const all = rows.map((row) => stateCapabilities(row, totals));
  const requested = states === undefined ? all : resolveStateRefs(states, all, { file: table.file, year });
  if (options.missing === 'error') {
    for (const s of requested) {
      if (s.missing.length > 0) {
        throw new DataError(`missing NMC component(s) ${s.missing.join(', ')}`, {
          file: table.file,
          year,
          code: s.stateabb,
        });
      }
    }
  }

  return {
    file: table.file,
    year,
    states: requested,
    system: {
      stateCount: rows.length,
      totals,
      reporting,
      cinc3Sum: sumDefined(all.map((s) => s.cinc3)),
      cinc6Sum: sumDefined(all.map((s) => s.cinc6)),
      cincSum: sumDefined(all.map((s) => s.cinc)),
    },
  };
}

/** Builds one state's record from its row and the year's component totals. */
function stateCapabilities(row: NmcRow, totals: { readonly [C in NmcComponent]: number }): StateCapabilities {
  const shares = componentRecord<number | undefined>((c) => {
    const value = row[c];
    // Missing-value rule 1: a missing value has no share (never 0); a zero total defines none.
    return value === undefined || totals[c] === 0 ? undefined : value / totals[c];
  });
  // Missing-value rule 2: a dimension is the mean of its available shares (THEORY Capabilities [D]).
  const mil = meanDefined(CAPABILITY_DIMENSIONS.mil.map((c) => shares[c]));
  const eco = meanDefined(CAPABILITY_DIMENSIONS.eco.map((c) => shares[c]));
  const pop = meanDefined(CAPABILITY_DIMENSIONS.pop.map((c) => shares[c]));
  return {
    ccode: row.ccode,
    stateabb: row.stateabb,
    components: {
      milex: row.milex, milper: row.milper, irst: row.irst, pec: row.pec, tpop: row.tpop, upop: row.upop,
    },
    missing: NMC_COMPONENTS.filter((c) => row[c] === undefined),
    shares,
    mil,
    eco,
    pop,
    // Missing-value rule 3: THEORY §5.2 cinc_i over the available dimensions; §3 CINC over the
    // available components (COW's rule).
    cinc3: meanDefined([mil, eco, pop]),
    cinc6: meanDefined(NMC_COMPONENTS.map((c) => shares[c])),
    cinc: row.cinc,
  };
}

/** A record with one entry per NMC component. */
function componentRecord<T>(init: (c: NmcComponent) => T): { [C in NmcComponent]: T } {
  return {
    milex: init('milex'), milper: init('milper'), irst: init('irst'),
    pec: init('pec'), tpop: init('tpop'), upop: init('upop'),
  };
}

/** Mean of the defined values, or `undefined` if none is defined. */
function meanDefined(values: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v !== undefined) {
      sum += v;
      count += 1;
    }
  }
  return count === 0 ? undefined : sum / count;
}

/** Sum of the defined values (0 if none). */
function sumDefined(values: readonly (number | undefined)[]): number {
  let sum = 0;
  for (const v of values) if (v !== undefined) sum += v;
  return sum;
}
