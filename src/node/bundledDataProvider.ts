import type { ScenarioDataProvider } from '../scenario/file/ScenarioDataProvider.js';
import {
  loadAllianceTable, loadIgoMembershipTable, loadIgoTable, loadMajorsTable, loadNmcTable, loadStatesTable, loadTradeTable,
} from './bundledData.js';

/**
 * The data provider of the COW tables bundled with the package (`data/`, see data/README.md):
 * what `loadScenario` uses unless given another. Each table is read and parsed on first use and
 * cached for the life of the process (`bundledData`).
 */
export const bundledDataProvider: ScenarioDataProvider = Object.freeze({
  nmc: loadNmcTable,
  states: loadStatesTable,
  majors: loadMajorsTable,
  alliances: loadAllianceTable,
  igo: loadIgoTable,
  igoMemberships: loadIgoMembershipTable,
  trade: loadTradeTable,
});
