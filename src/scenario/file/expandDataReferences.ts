import { allianceKappa } from '../../data/allianceKappa.js';
import { alliancesForYear, type AlliancePair } from '../../data/alliancesForYear.js';
import type { AllianceMemberRow, AllianceObligation } from '../../data/parseAllianceTable.js';
import type { IgoMembershipSpellRow } from '../../data/parseIgoMembershipTable.js';
import { assertYearCovered } from '../../data/assertYearCovered.js';
import { capabilitiesForYear, CAPABILITY_DIMENSIONS, type CapabilitiesForYear } from '../../data/capabilitiesForYear.js';
import type { CowYearTable } from '../../data/CowTable.js';
import { DataError } from '../../data/DataError.js';
import { igoByName } from '../../data/igoByName.js';
import { igoMembershipsForYear } from '../../data/igoMembershipsForYear.js';
import { majorsForYear } from '../../data/majorsForYear.js';
import type { NmcRow } from '../../data/parseNmcTable.js';
import type { TradeRow } from '../../data/parseTradeTable.js';
import { proportionalTrade } from '../../data/proportionalTrade.js';
import { statesForYear } from '../../data/statesForYear.js';
import { tradeForYear, type StateTrade } from '../../data/tradeForYear.js';
import { formatPath, type ScenarioIssue } from '../ScenarioError.js';
import type { AlliancePairProvenance, DataProvenance } from './DataProvenance.js';
import type { CapabilityPath, PathNote, TradePath } from '../../model/ResolvedScenario.js';
import { activeAt } from '../activeAt.js';
import { completeSeries, decimalYear, type Projection } from './completeSeries.js';
import { cowIdentities, type CowIdentity } from './cowIdentities.js';
import type { NmcVersion, ScenarioDataProvider } from './ScenarioDataProvider.js';
import {
  affinitySeedReferenceSchema, alliancesReferenceSchema, dataSettingsSchema, historySchema, igoMembersReferenceSchema, majorReferenceSchema, nmcCapabilitiesReferenceSchema,
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

const FILE_ONLY = ['$schema', 'data', 'alliances', 'trade', 'history', 'sources'];
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
  /** `history:` (the span of the paths), when the file has a valid one. */
  private readonly history: { until: number; halfLife: number; projection: Projection } | undefined;
  private historyReported = false;
  /** Each state's spells in the system after expansion (undefined: throughout). */
  private readonly spellsOf: ({ from: number | null; to: number | null }[] | undefined)[] = [];
  private readonly capabilityPaths: CapabilityPath[] = [];
  private readonly tradePaths: TradePath[] = [];
  private readonly pathNotes: PathNote[] = [];
  /** Scheduled events drawn from the data (observed alliances, major-power spells), with the reference they come from. */
  private readonly generated: { event: Record<string, unknown>; from: Path }[] = [];

  constructor(private readonly raw: Record<string, unknown>, private readonly provider: ScenarioDataProvider | undefined) {
    this.states = Array.isArray(raw.states) ? raw.states : [];
    this.ids = this.states.map((st) => (isRecord(st) && typeof st.id === 'string' ? st.id : undefined));
    this.ids.forEach((id, i) => { if (id !== undefined && !this.index.has(id)) this.index.set(id, i); });
    const meta = raw.meta;
    const start = isRecord(meta) ? meta.startYear : undefined;
    this.startYear = typeof start === 'number' && Number.isInteger(start) ? start : undefined;
    const data = dataSettingsSchema.safeParse(raw.data ?? {});
    this.nmcVersion = data.success ? data.data.nmc : '6.0';
    const history = raw.history === undefined ? undefined : historySchema.safeParse(raw.history);
    this.history = history?.success === true ? history.data : undefined;
    if (history !== undefined && !history.success) this.historyReported = true; // the file schema reports it
    if (this.history !== undefined && this.startYear !== undefined && this.history.until < this.startYear) {
      this.issue(['history', 'until'], `history.until ${this.history.until} is before meta.startYear ${this.startYear}`);
      this.history = undefined;
      this.historyReported = true;
    }
  }

  /** The last year of the paths (history.until), or undefined after reporting that a reference at `path` needs it. */
  private until(path: Path): number | undefined {
    if (this.history !== undefined && this.startYear !== undefined) return this.history.until;
    if (!this.historyReported) this.issue(path, 'following the data year by year needs history: { until: <last year> } (and meta.startYear)');
    this.historyReported = true;
    return undefined;
  }

  run(): DataExpansion {
    this.bindIdentities();
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.raw)) if (!FILE_ONLY.includes(key)) input[key] = value;
    if (Array.isArray(this.raw.states)) input.states = this.states.map((st, i) => this.state(st, i));
    if (Array.isArray(this.raw.institutions)) input.institutions = this.raw.institutions.map((q, k) => this.institution(q, k));
    const dyads = this.dyads();
    if (dyads !== undefined) input.dyads = dyads;
    const affinity = this.affinity();
    if (affinity !== undefined) input.affinity = affinity;
    if (this.capabilityPaths.length > 0 || this.tradePaths.length > 0) {
      input.paths = {
        firstYear: this.startYear, halfLife: this.history?.halfLife,
        capabilities: this.capabilityPaths, trade: this.tradePaths, notes: this.pathNotes,
      };
      for (const note of this.pathNotes) this.notes.push(`${note.path}: ${note.kind} ${yearRange(note.years)}: ${note.message}`);
    }
    if (this.generated.length > 0) {
      const own: unknown[] = Array.isArray(this.raw.events) ? this.raw.events : [];
      const events = [...own];
      for (const g of this.generated) {
        this.origins.push({ path: ['events', events.length], from: g.from });
        events.push(g.event);
      }
      input.events = events;
    }
    return { input, origins: this.origins, placeholders: this.placeholders, issues: this.issues, notes: this.notes, provenance: this.provenance };
  }

  /**
   * `affinity.seed:` → `affinity.fromData`: the alliance-portfolio similarity (Häge's κ or
   * Signorino & Ritter's S, `allianceKappa`) of every pair of the scenario's states with a COW
   * identity, over the state system of the year, times `scale` (model note N54). Pairs at 0 are
   * left out. The rest of the section is passed on as written.
   */
  private affinity(): unknown {
    const raw = this.raw.affinity;
    if (!isRecord(raw) || raw.seed === undefined) return undefined;
    const { seed, ...rest } = raw;
    const path: Path = ['affinity', 'seed'];
    const ref = affinitySeedReferenceSchema.safeParse(seed);
    if (!ref.success) return rest; // the file schema reports it
    const alliances = this.table(path, 'alliances', (p) => p.alliances);
    const year = this.year(ref.data.year, path, alliances);
    if (alliances === undefined || year === undefined) return rest;
    const statesTable = this.table(path, 'states', (p) => p.states);
    if (statesTable === undefined || this.bound(path) === undefined) return rest;
    const system = this.attempt(path, () => statesForYear(statesTable, year));
    const pairs = this.attempt(path, () => alliancesForYear(alliances, year));
    if (system === undefined || pairs === undefined) return rest;
    const byCode = this.byCode();
    const values = allianceKappa(system.map((m) => m.ccode), pairs, [...byCode.keys()], ref.data.measure);
    const fromData: { between: [string, string]; affinity: number }[] = [];
    for (const [key, value] of values) {
      const [a, b] = key.split('-').map((c) => byCode.get(Number(c)) as number);
      const v = ref.data.scale * value;
      if (v === 0) continue;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      fromData.push({ between: [this.ids[lo] as string, this.ids[hi] as string], affinity: v });
    }
    fromData.sort((x, y) => (this.index.get(x.between[0]) as number) - (this.index.get(y.between[0]) as number)
      || (this.index.get(x.between[1]) as number) - (this.index.get(y.between[1]) as number));
    const own = Array.isArray(rest.fromData) ? rest.fromData : [];
    for (let k = 0; k < fromData.length; k++) this.origins.push({ path: ['affinity', 'fromData', own.length + k], from: path });
    return { ...rest, fromData: [...own, ...fromData] };
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
    if (isReference(st.spells)) out.spells = this.spells(i) ?? this.standIn(['states', i, 'spells'], undefined);
    else if (Array.isArray(st.spells)) this.checkSpells(st.spells, i);
    this.spellsOf[i] = Array.isArray(out.spells) ? (out.spells as { from?: number | null; to?: number | null }[]).map((sp) => ({ from: sp.from ?? null, to: sp.to ?? null })) : undefined;
    if (isReference(st.capabilities)) out.capabilities = this.capabilities(st.capabilities, i) ?? this.standIn(['states', i, 'capabilities'], STAND_IN_CAPABILITIES);
    if (isRecord(st.major)) out.major = this.major(st.major, i) ?? this.standIn(['states', i, 'major'], false);
    return out;
  }

  /** `spells: { source: cow }` → the state's COW state-system spells within meta.startYear–history.until (N43). */
  private spells(i: number): { from: number | null; to: number | null; into?: string }[] | undefined {
    const path: Path = ['states', i, 'spells'];
    const until = this.until(path);
    const table = this.table(path, 'states', (p) => p.states);
    if (until === undefined || table === undefined || this.startYear === undefined) return undefined;
    const identity = this.identity(i, path, 'give cow: with its COW abbreviation or code, or give spells inline');
    if (identity === undefined) return undefined;
    const start = this.startYear;
    const out: { from: number | null; to: number | null; into?: string }[] = [];
    for (const row of table.rows.filter((r) => r.ccode === identity.ccode).sort((a, b) => a.styear - b.styear)) {
      const from = decimalYear(row.styear, row.stmonth, row.stday);
      // A spell to the file's last day is still open at the end of the data.
      const open = row.endyear >= table.lastYear && row.endmonth === 12 && row.endday === 31;
      const to = open ? Infinity : decimalYear(row.endyear, row.endmonth, row.endday);
      if (to <= start || from > until) continue;
      out.push({ from: from <= start ? null : from, to: to > until ? null : to });
    }
    if (out.length === 0) {
      this.issue(path, new DataError(`state is not in the state system at any time in ${start}–${until}`, { file: table.file, code: identity.stateabb }).message);
      return undefined;
    }
    const st = this.states[i];
    const into = isRecord(st) && isRecord(st.spells) && typeof st.spells.into === 'string' ? st.spells.into : undefined;
    if (into !== undefined) {
      // The absorber of the state's last spell in the span (N46); the core checks it, at the reference's into.
      const k = out.length - 1;
      if (out[k].to === null) {
        this.issue([...path, 'into'], new DataError(`state does not leave the state system in ${start}–${until}, so into "${into}" has no spell end to apply to`, { file: table.file, code: identity.stateabb }).message);
      } else {
        out[k].into = into;
        this.origins.push({ path: [...path, k, 'into'], from: [...path, 'into'] });
      }
    }
    return out;
  }

  /** Inline spells in a file with a span: every date lies inside meta.startYear–history.until. */
  private checkSpells(spells: unknown[], i: number): void {
    if (this.history === undefined || this.startYear === undefined) return;
    const until = this.history.until;
    spells.forEach((sp, k) => {
      if (!isRecord(sp)) return;
      for (const key of ['from', 'to'] as const) {
        const v = sp[key];
        if (typeof v === 'number' && (v <= this.startYear! || v > until + 1)) {
          this.issue(['states', i, 'spells', k, key], `${key} ${v} is outside the span ${this.startYear}–${until} (meta.startYear–history.until); leave it out for a state in the system at the start or the end`);
        }
      }
    });
  }

  /** Whether state i is in the system at some time in calendar year y. */
  private activeInYear(i: number, y: number): boolean {
    const spells = this.spellsOf[i];
    if (spells === undefined) return true;
    return spells.some((sp) => (sp.from === null || sp.from < y + 1) && (sp.to === null || sp.to > y));
  }

  /**
   * `capabilities: { source: nmc, follow: yearly }` → the state's mil, eco and pop shares for every
   * year of meta.startYear–history.until (N40, N42): the data where they exist, linear
   * interpolation over missing or zero values, the projection after the file's last year.
   */
  private capabilityPath(ref: { mil?: number; eco?: number; pop?: number; nil?: 'smallest' }, i: number, table: CowYearTable<NmcRow>,
    identity: CowIdentity): CapabilityPath | undefined {
    const path: Path = ['states', i, 'capabilities'];
    const until = this.until([...path, 'follow']);
    const start = this.startYear;
    if (until === undefined || start === undefined || this.history === undefined) return undefined;
    const years = until - start + 1;
    const series = { mil: new Array<number | undefined>(years), eco: new Array<number | undefined>(years), pop: new Array<number | undefined>(years) };
    const skip = new Array<boolean>(years).fill(false);
    const smallest: Record<'mil' | 'eco' | 'pop', number[]> = { mil: [], eco: [], pop: [] };
    // Years in which a dimension rests on one of its two components (loader rule 2), listed so that nothing is silent (N42, N47).
    const single = { mil: [] as number[], eco: [] as number[], pop: [] as number[] };
    const missing = { mil: new Set<string>(), eco: new Set<string>(), pop: new Set<string>() };
    for (let k = 0; k < years; k++) {
      const y = start + k;
      skip[k] = !this.activeInYear(i, y);
      if (y > table.lastYear) continue;
      const all = this.nmcYear(table, y, path);
      if (all === undefined) return undefined;
      const found = all.states.find((st) => st.ccode === identity.ccode);
      if (found === undefined) {
        if (skip[k]) continue;
        this.issue([...path, 'follow'], new DataError(`state does not exist in this year, which follow: yearly needs (it is in the span ${start}–${until}); give the state spells: { source: cow } so that it enters and leaves on its COW dates`, { file: table.file, year: y, code: identity.stateabb }).message);
        return undefined;
      }
      for (const dim of ['mil', 'eco', 'pop'] as const) {
        series[dim][k] = ref[dim] ?? found[dim];
        if (ref.nil === 'smallest' && ref[dim] === undefined && !skip[k] && !((found[dim] ?? 0) > 0)) {
          // Coding rule "nil capability dimension", year by year (model note N45).
          const least = this.smallestPositive(all, dim);
          if (least !== undefined) { series[dim][k] = least; smallest[dim].push(y); }
        }
        const [a, b] = CAPABILITY_DIMENSIONS[dim];
        if (ref[dim] === undefined && !skip[k] && (found.components[a] === undefined) !== (found.components[b] === undefined)) {
          single[dim].push(y);
          missing[dim].add(found.components[a] === undefined ? a : b);
        }
      }
    }
    for (const dim of ['mil', 'eco', 'pop'] as const) {
      if (single[dim].length === 0) continue;
      const gone = [...missing[dim]].join(' or ');
      this.notes.push(`states[${i}].capabilities.${dim}: one component in ${yearRange(single[dim])}: ${identity.stateabb}: ${gone} is missing in ${table.file}, so ${dim} is the share of the other component alone in these years (capabilitiesForYear, missing-value rule 2)`);
    }
    const out: Record<'mil' | 'eco' | 'pop', number[]> = { mil: [], eco: [], pop: [] };
    const dataEnd = table.lastYear - start;
    // The data years before the span that the trend's trailing window may reach (N47).
    const lead = { mil: [] as (number | undefined)[], eco: [] as (number | undefined)[], pop: [] as (number | undefined)[] };
    for (const y of this.leadYears(table)) {
      const found = y > table.lastYear ? undefined : this.nmcYear(table, y, path)?.states.find((st) => st.ccode === identity.ccode);
      for (const dim of ['mil', 'eco', 'pop'] as const) lead[dim].push(ref[dim] ?? found?.[dim]);
    }
    for (const dim of ['mil', 'eco', 'pop'] as const) {
      const done = completeSeries(series[dim], dataEnd, this.history.projection, skip, lead[dim]);
      if (!done.ok) {
        this.issue([...path, 'follow'], new DataError(`${dim} has no usable value in any year of ${start}–${Math.min(until, table.lastYear)}; give ${dim} in the reference`, { file: table.file, code: identity.stateabb }).message);
        return undefined;
      }
      out[dim] = done.values;
      const where = `states[${i}].capabilities.${dim}`;
      if (ref[dim] !== undefined) this.pathNotes.push({ path: where, kind: 'override', years: [start, until], message: `${identity.stateabb}: ${dim} = ${ref[dim]} in every year, as the reference gives it` });
      if (smallest[dim].length > 0) {
        this.pathNotes.push({ path: where, kind: 'smallest', years: smallest[dim], message: `${identity.stateabb}: no positive ${dim} in ${table.file} in these years (both components 0 or missing): the smallest positive ${dim} among the scenario's states that year (nil: smallest, N45)` });
      }
      if (done.interpolated.length > 0) {
        this.pathNotes.push({ path: where, kind: 'interpolated', years: done.interpolated.map((k) => start + k), message: `${identity.stateabb}: no usable ${dim} in ${table.file} in these years (a component missing or 0): linear interpolation between the nearest data years (N42)` });
      }
      if (done.projected.length > 0) {
        this.pathNotes.push({ path: where, kind: 'projected', years: done.projected.map((k) => start + k), message: `${identity.stateabb}: after ${table.file}'s last year ${table.lastYear}: ${describeProjection(this.history.projection)} (N42)` });
      }
    }
    const result = { state: this.ids[i] as string, ...out };
    this.capabilityPaths.push(result);
    return result;
  }

  /**
   * The smallest positive value of a dimension among the scenario's states in an NMC year (coding
   * rule "nil capability dimension", model note N45): the states with a COW identity that the year's
   * data hold (members of the system then) with a positive value; undefined when none has one.
   */
  private smallestPositive(all: CapabilitiesForYear, dim: 'mil' | 'eco' | 'pop'): number | undefined {
    const codes = new Set<number>();
    for (const identity of this.identities ?? []) if (identity !== undefined) codes.add(identity.ccode);
    let least: number | undefined;
    for (const st of all.states) {
      const v = st[dim];
      if (codes.has(st.ccode) && v !== undefined && v > 0 && (least === undefined || v < least)) least = v;
    }
    return least;
  }

  /**
   * The years before meta.startYear whose data the projection's trailing window may need (N42,
   * N47): none unless a path runs past the table's last year under the trend rule; otherwise every
   * year from the window's first to meta.startYear − 1 (the callers read only those inside the table).
   */
  private leadYears(table: CowYearTable<unknown>): number[] {
    const h = this.history;
    const start = this.startYear;
    if (h === undefined || start === undefined || h.projection.rule !== 'trend' || h.until <= table.lastYear) return [];
    const from = Math.max(table.firstYear, table.lastYear - Math.max(2, h.projection.years) + 1);
    const years: number[] = [];
    for (let y = from; y < start; y++) years.push(y);
    return years;
  }

  /**
   * The year a followed reference (follow: yearly, no year) reads its start values from:
   * meta.startYear, or — when the span starts after the table's last year — that last year, whose
   * values the path then projects (trade, N42) or holds (great-power status), with a note (N47).
   */
  private followStartYear(path: Path, table: CowYearTable<unknown> | undefined, what: string): number | undefined {
    const start = this.startYear;
    if (table !== undefined && start !== undefined && start > table.lastYear && this.history !== undefined) {
      this.notes.push(`${formatPath(path)}: meta.startYear ${start} is after ${table.file}'s last year ${table.lastYear}: ${what} (N42, N47)`);
      return table.lastYear;
    }
    return this.year(undefined, path, table);
  }

  /** capabilitiesForYear of the NMC table, cached by version and year. */
  private nmcYear(table: CowYearTable<NmcRow>, year: number, path: Path): CapabilitiesForYear | undefined {
    const key = `${this.nmcVersion}:${year}`;
    let all = this.capabilityCache.get(key);
    if (all === undefined) {
      all = this.attempt(path, () => capabilitiesForYear(table, year));
      if (all === undefined) return undefined;
      this.capabilityCache.set(key, all);
    }
    return all;
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
    if (ref.data.follow === 'yearly') {
      if (ref.data.year !== undefined) { this.issue([...path, 'year'], 'year and follow: yearly exclude each other: a path starts at meta.startYear'); return undefined; }
      const followed = this.capabilityPath(ref.data, i, table, identity);
      if (followed === undefined) return undefined;
      // A state that enters later starts from its path in its first year in the system (N43); with
      // nil: smallest the start year's values are the path's too (the data may hold a nil there).
      if (this.startYear !== undefined && (ref.data.nil === 'smallest' || !this.activeInYear(i, this.startYear))) {
        let k = 0;
        while (k < followed.mil.length - 1 && !this.activeInYear(i, this.startYear + k)) k++;
        const first = { mil: followed.mil[k], eco: followed.eco[k], pop: followed.pop[k] };
        if (k === 0) {
          this.provenance.push({
            kind: 'capabilities', reference: formatPath(path), state: this.ids[i] ?? `states[${i}]`, file: table.file, year, ccode: identity.ccode,
            values: { ...first }, overridden: (['mil', 'eco', 'pop'] as const).filter((d) => ref.data[d] !== undefined),
          });
        }
        return first;
      }
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
      const least = ref.data.nil === 'smallest' && !(share !== undefined && share > 0) ? this.smallestPositive(all, dim) : undefined;
      if (least !== undefined) {
        this.notes.push(`states[${i}].capabilities: ${new DataError(`no positive ${dim} (${components}): the smallest positive ${dim} among the scenario's states that year, ${least} (nil: smallest, N45)`, where).message}`);
        out[dim] = least;
        continue;
      }
      if (share === undefined || !(share > 0)) {
        const problem = share === undefined ? `${dim} is missing (${components})` : `${dim} is 0 (${components}), and the model needs ${dim} > 0 (model §5.1)`;
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
    const year = ref.data.follow === 'yearly' && ref.data.year === undefined
      ? this.followStartYear(path, table, 'the status of that year holds over the span')
      : this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return undefined;
    const identity = this.identity(i, path, 'give cow: with its COW abbreviation or code, or give major: true or false');
    if (identity === undefined) return undefined;
    let majors = this.majorCache.get(year);
    if (majors === undefined) {
      majors = new Set(majorsForYear(table, year).map((m) => m.ccode));
      this.majorCache.set(year, majors);
    }
    if (ref.data.follow === 'yearly') {
      const until = this.until([...path, 'follow']);
      if (ref.data.year !== undefined) this.issue([...path, 'year'], 'year and follow: yearly exclude each other: a path starts at meta.startYear');
      else if (until !== undefined) {
        // Major-power status follows the COW spells: a scheduled set-state event at each begin and end in the span.
        for (const row of table.rows.filter((r) => r.ccode === identity.ccode)) {
          const begin = decimalYear(row.styear, row.stmonth, row.stday);
          const open = row.endyear >= table.lastYear && row.endmonth === 12 && row.endday === 31;
          const end = open ? Infinity : decimalYear(row.endyear, row.endmonth, row.endday);
          for (const [at, value] of [[begin, true], [end, false]] as const) {
            if (!(at > year && at <= until + 1 && at !== Infinity) || !activeAt(this.spellsOf[i], at)) continue;
            this.generated.push({
              from: path,
              event: {
                label: `${identity.stateabb} ${value ? 'becomes' : 'ceases to be'} a major power (COW)`,
                source: `${table.file} (major: { source: cow, follow: yearly })`,
                at: { year: at },
                changes: [{ type: 'set-state', state: this.ids[i], field: 'major', value }],
              },
            });
          }
        }
      }
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
    if (ref.data.mode === 'observed') {
      const id = typeof out.id === 'string' ? out.id : `institutions[${k}]`;
      this.observedMembers(table, ref.data.ioname, ref.data.statuses, year, id, members, new Set([...added.keys(), ...fromData].filter((i) => !fromData.has(i) || !members.has(i))), path);
    }
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

  /**
   * `members: { mode: observed }` → every later join and leave of the scenario's states in the IGO,
   * up to history.until, as scheduled `join`/`leave` events (N44). IGO v3 is yearly: a spell
   * a–b means a member from 1 January of a to 1 January of b + 1. States named in add or remove
   * keep the file's choice. A leave that leaves fewer than two members dissolves the institution
   * (N7), and the data's later changes are then dropped, with a warning.
   */
  private observedMembers(table: CowYearTable<IgoMembershipSpellRow>, ioname: string, statuses: readonly string[], year: number,
    institution: string, initial: ReadonlySet<number>, fixed: ReadonlySet<number>, path: Path): void {
    const until = this.until([...path, 'mode']);
    if (until === undefined) return;
    const byCode = this.byCode();
    const spans = new Map<number, [number, number][]>();
    for (const row of table.rows) {
      if (row.ioname !== ioname || !statuses.includes(row.status)) continue;
      const i = byCode.get(row.ccode);
      if (i === undefined || fixed.has(i)) continue;
      const list = spans.get(i) ?? [];
      list.push([row.startYear, row.endYear + 1]);
      spans.set(i, list);
    }
    const changes: { t: number; i: number; join: boolean }[] = [];
    for (const [i, list] of spans) {
      const member = (t: number): boolean => list.some(([a, b]) => a <= t && t < b) && activeAt(this.spellsOf[i], t);
      const dates = new Set<number>();
      for (const [a, b] of list) { dates.add(a); dates.add(b); }
      for (const sp of this.spellsOf[i] ?? []) if (sp.from !== null) dates.add(sp.from);
      let state = initial.has(i);
      for (const t of [...dates].filter((d) => d > year && d <= until).sort((a, b) => a - b)) {
        const now = member(t);
        if (now === state) continue;
        state = now;
        // A state that leaves the system leaves its institutions with it (N43): no event needed.
        if (!now && !activeAt(this.spellsOf[i], t)) continue;
        changes.push({ t, i, join: now });
      }
    }
    changes.sort((x, y) => x.t - y.t || x.i - y.i);
    let count = initial.size;
    for (const c of changes) {
      this.generated.push({
        from: path,
        event: {
          label: `${this.ids[c.i]} ${c.join ? 'joins' : 'leaves'} ${institution} (COW IGO)`,
          source: `${table.file} (members: { source: igo, ioname: ${ioname}, mode: observed })`,
          at: { year: c.t },
          changes: [{ type: c.join ? 'join' : 'leave', institution, state: this.ids[c.i] }],
        },
      });
      count += c.join ? 1 : -1;
      if (count < 2) {
        this.notes.push(`${path.join('.')}: ${institution} has fewer than two members of the scenario in ${c.t} (${table.file}) and dissolves (N7); the data's later changes to it are not applied`);
        break;
      }
    }
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
    if (ref.data.mode === 'observed') {
      const initial = (a: number, b: number): boolean => drawn.get(pairKey(this.ids[a] as string, this.ids[b] as string))?.values.alliance === true;
      this.observedAlliances(table, year, ref.data.obligations, byCode, initial);
    }
  }

  /**
   * `alliances: { mode: observed }` → every begin and end, after the start year and up to
   * history.until, of an alliance between two of the scenario's states in force with one of the
   * chosen obligations, as scheduled `alliance` events on the COW member dates (N44): a pair is
   * allied while some alliance covers both members' spells and both states are in the system. An
   * open end (in force at the end of the data, 2012) holds.
   */
  private observedAlliances(table: CowYearTable<AllianceMemberRow>, year: number, obligations: readonly AllianceObligation[],
    byCode: Map<number, number>, initial: (a: number, b: number) => boolean): void {
    const path: Path = ['alliances', 'mode'];
    const until = this.until(path);
    if (until === undefined) return;
    const spans = new Map<string, { a: number; b: number; spans: [number, number][] }>();
    const rows = table.rows.filter((r) => byCode.has(r.ccode));
    const byAlliance = new Map<number, AllianceMemberRow[]>();
    for (const r of rows) {
      const list = byAlliance.get(r.version4id) ?? [];
      list.push(r);
      byAlliance.set(r.version4id, list);
    }
    const time = (r: AllianceMemberRow): [number, number] => [
      decimalYear(r.memberStartYear, r.memberStartMonth, r.memberStartDay),
      r.memberEndYear === undefined ? Infinity : decimalYear(r.memberEndYear, r.memberEndMonth, r.memberEndDay),
    ];
    for (const members of byAlliance.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const rx = members[x];
          const ry = members[y];
          if (rx.ccode === ry.ccode || !obligations.some((o) => rx[o] === true || ry[o] === true)) continue;
          const [sx, ex] = time(rx);
          const [sy, ey] = time(ry);
          const s0 = Math.max(sx, sy);
          const e0 = Math.min(ex, ey);
          if (!(e0 > s0)) continue;
          const a = Math.min(byCode.get(rx.ccode) as number, byCode.get(ry.ccode) as number);
          const b = Math.max(byCode.get(rx.ccode) as number, byCode.get(ry.ccode) as number);
          const key = `${a}-${b}`;
          const entry = spans.get(key) ?? { a, b, spans: [] };
          entry.spans.push([s0, e0]);
          spans.set(key, entry);
        }
      }
    }
    const last = until + 1;
    for (const { a, b, spans: list } of [...spans.values()].sort((p, q) => p.a - q.a || p.b - q.b)) {
      const allied = (t: number): boolean => list.some(([s0, e0]) => s0 <= t && t < e0)
        && activeAt(this.spellsOf[a], t) && activeAt(this.spellsOf[b], t);
      // Candidate dates: the alliance dates and the two states' entries, inside (start year, until].
      const dates = new Set<number>();
      for (const [s0, e0] of list) { dates.add(s0); dates.add(e0); }
      for (const i of [a, b]) for (const sp of this.spellsOf[i] ?? []) if (sp.from !== null) dates.add(sp.from);
      // The world starts with the start year's alliances (drawn above, year-level, as `year` of the reference).
      let state = initial(a, b);
      for (const t of [...dates].filter((d) => d > year && d < last && Number.isFinite(d)).sort((p, q) => p - q)) {
        const now = allied(t);
        if (now === state) continue;
        state = now;
        // A pair whose state leaves loses its alliance with it (N43): no event needed.
        if (!now && (!activeAt(this.spellsOf[a], t) || !activeAt(this.spellsOf[b], t))) continue;
        this.generated.push({
          from: ['alliances'],
          event: {
            label: `${this.ids[a]}–${this.ids[b]} alliance ${now ? 'begins' : 'ends'} (COW)`,
            source: `${table.file} (alliances: { mode: observed })`,
            at: { year: t },
            changes: [{ type: 'alliance', between: [this.ids[a], this.ids[b]], inForce: now }],
          },
        });
      }
    }
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
    const year = ref.data.follow === 'yearly' && ref.data.year === undefined
      ? this.followStartYear(path, table, 'the proxy of that year is the start, and every year of the span is projected')
      : this.year(ref.data.year, path, table);
    if (table === undefined || year === undefined) return;
    const statesTable = this.table(path, 'states', (p) => p.states);
    if (statesTable === undefined) return;
    const system = this.attempt(path, () => statesForYear(statesTable, year));
    if (system === undefined) return;
    const included: { i: number; identity: CowIdentity }[] = [];
    const follows = ref.data.follow === 'yearly';
    const later: { i: number; identity: CowIdentity }[] = [];
    this.ids.forEach((id, i) => {
      if (id === undefined || excluded.has(i) || this.index.get(id) !== i) return;
      if (follows && !this.activeInYear(i, year)) {
        // Not in the system in the start year (N43): in the trade path only.
        const identity = this.identity(i, path, 'give it cow:, or list it in trade.exclude and give its dyads\' trade explicitly');
        if (identity !== undefined) later.push({ i, identity });
        excluded.add(i);
        return;
      }
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
    if (ref.data.follow === 'yearly') {
      if (ref.data.year !== undefined) this.issue([...path, 'year'], 'year and follow: yearly exclude each other: a path starts at meta.startYear');
      else this.tradePath(table, [...included, ...later].sort((x, y) => x.i - y.i));
    }
  }

  /**
   * `trade: { follow: yearly }` → each included state's share of world trade, τ_i / Σ_world τ, for
   * every year of meta.startYear–history.until (N41): the data where they exist, interpolation over
   * missing totals, the projection after the file's last year.
   */
  private tradePath(table: CowYearTable<TradeRow>, included: readonly { i: number; identity: CowIdentity }[]): void {
    const path: Path = ['trade', 'follow'];
    const until = this.until(path);
    const start = this.startYear;
    if (until === undefined || start === undefined || this.history === undefined) return;
    const years = until - start + 1;
    const series = included.map(() => new Array<number | undefined>(years));
    for (let k = 0; k < years; k++) {
      const y = start + k;
      if (y > table.lastYear) continue;
      const rows = tradeForYear(table, y);
      let world = 0;
      const tau = new Map<number, number>();
      for (const row of rows) if (row.tau !== undefined) { world += row.tau; tau.set(row.ccode, row.tau); }
      included.forEach((st, m) => {
        const t = tau.get(st.identity.ccode);
        series[m][k] = t !== undefined && world > 0 ? t / world : undefined;
      });
    }
    // The data years before the span that the trend's trailing window may reach (N47).
    const leadYears = this.leadYears(table);
    const lead = included.map(() => [] as (number | undefined)[]);
    for (const y of leadYears) {
      let world = 0;
      const tau = new Map<number, number>();
      if (y <= table.lastYear) for (const row of tradeForYear(table, y)) if (row.tau !== undefined) { world += row.tau; tau.set(row.ccode, row.tau); }
      included.forEach((st, m) => {
        const t = tau.get(st.identity.ccode);
        lead[m].push(t !== undefined && world > 0 ? t / world : undefined);
      });
    }
    included.forEach((st, m) => {
      const skip = Array.from({ length: years }, (_, k) => !this.activeInYear(st.i, start + k));
      const done = completeSeries(series[m], table.lastYear - start, this.history!.projection, skip, lead[m]);
      if (!done.ok) return; // no trade totals in any year: the start-year check has reported it
      const where = `trade (${st.identity.stateabb})`;
      if (done.interpolated.length > 0) {
        this.pathNotes.push({ path: where, kind: 'interpolated', years: done.interpolated.map((k) => start + k), message: `${st.identity.stateabb}: no trade totals in ${table.file} in these years: linear interpolation of its share of world trade (N42)` });
      }
      if (done.projected.length > 0) {
        this.pathNotes.push({ path: where, kind: 'projected', years: done.projected.map((k) => start + k), message: `${st.identity.stateabb}: after ${table.file}'s last year ${table.lastYear}: ${describeProjection(this.history!.projection)} (N42)` });
      }
      this.tradePaths.push({ state: this.ids[st.i] as string, share: done.values });
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

function describeProjection(p: Projection): string {
  return p.rule === 'hold' ? 'the last data value held' : `the trailing growth rate of the share over the last ${p.years} data years`;
}

function yearRange(years: readonly number[]): string {
  if (years.length === 0) return '';
  const parts: string[] = [];
  let a = years[0];
  let b = a;
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === b + 1) { b = y; continue; }
    parts.push(a === b ? String(a) : `${a}–${b}`);
    a = y; b = y;
  }
  return parts.join(', ');
}

function show(v: number | undefined): string {
  return v === undefined ? 'missing' : String(v);
}
