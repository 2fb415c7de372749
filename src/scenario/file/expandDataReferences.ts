import { alliancesForYear, type AlliancePair } from '../../data/alliancesForYear.js';
import { assertYearCovered } from '../../data/assertYearCovered.js';
import { capabilitiesForYear, CAPABILITY_DIMENSIONS, type CapabilitiesForYear } from '../../data/capabilitiesForYear.js';
import type { CowYearTable } from '../../data/CowTable.js';
import { DataError } from '../../data/DataError.js';
import { igoByName } from '../../data/igoByName.js';
import { igoMembershipsForYear } from '../../data/igoMembershipsForYear.js';
import { majorsForYear } from '../../data/majorsForYear.js';
import type { NmcRow } from '../../data/parseNmcTable.js';
import { proportionalTrade } from '../../data/proportionalTrade.js';
import { statesForYear } from '../../data/statesForYear.js';
import { tradeForYear, type StateTrade } from '../../data/tradeForYear.js';
import { formatPath, type ScenarioIssue } from '../ScenarioError.js';
import type { AlliancePairProvenance, DataProvenance } from './DataProvenance.js';
import { cowIdentities, type CowIdentity } from './cowIdentities.js';
import type { NmcVersion, ScenarioDataProvider } from './ScenarioDataProvider.js';
import {
  alliancesReferenceSchema, dataSettingsSchema, igoMembersReferenceSchema, majorReferenceSchema, nmcCapabilitiesReferenceSchema,
  tradeReferenceSchema,
} from './scenarioFileSchema.js';

type Key = string | number;
type Path = Key[];

/** Where a generated part of the in-memory scenario comes from in the file. @internal */
export interface Origin {
  /** Path in the in-memory scenario (a prefix: everything under it comes from `from`). */
  readonly path: Path;
  /** Path in the file. */
  readonly from: Path;
}

/** Result of {@link expandDataReferences}. @internal */
export interface DataExpansion {
  /** The in-memory scenario input: file-only fields removed, data references replaced by values. */
  readonly input: unknown;
  /** Generated parts whose path differs from the file's (data-drawn dyads, added members). */
  readonly origins: readonly Origin[];
  /**
   * Paths filled with a stand-in because their reference could not be expanded (it is reported);
   * issues the core finds under them are consequences and are dropped.
   */
  readonly placeholders: readonly Path[];
  /** Problems with the data references, each at the reference (or the field of it) concerned. */
  readonly issues: readonly ScenarioIssue[];
  /** Remarks for the resolved scenario's warnings, e.g. a capability dimension drawn from one component. */
  readonly notes: readonly string[];
  /** What each data reference became (the COW file, year and values), in file order. */
  readonly provenance: readonly DataProvenance[];
}

/** Message for a data reference met without a data provider. */
export const NO_DATA_PROVIDER = 'data references need a data provider: use loadScenario from counterpoise/node, or pass options.data';

const FILE_ONLY = ['$schema', 'data', 'alliances', 'trade', 'sources'];
const STAND_IN_CAPABILITIES = { mil: 1, eco: 1, pop: 1 };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReference = (v: unknown): v is Record<string, unknown> => isRecord(v) && 'source' in v;
const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Expands the data references of a scenario file into the plain values of the in-memory scenario
 * (the spec of the file format; THEORY "Notes for scenario builders"):
 *
 * - `states[i].capabilities: { source: nmc, year }` → mil, eco, pop as `capabilitiesForYear`
 *   groups them (shares of the whole system that year; a missing component leaves the other of its
 *   dimension alone, noted in the warnings; a dimension that is missing or 0 is an error, unless
 *   the reference overrides it);
 * - `states[i].major: { source: cow, year }` → whether the state is a COW major that year;
 * - `institutions[k].members: { source: igo, ioname, year, statuses }` → the scenario's states
 *   among the IGO's members that year, then `add` and `remove`;
 * - `alliances:` → `alliance: true` on dyads of states allied that year by the chosen obligations,
 *   and `entente: ententeLevel` on pairs whose only obligation is entente;
 * - `trade:` → `trade` on dyads by the proportional proxy, as a share of the whole system's trade (N26);
 * - a state's `name` defaults to its COW name; `cow`, `data`, `sources`, `$schema` and the
 *   institutions' `add`, `remove` and `source` are removed.
 *
 * States are matched to COW data by their COW identity (`cowIdentities`). Explicit dyad values
 * override values drawn from `alliances:` and `trade:` for that pair, field by field; dyads the
 * file does not list are appended after its own, in the order of the states.
 *
 * Reads the raw file value defensively (the file schema reports malformed input): a reference
 * that is malformed or cannot be expanded gets a stand-in value and is skipped.
 * @internal
 */
export function expandDataReferences(raw: unknown, provider: ScenarioDataProvider | undefined): DataExpansion {
  if (!isRecord(raw)) return { input: raw, origins: [], placeholders: [], issues: [], notes: [], provenance: [] };
  return new Expander(raw, provider).run();
}

class Expander {
  private readonly issues: ScenarioIssue[] = [];
  private readonly notes: string[] = [];
  private readonly origins: Origin[] = [];
  private readonly placeholders: Path[] = [];
  private readonly provenance: DataProvenance[] = [];
  /** The provenance of each data-drawn pair value, by pair and field, for marking what the file's own dyads override. */
  private readonly pairValues = new Map<string, { overriddenBy?: string }>();
  private readonly states: unknown[];
  private readonly ids: (string | undefined)[];
  private readonly index = new Map<string, number>();
  private readonly startYear: number | undefined;
  private readonly nmcVersion: NmcVersion;
  private identities: (CowIdentity | undefined)[] | undefined;
  private identityFailed: boolean[] = [];
  private readonly capabilityCache = new Map<string, CapabilitiesForYear>();
  private readonly majorCache = new Map<number, Set<number>>();

  constructor(private readonly raw: Record<string, unknown>, private readonly provider: ScenarioDataProvider | undefined) {
    this.states = Array.isArray(raw.states) ? raw.states : [];
    this.ids = this.states.map((st) => (isRecord(st) && typeof st.id === 'string' ? st.id : undefined));
    this.ids.forEach((id, i) => { if (id !== undefined && !this.index.has(id)) this.index.set(id, i); });
    const meta = raw.meta;
    const start = isRecord(meta) ? meta.startYear : undefined;
    this.startYear = typeof start === 'number' && Number.isInteger(start) ? start : undefined;
    const data = dataSettingsSchema.safeParse(raw.data ?? {});
    this.nmcVersion = data.success ? data.data.nmc : '6.0';
  }

  run(): DataExpansion {
    this.bindIdentities();
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.raw)) if (!FILE_ONLY.includes(key)) input[key] = value;
    if (Array.isArray(this.raw.states)) input.states = this.states.map((st, i) => this.state(st, i));
    if (Array.isArray(this.raw.institutions)) input.institutions = this.raw.institutions.map((q, k) => this.institution(q, k));
    const dyads = this.dyads();
    if (dyads !== undefined) input.dyads = dyads;
    return { input, origins: this.origins, placeholders: this.placeholders, issues: this.issues, notes: this.notes, provenance: this.provenance };
  }

  // ---- identities and tables ----

  private bindIdentities(): void {
    const states = this.provider?.states;
    if (states === undefined || this.states.length === 0) return;
    try {
      const bound = cowIdentities(this.states, states(), this.startYear);
      this.identities = bound.identities;
      this.identityFailed = bound.failed;
      this.issues.push(...bound.issues);
      bound.identities.forEach((identity, i) => {
        const state = this.ids[i];
        if (identity === undefined || state === undefined) return;
        this.provenance.push({ kind: 'cow-identity', reference: formatPath(['states', i]), state, ...identity });
      });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      this.issue(['states'], error.message);
      // Reported once here; the references that need identities are skipped silently.
      this.identities = this.states.map(() => undefined);
      this.identityFailed = this.states.map(() => true);
    }
  }

  /** Every state's COW identity, or undefined after reporting why they cannot be known. */
  private bound(path: Path): (CowIdentity | undefined)[] | undefined {
    if (this.identities !== undefined) return this.identities;
    this.issue(path, this.provider === undefined ? NO_DATA_PROVIDER : 'the data provider has no states() table, needed to match states to COW codes');
    return undefined;
  }

  /** The COW identity a reference needs, or undefined after reporting why there is none. */
  private identity(i: number, path: Path, remedy: string): CowIdentity | undefined {
    const all = this.bound(path);
    if (all === undefined) return undefined;
    const found = all[i];
    if (found === undefined && !this.identityFailed[i]) {
      this.issue(path, `state "${this.ids[i] ?? `states[${i}]`}" has no COW identity (its id is not a COW abbreviation): ${remedy}`);
    }
    return found;
  }

  /** Loads a table, reporting at `path` when there is no provider, no such table, or the table fails. */
  private table<T>(path: Path, name: keyof ScenarioDataProvider, get: (p: ScenarioDataProvider) => (() => T) | undefined): T | undefined {
    if (this.provider === undefined) { this.issue(path, NO_DATA_PROVIDER); return undefined; }
    const load = get(this.provider);
    if (load === undefined) { this.issue(path, `the data provider has no ${name}() table, which this reference needs`); return undefined; }
    return this.attempt(path, load);
  }

  /** Runs a data-layer call, turning a DataError into an issue at `path`. */
  private attempt<T>(path: Path, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      this.issue(path, error.message);
      return undefined;
    }
  }

  /** The year of a reference (its own, else meta.startYear), checked against a table's coverage. */
  private year(given: number | undefined, path: Path, table: CowYearTable<unknown> | undefined): number | undefined {
    const year = given ?? this.startYear;
    const at = given === undefined ? path : [...path, 'year'];
    if (table === undefined) return undefined; // already reported
    if (year === undefined) { this.issue(path, 'no year: give year here, or meta.startYear'); return undefined; }
    try {
      assertYearCovered(table, year);
      return year;
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      this.issue(at, given === undefined ? `${error.message} (the year is meta.startYear)` : error.message);
      return undefined;
    }
  }

  private issue(path: Path, message: string): void {
    this.issues.push({ path, message });
  }

  // ---- states ----

  private state(st: unknown, i: number): unknown {
    if (!isRecord(st)) return st;
    const out: Record<string, unknown> = { ...st };
    delete out.cow;
    const identity = this.identities?.[i];
    if (out.name === undefined && identity !== undefined) out.name = identity.name;
    if (isReference(st.capabilities)) out.capabilities = this.capabilities(st.capabilities, i) ?? this.standIn(['states', i, 'capabilities'], STAND_IN_CAPABILITIES);
    if (isRecord(st.major)) out.major = this.major(st.major, i) ?? this.standIn(['states', i, 'major'], false);
    return out;
  }

  private standIn<T>(path: Path, value: T): T {
    this.placeholders.push(path);
    return value;
  }

  /** `capabilities: { source: nmc }` → the grouped shares (THEORY "Notes for scenario builders", Capabilities [D]). */
  private capabilities(value: Record<string, unknown>, i: number): { mil: number; eco: number; pop: number } | undefined {
    const path: Path = ['states', i, 'capabilities'];
    const ref = nmcCapabilitiesReferenceSchema.safeParse(value);
    if (!ref.success) return undefined; // reported by the file schema
    const version = this.nmcVersion;
    const table = this.table<CowYearTable<NmcRow>>(path, 'nmc', (p) => {
      const nmc = p.nmc;
      return nmc === undefined ? undefined : () => nmc(version);
    });
    const year = this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return undefined;
    const identity = this.identity(i, path, 'give cow: with its COW abbreviation or code, or give its capabilities inline');
    if (identity === undefined) return undefined;
    const key = `${version}:${year}`;
    let all = this.capabilityCache.get(key);
    if (all === undefined) {
      all = this.attempt(path, () => capabilitiesForYear(table, year));
      if (all === undefined) return undefined;
      this.capabilityCache.set(key, all);
    }
    const found = all.states.find((s) => s.ccode === identity.ccode);
    const where = { file: table.file, year, code: identity.stateabb };
    if (found === undefined) {
      this.issue(path, new DataError(`state does not exist in this year (${all.states.length} states in the file that year)`, where).message);
      return undefined;
    }
    const out = { mil: 0, eco: 0, pop: 0 };
    let ok = true;
    for (const dim of ['mil', 'eco', 'pop'] as const) {
      const override = ref.data[dim];
      if (override !== undefined) { out[dim] = override; continue; }
      const [a, b] = CAPABILITY_DIMENSIONS[dim];
      const components = `${a} = ${show(found.components[a])}, ${b} = ${show(found.components[b])}`;
      const share = found[dim];
      if (share === undefined || !(share > 0)) {
        const problem = share === undefined ? `${dim} is missing (${components})` : `${dim} is 0 (${components}), and the model needs ${dim} > 0 (THEORY §5.1)`;
        this.issue(path, new DataError(`${problem}; give ${dim} in the reference to set it from a cited source`, where).message);
        ok = false;
        continue;
      }
      const missing = [a, b].filter((c) => found.components[c] === undefined);
      if (missing.length === 1) {
        const other = missing[0] === a ? b : a;
        this.notes.push(`states[${i}].capabilities: ${new DataError(`${missing[0]} is missing, so ${dim} is the share of ${other} alone (capabilitiesForYear, missing-value rule 2)`, where).message}`);
      }
      out[dim] = share;
    }
    if (!ok) return undefined;
    this.provenance.push({
      kind: 'capabilities', reference: formatPath(path), state: this.ids[i] ?? `states[${i}]`, file: table.file, year, ccode: identity.ccode,
      values: { ...out }, overridden: (['mil', 'eco', 'pop'] as const).filter((d) => ref.data[d] !== undefined),
    });
    return out;
  }

  /** `major: { source: cow }` → whether the state is a COW major power in the year (THEORY "Great powers"). */
  private major(value: Record<string, unknown>, i: number): boolean | undefined {
    const path: Path = ['states', i, 'major'];
    const ref = majorReferenceSchema.safeParse(value);
    if (!ref.success) return undefined;
    const table = this.table(path, 'majors', (p) => p.majors);
    const year = this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return undefined;
    const identity = this.identity(i, path, 'give cow: with its COW abbreviation or code, or give major: true or false');
    if (identity === undefined) return undefined;
    let majors = this.majorCache.get(year);
    if (majors === undefined) {
      majors = new Set(majorsForYear(table, year).map((m) => m.ccode));
      this.majorCache.set(year, majors);
    }
    const major = majors.has(identity.ccode);
    this.provenance.push({ kind: 'major', reference: formatPath(path), state: this.ids[i] ?? `states[${i}]`, file: table.file, year, major });
    return major;
  }

  // ---- institutions ----

  private institution(q: unknown, k: number): unknown {
    if (!isRecord(q)) return q;
    const { add, remove } = q;
    const out: Record<string, unknown> = { ...q };
    delete out.add;
    delete out.remove;
    delete out.source;
    const path: Path = ['institutions', k];
    if (!isReference(q.members)) {
      if (add !== undefined) this.issue([...path, 'add'], 'add applies only to members drawn from the data; list the members inline instead');
      if (remove !== undefined) this.issue([...path, 'remove'], 'remove applies only to members drawn from the data; list the members inline instead');
      return out;
    }
    const members = this.members(q.members, k, add, remove, out);
    out.members = members ?? this.standIn([...path, 'members'], []);
    return out;
  }

  /** `members: { source: igo }` → the scenario's states among the IGO's members in the year, then add and remove. */
  private members(value: Record<string, unknown>, k: number, add: unknown, remove: unknown, out: Record<string, unknown>): string[] | undefined {
    const path: Path = ['institutions', k, 'members'];
    const ref = igoMembersReferenceSchema.safeParse(value);
    if (!ref.success) return undefined;
    const { ioname } = ref.data;
    const table = this.table(path, 'igoMemberships', (p) => p.igoMemberships);
    const year = this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return undefined;
    if (this.provider?.igo !== undefined) {
      const igos = this.attempt(path, this.provider.igo);
      const igo = igos === undefined ? undefined : this.attempt([...path, 'ioname'], () => igoByName(igos, ioname));
      if (igo === undefined) return undefined;
      if (year < igo.startYear || (igo.endYear !== undefined && year > igo.endYear)) {
        const life = igo.endYear === undefined ? `was founded in ${igo.startYear}` : `existed ${igo.startYear}–${igo.endYear}`;
        this.issue(ref.data.year === undefined ? path : [...path, 'year'], `${igo.ioname} ${life} (${igos?.file ?? 'COW IGO v3'}), so it has no members in ${year}`);
        return undefined;
      }
      if (out.name === undefined) out.name = igo.longorgname !== '' ? igo.longorgname : igo.orgname;
    }
    const rows = this.attempt([...path, 'ioname'], () => igoMembershipsForYear(table, ioname, year, { statuses: ref.data.statuses }));
    if (rows === undefined) return undefined;
    const identities = this.bound(path);
    if (identities === undefined) return undefined;
    const codes = new Set(rows.map((r) => r.ccode));
    const members = new Set<number>();
    identities.forEach((identity, i) => { if (identity !== undefined && codes.has(identity.ccode)) members.add(i); });
    const fromData = new Set(members);
    const added = new Map<number, number>();
    const named = (list: unknown, field: 'add' | 'remove', each: (i: number, j: number, id: string) => void): void => {
      if (!Array.isArray(list)) return;
      list.forEach((id, j) => {
        if (typeof id !== 'string') return;
        const i = this.index.get(id);
        if (i === undefined) this.issue(['institutions', k, field, j], `unknown state "${id}"`);
        else each(i, j, id);
      });
    };
    named(add, 'add', (i, j, id) => {
      if (fromData.has(i) || added.has(i)) this.issue(['institutions', k, 'add', j], `"${id}" is already a member of ${ioname} in ${year}`);
      else { members.add(i); added.set(i, j); }
    });
    named(remove, 'remove', (i, j, id) => {
      if (!fromData.has(i)) this.issue(['institutions', k, 'remove', j], `"${id}" is not a member of ${ioname} in ${year} in the data`);
      else members.delete(i);
    });
    const order = [...members].sort((a, b) => a - b);
    order.forEach((i, m) => {
      const j = added.get(i);
      if (j !== undefined) this.origins.push({ path: ['institutions', k, 'members', m], from: ['institutions', k, 'add', j] });
    });
    const name = (set: Iterable<number>): string[] => [...set].sort((a, b) => a - b).map((i) => this.ids[i] as string);
    const result = order.map((i) => this.ids[i] as string);
    const id = this.rawInstitution(k).id;
    const institution = typeof id === 'string' ? id : `institutions[${k}]`;
    this.provenance.push({
      kind: 'igo-members', reference: formatPath(path), institution, file: table.file, ioname, year, statuses: [...ref.data.statuses],
      fromData: name(fromData), added: name(added.keys()), removed: name([...fromData].filter((i) => !members.has(i))), members: result,
    });
    return result;
  }

  private rawInstitution(k: number): Record<string, unknown> {
    const list = this.raw.institutions;
    const q = Array.isArray(list) ? list[k] : undefined;
    return isRecord(q) ? q : {};
  }

  // ---- dyads ----

  /** Explicit dyads (completed from the data), then the data-drawn pairs the file does not list. */
  private dyads(): unknown[] | undefined {
    const drawn = new Map<string, DrawnDyad>();
    this.alliances(drawn);
    this.trade(drawn);
    if (this.raw.dyads !== undefined && !Array.isArray(this.raw.dyads)) return undefined;
    const explicit: unknown[] = Array.isArray(this.raw.dyads) ? this.raw.dyads : [];
    const out = explicit.map((d, j) => {
      if (!isRecord(d) || !Array.isArray(d.between) || typeof d.between[0] !== 'string' || typeof d.between[1] !== 'string') return d;
      const key = pairKey(d.between[0], d.between[1]);
      for (const field of ['alliance', 'entente', 'trade']) {
        const drawnValue = this.pairValues.get(`${key}\u0000${field}`);
        if (drawnValue !== undefined && d[field] !== undefined) drawnValue.overriddenBy = formatPath(['dyads', j]);
      }
      const data = drawn.get(key);
      if (data === undefined) return d;
      drawn.delete(key);
      const merged: Record<string, unknown> = { ...data.values, ...d };
      if (merged.alliance !== true && d.allianceEnds === undefined) delete merged.allianceEnds; // the file overrides the alliance
      return merged;
    });
    const rest = [...drawn.values()].sort((x, y) => x.a - y.a || x.b - y.b);
    for (const dyad of rest) {
      this.origins.push({ path: ['dyads', out.length], from: dyad.from });
      out.push({ between: [this.ids[dyad.a], this.ids[dyad.b]], ...dyad.values });
    }
    return out;
  }

  private drawn(map: Map<string, DrawnDyad>, a: number, b: number, from: Path): DrawnDyad {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = pairKey(this.ids[lo] as string, this.ids[hi] as string);
    let dyad = map.get(key);
    if (dyad === undefined) {
      dyad = { a: lo, b: hi, from, values: {} };
      map.set(key, dyad);
    }
    return dyad;
  }

  /** The scenario's states that have a COW identity, by COW code (first state with an id only). */
  private byCode(): Map<number, number> {
    const map = new Map<number, number>();
    this.identities?.forEach((identity, i) => {
      if (identity !== undefined && this.ids[i] !== undefined && this.index.get(this.ids[i] as string) === i) map.set(identity.ccode, i);
    });
    return map;
  }

  /**
   * `alliances:` → ally_ij = 1 for pairs sharing an alliance in force in the year with one of the
   * chosen obligations; ent_ij = ententeLevel for the other pairs sharing an entente-only pact
   * (THEORY "Notes for scenario builders", Alliances [D]). States without a COW identity have none.
   */
  private alliances(drawn: Map<string, DrawnDyad>): void {
    if (this.raw.alliances === undefined) return;
    const path: Path = ['alliances'];
    const ref = alliancesReferenceSchema.safeParse(this.raw.alliances);
    if (!ref.success) return;
    const table = this.table(path, 'alliances', (p) => p.alliances);
    const year = this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return;
    if (this.bound(path) === undefined) return;
    const byCode = this.byCode();
    const pairs = this.attempt(path, () => alliancesForYear(table, year, { among: [...byCode.keys()] }));
    if (pairs === undefined) return;
    const wanted = ref.data.obligations;
    const allied = (p: AlliancePair): boolean => wanted.some((o) => p.obligations[o]);
    const ententeOnly = (p: AlliancePair): boolean => p.obligations.entente && !p.obligations.defense && !p.obligations.neutrality && !p.obligations.nonaggression;
    const allies = new Set<string>();
    for (const p of pairs) if (allied(p)) allies.add(`${p.ccodeA}-${p.ccodeB}`);
    // The alliances behind each pair, for the provenance: the allied ones, or the entente-only ones.
    const behind = new Map<string, { a: number; b: number; value: 'alliance' | 'entente'; ids: number[] }>();
    // Each allied pair's data end date (model note N29): the latest, over the alliances that ally
    // it, of the earlier of the two members' spell ends; none when a spell runs to the data's end.
    const ends = new Map<string, number | null>();
    const spellEnd = (allianceId: number, ccode: number): number | null => {
      let end: number | null = -Infinity;
      for (const row of table.rows) {
        if (row.version4id !== allianceId || row.ccode !== ccode) continue;
        if (row.memberStartYear > year || (row.memberEndYear !== undefined && row.memberEndYear < year)) continue;
        if (row.memberEndYear === undefined) return null;
        const at = row.memberEndYear + ((row.memberEndMonth ?? 12) - 1) / 12 + ((row.memberEndDay ?? 31) - 1) / 365;
        end = Math.max(end, at);
      }
      return end;
    };
    for (const p of pairs) {
      if (!allied(p)) continue;
      const key = `${p.ccodeA}-${p.ccodeB}`;
      const a = spellEnd(p.allianceId, p.ccodeA);
      const b = spellEnd(p.allianceId, p.ccodeB);
      const end = a === null ? b : b === null ? a : Math.min(a, b);
      const before = ends.get(key);
      ends.set(key, before === undefined ? end : before === null || end === null ? null : Math.max(before, end));
    }
    for (const p of pairs) {
      const a = byCode.get(p.ccodeA);
      const b = byCode.get(p.ccodeB);
      if (a === undefined || b === undefined) continue;
      const key = `${p.ccodeA}-${p.ccodeB}`;
      if (allies.has(key)) {
        const values = this.drawn(drawn, a, b, path).values;
        values.alliance = true;
        const end = ends.get(key);
        if (typeof end === 'number' && Number.isFinite(end)) values.allianceEnds = end;
      } else if (ref.data.ententeLevel !== undefined && ententeOnly(p)) {
        this.drawn(drawn, a, b, path).values.entente = ref.data.ententeLevel;
      } else continue;
      if (allies.has(key) && !allied(p)) continue;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const entry = behind.get(key) ?? { a: lo, b: hi, value: allies.has(key) ? 'alliance' as const : 'entente' as const, ids: [] };
      if (!entry.ids.includes(p.allianceId)) entry.ids.push(p.allianceId);
      behind.set(key, entry);
    }
    const provenancePairs: AlliancePairProvenance[] = [...behind.values()]
      .sort((x, y) => x.a - y.a || x.b - y.b)
      .map((e) => {
        const pair: AlliancePairProvenance = { between: [this.ids[e.a] as string, this.ids[e.b] as string], value: e.value, allianceIds: e.ids.sort((x, y) => x - y) };
        this.pairValues.set(`${pairKey(pair.between[0], pair.between[1])}\u0000${e.value}`, pair);
        return pair;
      });
    this.provenance.push({ kind: 'alliances', reference: formatPath(path), file: table.file, year, obligations: [...wanted], pairs: provenancePairs });
  }

  /**
   * `trade:` → X_ij = τ_i·τ_j / (Σ_world τ)²: the proportional proxy (`proportionalTrade`) as a
   * share of the whole system's trade that year, on the same basis as eco, which is a share of the
   * whole system's economic capability (THEORY "Notes for scenario builders", Trade and
   * interdependence, steps 1–3; a proxy). Dividing by the scenario's own total instead would
   * compare a share of a few states' trade with a share of the world's capability, and make every
   * small scenario look maximally interdependent (model note N26).
   */
  private trade(drawn: Map<string, DrawnDyad>): void {
    if (this.raw.trade === undefined) return;
    const path: Path = ['trade'];
    const ref = tradeReferenceSchema.safeParse(this.raw.trade);
    if (!ref.success) return;
    const excluded = new Set<number>();
    ref.data.exclude.forEach((id, j) => {
      const i = this.index.get(id);
      if (i === undefined) this.issue([...path, 'exclude', j], `unknown state "${id}"`);
      else excluded.add(i);
    });
    const table = this.table(path, 'trade', (p) => p.trade);
    const year = this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return;
    const statesTable = this.table(path, 'states', (p) => p.states);
    if (statesTable === undefined) return;
    const system = this.attempt(path, () => statesForYear(statesTable, year));
    if (system === undefined) return;
    const included: { i: number; identity: CowIdentity }[] = [];
    this.ids.forEach((id, i) => {
      if (id === undefined || excluded.has(i) || this.index.get(id) !== i) return;
      const identity = this.identity(i, path, 'give it cow:, or list it in trade.exclude and give its dyads\' trade explicitly');
      if (identity !== undefined) included.push({ i, identity });
    });
    if (included.length < this.ids.filter((id) => id !== undefined).length - excluded.size) return;
    const codes = included.map((s) => s.identity.stateabb);
    let rows: StateTrade[] | undefined;
    try {
      rows = tradeForYear(table, year, codes, { system });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      // Report every state at fault, not only the first.
      for (const code of codes) this.attempt(path, () => tradeForYear(table, year, [code], { system }));
      return;
    }
    let complete = true;
    rows.forEach((row) => {
      if (row.tau !== undefined) return;
      complete = false;
      const why = row.inFile ? 'imports or exports are missing' : 'the file has no row for it';
      this.issue(path, new DataError(`no trade totals (${why}); list it in trade.exclude and give its dyads' trade explicitly from a cited source`, { file: table.file, year, code: row.stateabb }).message);
    });
    if (!complete) return;
    const totals = rows;
    const flows = proportionalTrade(rows.map((row) => ({ ccode: row.ccode, tau: row.tau as number })));
    // Σ τ over every state of the system with trade totals that year (the world).
    let world = 0;
    for (const row of tradeForYear(table, year)) if (row.tau !== undefined) world += row.tau;
    const tradePairs: { between: [string, string]; trade: number; overriddenBy?: string }[] = [];
    for (let a = 0; a < included.length; a++) {
      for (let b = a + 1; b < included.length; b++) {
        // flows = τ_a·τ_b / Σ_scenario τ, so flows·Σ_scenario τ / world² = τ_a·τ_b / world².
        const x = world > 0 ? (flows.flows[a][b] * flows.totalTau) / (world * world) : 0;
        if (x > 0) {
          this.drawn(drawn, included[a].i, included[b].i, path).values.trade = x;
          const [lo, hi] = included[a].i < included[b].i ? [included[a].i, included[b].i] : [included[b].i, included[a].i];
          const pair: { between: [string, string]; trade: number; overriddenBy?: string } = { between: [this.ids[lo] as string, this.ids[hi] as string], trade: x };
          this.pairValues.set(`${pairKey(pair.between[0], pair.between[1])}\u0000trade`, pair);
          tradePairs.push(pair);
        }
      }
    }
    this.provenance.push({
      kind: 'trade', reference: formatPath(path), file: table.file, year, worldTau: world,
      tau: included.map((s, k) => ({ state: this.ids[s.i] as string, tau: totals[k].tau as number })),
      excluded: [...excluded].sort((a, b) => a - b).map((i) => this.ids[i] as string), pairs: tradePairs,
    });
  }
}

/** A dyad drawn from the data: the two states (by index, a < b), its values, and the reference it comes from. */
interface DrawnDyad {
  readonly a: number;
  readonly b: number;
  readonly from: Path;
  readonly values: { alliance?: boolean; allianceEnds?: number; entente?: number; trade?: number };
}

function show(v: number | undefined): string {
  return v === undefined ? 'missing' : String(v);
}
