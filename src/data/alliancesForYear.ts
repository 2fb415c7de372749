import { assertYearCovered } from './assertYearCovered.js';
import type { CowYearTable } from './CowTable.js';
import { ALLIANCE_OBLIGATIONS, type AllianceMemberRow, type AllianceObligation } from './parseAllianceTable.js';

/** Which of the four obligations hold. */
export type AllianceObligations = { readonly [O in AllianceObligation]: boolean };

/** Two members of the same alliance, both with a membership spell in force in the year. */
export interface AlliancePair {
  /** The alliance (`version4id`). */
  readonly allianceId: number;
  /** The lower COW code of the pair. */
  readonly ccodeA: number;
  /** The higher COW code of the pair. */
  readonly ccodeB: number;
  /**
   * The pair's obligations: an obligation holds if either member carries it (e.g. alliance 233,
   * US–Japan 1951: only the US carries `defense`, so the pair is a defence pair).
   */
  readonly obligations: AllianceObligations;
  /** Obligations carried by member A in this alliance in the year. */
  readonly obligationsA: AllianceObligations;
  /** Obligations carried by member B in this alliance in the year. */
  readonly obligationsB: AllianceObligations;
}

/** Options of {@link alliancesForYear}. */
export interface AlliancesOptions {
  /**
   * Which obligations count: a pair is kept if its `obligations` include at least one of these.
   * Omit to keep every pair of co-members, including pairs without any coded obligation.
   * E.g. `['defense']` for defence pacts only (THEORY "Notes for scenario builders", Alliances:
   * which obligations make `ally_ij` is a scenario choice to state [D]).
   */
  readonly obligations?: readonly AllianceObligation[];
  /** Keep only pairs whose two members are both in this list of COW codes. */
  readonly among?: readonly number[];
}

/**
 * Pairs of states that are members of the same alliance in force in a year (COW Formal Alliances
 * v4.1), to seed `ally_ij` (and, from entente-only pairs, `ent_ij`) in a scenario's start year
 * (THEORY "Data available in ../shared/data"; "Notes for scenario builders", Alliances).
 *
 * Rules:
 * - A membership spell is in force in `year` if `memberStartYear ≤ year ≤ memberEndYear`; an
 *   empty end means in force to the end of the data (2012). This is the year-level convention of
 *   COW's yearly files: two spells that both touch the year count, even if on different days.
 * - A member's obligations in an alliance are the OR over its spells in force that year (a state
 *   can have two spells in one alliance, e.g. the Balkan Pact 1954). A blank flag in the source
 *   counts as "not carried" (false).
 * - Obligations come from the flags, never from `ss_type` (data/README.md §5).
 * - A pair appears once per alliance they share; two states in several alliances appear several
 *   times, with different `allianceId`s.
 *
 * @param table - parsed alliance member spells (`parseAllianceTable`).
 * @param year - the year; must be inside the file's coverage (1816–2012).
 * @param options - obligation filter and state filter.
 * @returns the pairs sorted by alliance, then `ccodeA`, then `ccodeB`.
 * @throws {@link DataError} if the year is outside the file's coverage.
 * @throws RangeError if `options.obligations` is an empty list (it would select nothing).
 */
export function alliancesForYear(
  table: CowYearTable<AllianceMemberRow>,
  year: number,
  options: AlliancesOptions = {},
): AlliancePair[] {
  assertYearCovered(table, year);
  const wanted = options.obligations;
  if (wanted !== undefined && wanted.length === 0) {
    throw new RangeError('alliancesForYear: options.obligations is empty; omit it to keep every pair');
  }
  const among = options.among === undefined ? undefined : new Set(options.among);

  // alliance id → member code → obligations merged over the member's spells in force.
  const alliances = new Map<number, Map<number, AllianceObligations>>();
  for (const row of table.rows) {
    const end = row.memberEndYear ?? table.lastYear;
    if (row.memberStartYear > year || year > end) continue;
    if (among !== undefined && !among.has(row.ccode)) continue;
    let members = alliances.get(row.version4id);
    if (members === undefined) {
      members = new Map();
      alliances.set(row.version4id, members);
    }
    members.set(row.ccode, orObligations(members.get(row.ccode), rowObligations(row)));
  }

  const pairs: AlliancePair[] = [];
  for (const allianceId of [...alliances.keys()].sort((a, b) => a - b)) {
    const members = alliances.get(allianceId) ?? new Map<number, AllianceObligations>();
    const codes = [...members.keys()].sort((a, b) => a - b);
    for (let i = 0; i < codes.length; i += 1) {
      for (let j = i + 1; j < codes.length; j += 1) {
        const obligationsA = members.get(codes[i]) ?? NO_OBLIGATIONS;
        const obligationsB = members.get(codes[j]) ?? NO_OBLIGATIONS;
        const obligations = orObligations(obligationsA, obligationsB);
        if (wanted !== undefined && !wanted.some((o) => obligations[o])) continue;
        pairs.push({ allianceId, ccodeA: codes[i], ccodeB: codes[j], obligations, obligationsA, obligationsB });
      }
    }
  }
  return pairs;
}

const NO_OBLIGATIONS: AllianceObligations = { defense: false, neutrality: false, nonaggression: false, entente: false };

/** A row's flags as booleans, a blank flag read as false. */
function rowObligations(row: AllianceMemberRow): AllianceObligations {
  return {
    defense: row.defense === true,
    neutrality: row.neutrality === true,
    nonaggression: row.nonaggression === true,
    entente: row.entente === true,
  };
}

/** Obligation-wise OR (an absent left side counts as no obligation). */
function orObligations(a: AllianceObligations | undefined, b: AllianceObligations): AllianceObligations {
  const out: Record<AllianceObligation, boolean> = { ...NO_OBLIGATIONS };
  for (const o of ALLIANCE_OBLIGATIONS) out[o] = (a?.[o] ?? false) || b[o];
  return out;
}
