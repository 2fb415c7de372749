import type { CowYearTable } from '../data/CowTable.js';
import type { AllianceMemberRow } from '../data/parseAllianceTable.js';
import type { IgoMembershipSpellRow } from '../data/parseIgoMembershipTable.js';
import type { MajorSpellRow } from '../data/parseMajorsTable.js';
import type { NmcRow } from '../data/parseNmcTable.js';
import type { StateSpellRow } from '../data/parseStatesTable.js';
import { BUILDUP_THRESHOLD, buildupIndex, buildupOf } from './buildupIndex.js';
import { mainThreat, type ThreatCandidate } from './mainThreat.js';
import { categoryOf, type ObservedRow } from './ObservedRow.js';

/** The parsed COW tables the observed record is coded from. */
export interface ObservedSources {
  /** State-system membership spells (the state-years coded). */
  readonly states: CowYearTable<StateSpellRow>;
  /** Major-power spells (the candidate threats). */
  readonly majors: CowYearTable<MajorSpellRow>;
  /** National Material Capabilities (CINC for the threat; milex and milper for HI). */
  readonly nmc: CowYearTable<NmcRow>;
  /** Formal Alliances v4.1 member spells (HE, SE; who is allied with whom). */
  readonly alliances: CowYearTable<AllianceMemberRow>;
  /** IGO v3 membership spells of the 47 curated IGOs (II, IE). */
  readonly igoMemberships: CowYearTable<IgoMembershipSpellRow>;
}

/** The years to code, inclusive. */
export interface ObservedSpan {
  /** First year (default: the first year every source covers, 1816). */
  readonly from?: number;
  /** Last year (default: the last year every source covers, 2012, the end of the alliance data). */
  readonly to?: number;
}

/** The years every source covers: the span {@link codeObservedBehaviour} accepts. */
export function observedCoverage(sources: ObservedSources): { readonly firstYear: number; readonly lastYear: number } {
  const tables = [sources.states, sources.majors, sources.nmc, sources.alliances, sources.igoMemberships];
  return { firstYear: Math.max(...tables.map((t) => t.firstYear)), lastYear: Math.min(...tables.map((t) => t.lastYear)) };
}

/**
 * Codes every state-year of the COW state system in `[from, to]` into its observed balancing
 * category, by the coding rules of docs/validation.md ("Coding the observed record"):
 *
 * - **HE**: a membership spell of an alliance with the member's `defense` flag starts this year.
 * - **SE**: a spell with `neutrality`, `nonaggression` or `entente` and no `defense` starts this year.
 *   For both, a spell is a join unless it is left-censored (in force before 1816) or the state was
 *   already in the same alliance the year before (a re-coded spell, not a new act).
 * - **HI**: the build-up index (`buildupIndex`) is above {@link BUILDUP_THRESHOLD}.
 * - **II / IE**: a full-membership spell in one of the 47 curated IGOs starts this year, and the
 *   state's main threat (`mainThreat`, with defence pacts of the year before) is / is not a full member
 *   of it this year. Not a join: spells starting in 1816 (left-censored), a spell after a gap of at
 *   most one year in the same IGO (a missing code), and a spell that restores a membership on the
 *   state's return to the system (e.g. after occupation). A join with no main threat sets neither flag.
 * - The category is the flag of highest precedence (HE > HI > SE > IE > II), else `NONE`.
 *
 * Pure and deterministic: the same tables give the same rows, sorted by year then COW code.
 *
 * @param sources - the parsed tables (the Node entry's `observedBehaviour` passes the bundled ones).
 * @param span - the years to code.
 * @throws RangeError if a year is not an integer, `from > to`, or the span leaves the years every source covers.
 */
export function codeObservedBehaviour(sources: ObservedSources, span: ObservedSpan = {}): ObservedRow[] {
  const cover = observedCoverage(sources);
  const from = span.from ?? cover.firstYear;
  const to = span.to ?? cover.lastYear;
  for (const [name, y] of [['from', from], ['to', to]] as const) {
    if (!Number.isInteger(y)) throw new RangeError(`${name}: ${y} is not a whole year`);
    if (y < cover.firstYear || y > cover.lastYear) {
      throw new RangeError(`${name}: ${y} is outside the years the bundled data cover together, ${cover.firstYear}–${cover.lastYear} (alliances end in ${sources.alliances.lastYear})`);
    }
  }
  if (from > to) throw new RangeError(`from: ${from} is after to: ${to}`);

  const buildup = buildupIndex(sources.nmc);
  const cinc = new Map<number, number>();
  for (const row of sources.nmc.rows) if (row.cinc !== undefined) cinc.set(row.ccode * 10_000 + row.year, row.cinc);
  const allianceJoins = allianceJoinsByStateYear(sources.alliances);
  const igoJoins = igoJoinsByStateYear(sources.igoMemberships, sources.states);
  const fullSpells = new Map<string, IgoMembershipSpellRow[]>();
  for (const s of sources.igoMemberships.rows) {
    if (s.status !== 'full') continue;
    const list = fullSpells.get(s.ioname) ?? [];
    list.push(s);
    fullSpells.set(s.ioname, list);
  }
  const isFullMember = (ioname: string, ccode: number, year: number): boolean =>
    (fullSpells.get(ioname) ?? []).some((s) => s.ccode === ccode && s.startYear <= year && year <= s.endYear);

  const rows: ObservedRow[] = [];
  for (let year = from; year <= to; year += 1) {
    const allianceYear = Math.max(year - 1, sources.alliances.firstYear);
    const alliancesOf = alliancesInForce(sources.alliances, allianceYear);
    const candidates: ThreatCandidate[] = majorsOf(sources.majors, year).map((m) => ({
      ccode: m.ccode, stateabb: m.stateabb, cinc: cinc.get(m.ccode * 10_000 + year) ?? 0,
    }));
    for (const state of membersOf(sources.states, year)) {
      const mine = alliancesOf.get(state.ccode);
      const threat = mainThreat(state.ccode, candidates, (other) => {
        const theirs = alliancesOf.get(other);
        if (mine === undefined || theirs === undefined) return false;
        for (const [id, defense] of mine) if (theirs.has(id) && (defense || theirs.get(id) === true)) return true;
        return false;
      });
      const joins = allianceJoins.get(state.ccode * 10_000 + year) ?? [];
      const igos = igoJoins.get(state.ccode * 10_000 + year) ?? [];
      const b = buildupOf(buildup, state.ccode, year);
      const includes = igos.map((io) => threat !== undefined && isFullMember(io, threat.ccode, year));
      const flags = {
        HE: joins.some((j) => j.defense),
        HI: b !== undefined && b > BUILDUP_THRESHOLD,
        SE: joins.some((j) => !j.defense),
        IE: threat !== undefined && includes.some((inc) => !inc),
        II: threat !== undefined && includes.some((inc) => inc),
      };
      rows.push({
        ccode: state.ccode,
        stateId: state.stateabb,
        year,
        category: categoryOf(flags),
        ...flags,
        buildup: b,
        mainThreatCcode: threat?.ccode,
        mainThreat: threat?.stateabb,
        alliancesJoined: [...new Set(joins.map((j) => j.id))].sort((x, y) => x - y),
        igosJoined: igos,
      });
    }
  }
  return rows;
}

/** A join of an alliance: its id and whether the member took on a defence obligation. */
interface AllianceJoin {
  readonly id: number;
  readonly defense: boolean;
}

/** Alliance joins (HE or SE) keyed by `ccode * 10000 + year`. */
function allianceJoinsByStateYear(table: CowYearTable<AllianceMemberRow>): Map<number, AllianceJoin[]> {
  const out = new Map<number, AllianceJoin[]>();
  for (const row of table.rows) {
    if (row.leftCensor === true) continue;
    const defense = row.defense === true;
    const soft = row.neutrality === true || row.nonaggression === true || row.entente === true;
    if (!defense && !soft) continue;
    const y = row.memberStartYear;
    const already = table.rows.some((o) => o !== row && o.version4id === row.version4id && o.ccode === row.ccode
      && o.memberStartYear <= y - 1 && y - 1 <= (o.memberEndYear ?? table.lastYear));
    if (already) continue;
    const k = row.ccode * 10_000 + y;
    const list = out.get(k) ?? [];
    list.push({ id: row.version4id, defense });
    out.set(k, list);
  }
  return out;
}

/** IGO joins as a full member (sorted short names) keyed by `ccode * 10000 + year`. */
function igoJoinsByStateYear(
  table: CowYearTable<IgoMembershipSpellRow>,
  states: CowYearTable<StateSpellRow>,
): Map<number, string[]> {
  const systemYears = new Set<number>();
  for (const s of states.rows) for (let y = s.styear; y <= s.endyear; y += 1) systemYears.add(s.ccode * 10_000 + y);
  const full = table.rows.filter((s) => s.status === 'full');
  const out = new Map<number, string[]>();
  for (const spell of full) {
    const y = spell.startYear;
    if (y <= table.firstYear) continue;
    const earlier = full.filter((o) => o.ioname === spell.ioname && o.ccode === spell.ccode && o.endYear < y);
    if (earlier.some((o) => o.endYear >= y - 2)) continue;
    if (earlier.length > 0 && !systemYears.has(spell.ccode * 10_000 + y - 1)) continue;
    const k = spell.ccode * 10_000 + y;
    const list = out.get(k) ?? [];
    if (!list.includes(spell.ioname)) list.push(spell.ioname);
    out.set(k, list.sort());
  }
  return out;
}

/** The alliances each state is a member of in a year (any spell in force), with whether it carries a defence obligation in it. */
function alliancesInForce(table: CowYearTable<AllianceMemberRow>, year: number): Map<number, Map<number, boolean>> {
  const out = new Map<number, Map<number, boolean>>();
  for (const row of table.rows) {
    if (row.memberStartYear > year || year > (row.memberEndYear ?? table.lastYear)) continue;
    const alliances = out.get(row.ccode) ?? new Map<number, boolean>();
    alliances.set(row.version4id, alliances.get(row.version4id) === true || row.defense === true);
    out.set(row.ccode, alliances);
  }
  return out;
}

/** The system members of a year, sorted by COW code. */
function membersOf(table: CowYearTable<StateSpellRow>, year: number): { ccode: number; stateabb: string }[] {
  const m = new Map<number, string>();
  for (const s of table.rows) if (s.styear <= year && year <= s.endyear && !m.has(s.ccode)) m.set(s.ccode, s.stateabb);
  return [...m].map(([ccode, stateabb]) => ({ ccode, stateabb })).sort((a, b) => a.ccode - b.ccode);
}

/** The major powers of a year, sorted by COW code. */
function majorsOf(table: CowYearTable<MajorSpellRow>, year: number): { ccode: number; stateabb: string }[] {
  const m = new Map<number, string>();
  for (const s of table.rows) if (s.styear <= year && year <= s.endyear && !m.has(s.ccode)) m.set(s.ccode, s.stateabb);
  return [...m].map(([ccode, stateabb]) => ({ ccode, stateabb })).sort((a, b) => a.ccode - b.ccode);
}
