import { COW_FILES, type CowFileKey } from '../../data/cowFiles.js';
import { parseAllianceTable } from '../../data/parseAllianceTable.js';
import { parseIgoMembershipTable } from '../../data/parseIgoMembershipTable.js';
import { parseIgoTable } from '../../data/parseIgoTable.js';
import { parseMajorsTable } from '../../data/parseMajorsTable.js';
import { parseNmcTable } from '../../data/parseNmcTable.js';
import { parseStatesTable } from '../../data/parseStatesTable.js';
import { parseTradeTable } from '../../data/parseTradeTable.js';
import { NO_DATA_PROVIDER } from '../../scenario/file/expandDataReferences.js';
import { parseScenario } from '../../scenario/file/parseScenario.js';
import type { NmcVersion, ScenarioDataProvider } from '../../scenario/file/ScenarioDataProvider.js';
import { ScenarioError, formatIssue } from '../../scenario/ScenarioError.js';
import type { ExploreDataTables, ValidatedFile } from './ExploreLibraries.js';

/** The COW files a page built with `--with-data` carries: every table a scenario file can reference. */
export const EXPLORE_DATA_FILES: readonly CowFileKey[] = ['nmcV6', 'nmcV7', 'states', 'majors', 'alliances', 'igos', 'igoMemberships', 'trade'];

/** What a page without the COW tables says at a data reference, instead of the library's message. */
export function noDataMessage(file: string): string {
  return 'data references need the Correlates of War tables, which this page does not carry: '
    + `build a page that does with \`counterpoise explore ${file} --with-data\` (any file dropped on it can use them), `
    + `or a page for this file with \`counterpoise explore ${file}\``;
}

/** A data provider over the CSV text of the tables a page carries; each parsed on first use. */
function tableProvider(tables: ExploreDataTables): ScenarioDataProvider {
  const cache = new Map<CowFileKey, unknown>();
  function table<T>(key: CowFileKey, parse: (text: string, file: string) => T): (() => T) | undefined {
    const text = tables[key];
    if (text === undefined) return undefined;
    return () => {
      if (!cache.has(key)) cache.set(key, parse(text, COW_FILES[key]));
      return cache.get(key) as T;
    };
  }
  const v6 = table('nmcV6', parseNmcTable);
  const v7 = table('nmcV7', parseNmcTable);
  return {
    ...(v6 === undefined || v7 === undefined ? {} : { nmc: (version: NmcVersion) => (version === '6.0' ? v6() : v7()) }),
    states: table('states', parseStatesTable),
    majors: table('majors', parseMajorsTable),
    alliances: table('alliances', parseAllianceTable),
    igo: table('igos', parseIgoTable),
    igoMemberships: table('igoMemberships', parseIgoMembershipTable),
    trade: table('trade', parseTradeTable),
  };
}

/**
 * Validates the text of a dropped scenario file as `counterpoise validate` does (parseScenario),
 * drawing its data references from `tables` when the page carries them.
 */
export function validateScenarioFile(name: string, text: string, tables: ExploreDataTables | null): ValidatedFile {
  const format = /\.json$/i.test(name) ? 'json' : 'yaml';
  try {
    return { ok: true, scenario: parseScenario(text, format, { file: name, ...(tables === null ? {} : { data: tableProvider(tables) }) }) };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return { ok: false, lines: error.issues.map((i) => formatIssue(i.message === NO_DATA_PROVIDER ? { ...i, message: noDataMessage(name) } : i)) };
  }
}
