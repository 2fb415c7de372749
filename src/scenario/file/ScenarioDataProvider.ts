import type { CowTable, CowYearTable } from '../../data/CowTable.js';
import type { AllianceMemberRow } from '../../data/parseAllianceTable.js';
import type { IgoMembershipSpellRow } from '../../data/parseIgoMembershipTable.js';
import type { IgoRow } from '../../data/parseIgoTable.js';
import type { MajorSpellRow } from '../../data/parseMajorsTable.js';
import type { NmcRow } from '../../data/parseNmcTable.js';
import type { StateSpellRow } from '../../data/parseStatesTable.js';
import type { TradeRow } from '../../data/parseTradeTable.js';

/** A version of the COW National Material Capabilities data. */
export type NmcVersion = '6.0' | '7.0';

/**
 * Where the data references of a scenario file find the Correlates of War tables: functions that
 * return the parsed tables (the parsers of the data layer, e.g. `parseNmcTable`, make them from
 * the CSV text). In Node, `loadScenario` uses the tables bundled with the package
 * (`bundledDataProvider` in `counterpoise/node`); in a browser, pass your own.
 *
 * Every table is optional: a file needs only those its references use. A reference whose table
 * is not provided is reported as a scenario issue at the reference. A function may throw a
 * `DataError` (e.g. a file that cannot be read); it is reported the same way. Tables are asked
 * for when a file needs them, possibly several times: cache them.
 */
export interface ScenarioDataProvider {
  /** NMC capabilities (`capabilities: { source: nmc }`), v6.0 or v7.0 as `data.nmc` says. */
  readonly nmc?: (version: NmcVersion) => CowYearTable<NmcRow>;
  /** State-system membership spells: the COW identity and name of each state, and who exists in a year. */
  readonly states?: () => CowYearTable<StateSpellRow>;
  /** Major-power spells (`major: { source: cow }`). */
  readonly majors?: () => CowYearTable<MajorSpellRow>;
  /** Formal Alliances v4.1 member spells (`alliances:`). */
  readonly alliances?: () => CowYearTable<AllianceMemberRow>;
  /** Metadata of the curated IGOs (names and founding years; checks of `members: { source: igo }`). */
  readonly igo?: () => CowTable<IgoRow>;
  /** IGO v3 membership spells (`members: { source: igo }`). */
  readonly igoMemberships?: () => CowYearTable<IgoMembershipSpellRow>;
  /** Trade v4.0 national totals (`trade:`). */
  readonly trade?: () => CowYearTable<TradeRow>;
}
