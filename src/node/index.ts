/**
 * counterpoise/node — the Node-only entry: the bundled Correlates of War data, scenario files
 * (`loadScenario`, the bundled scenario library) and, as later issues add them, writers and the
 * CLI. Re-exports the whole core, so Node users need one import.
 * @packageDocumentation
 */
export * from '../index.js';

// ---- COW data: pure parsers and selectors (browser-safe, re-exported here) ----
export { DataError } from '../data/DataError.js';
export type { DataErrorContext } from '../data/DataError.js';
export { parseCsv } from '../data/parseCsv.js';
export type { CsvTable, ParseCsvOptions } from '../data/parseCsv.js';
export type { CowTable, CowYearTable } from '../data/CowTable.js';
export { COW_FILES } from '../data/cowFiles.js';
export type { CowFileKey } from '../data/cowFiles.js';
export { parseNmcTable, NMC_COMPONENTS } from '../data/parseNmcTable.js';
export type { NmcRow, NmcComponent, NmcComponents } from '../data/parseNmcTable.js';
export { parseStatesTable } from '../data/parseStatesTable.js';
export type { StateSpellRow } from '../data/parseStatesTable.js';
export { parseMajorsTable } from '../data/parseMajorsTable.js';
export type { MajorSpellRow } from '../data/parseMajorsTable.js';
export { parseAllianceTable, ALLIANCE_OBLIGATIONS } from '../data/parseAllianceTable.js';
export type { AllianceMemberRow, AllianceObligation } from '../data/parseAllianceTable.js';
export { parseIgoTable } from '../data/parseIgoTable.js';
export type { IgoRow } from '../data/parseIgoTable.js';
export { parseIgoMembershipTable, IGO_STATUSES } from '../data/parseIgoMembershipTable.js';
export type { IgoMembershipSpellRow, IgoStatus } from '../data/parseIgoMembershipTable.js';
export { parseIgoCountsTable } from '../data/parseIgoCountsTable.js';
export type { IgoCountsRow } from '../data/parseIgoCountsTable.js';
export { parseTradeTable } from '../data/parseTradeTable.js';
export type { TradeRow } from '../data/parseTradeTable.js';
export { capabilitiesForYear, CAPABILITY_DIMENSIONS } from '../data/capabilitiesForYear.js';
export type { StateCapabilities, SystemCapabilities, CapabilitiesForYear, CapabilitiesOptions, CapabilityDimension, ComponentShares } from '../data/capabilitiesForYear.js';
export { statesForYear } from '../data/statesForYear.js';
export type { SystemMember } from '../data/statesForYear.js';
export { majorsForYear } from '../data/majorsForYear.js';
export { alliancesForYear } from '../data/alliancesForYear.js';
export type { AlliancePair, AlliancesOptions, AllianceObligations } from '../data/alliancesForYear.js';
export { igoMembershipsForYear } from '../data/igoMembershipsForYear.js';
export type { IgoMember, IgoMembershipOptions } from '../data/igoMembershipsForYear.js';
export { igoByName } from '../data/igoByName.js';
export { tradeForYear } from '../data/tradeForYear.js';
export { proportionalTrade } from '../data/proportionalTrade.js';
export type { TradeVolume, ProportionalTradeOptions, ProportionalTrade } from '../data/proportionalTrade.js';
export type { StateRef, StateIdentity } from '../data/resolveStateRefs.js';

// ---- the observed record: state-years coded into balancing categories (docs/validation.md) ----
export * from '../observed/index.js';
export { observedBehaviour, writeObservedCsv, bundledObservedSources } from './observedBehaviour.js';

// ---- scenario files (Node only: reading files, the bundled data and scenario library) ----
export { loadScenario, loadScenarioWithProvenance } from './loadScenario.js';
export type { LoadScenarioOptions } from './loadScenario.js';
export { listBundledScenarios } from './listBundledScenarios.js';
export type { BundledScenario, ListBundledScenariosOptions } from './listBundledScenarios.js';
export { bundledScenariosDir } from './bundledScenariosDir.js';
export { bundledDataProvider } from './bundledDataProvider.js';

// ---- optional packages: vega, vega-lite, vega-embed (reports), apache-arrow (Arrow output) ----
export { MissingPackageError, OPTIONAL_PACKAGES } from './optionalPackage.js';
export type { OptionalFeature } from './optionalPackage.js';

// ---- the bundled copies of the COW files (Node only) ----
export {
  bundledDataDir, readBundledCsv, loadNmcTable, loadStatesTable, loadMajorsTable, loadAllianceTable, loadIgoTable,
  loadIgoMembershipTable, loadIgoCountsTable, loadTradeTable,
} from './bundledData.js';

// ---- experiments: parallel sweeps streamed to files, checkpointed, resumable, sharded (Node only) ----
export { runSweep } from './experiments/runSweep.js';
export type { RunSweepOptions, SweepReport, SweepProgress } from './experiments/runSweep.js';
export { mergeShards } from './experiments/mergeShards.js';
export type { MergeOptions } from './experiments/mergeShards.js';
export { runSweepFromSpec, loadSweepSpec, specOutputDir } from './experiments/runSweepFromSpec.js';
export type { SpecRunOptions, LoadedSweepSpec } from './experiments/runSweepFromSpec.js';
export { createProgressPrinter, formatDuration } from './experiments/progressPrinter.js';
export type { ProgressPrinter, ProgressPrinterOptions, ProgressStream } from './experiments/progressPrinter.js';
export { readManifest, OUTPUT_FORMATS } from './experiments/sweepFiles.js';
export type { OutputFormat, SweepManifest, SweepMeta, FileInfo } from './experiments/sweepFiles.js';
export { defaultWorkerCount } from './experiments/runPool.js';
export { runSensitivityFromSpec, writeSensitivity, sensitivityCsv, SENSITIVITY_FILES } from './experiments/runSensitivity.js';
export type { SensitivityOptions, SensitivityRunOptions, SensitivityReport, SensitivityDocument, WrittenSensitivity } from './experiments/runSensitivity.js';

// ---- run outputs and reports: one run to a folder, HTML reports and SVG figures (Node only) ----
export { runToDirectory } from './outputs/runToDirectory.js';
export { OutputWriteError } from './outputs/OutputWriteError.js';
export type { RunToDirectoryOptions, RunToDirectoryResult } from './outputs/runToDirectory.js';
export { readRunOutputs, isRunDirectory } from './outputs/readRunOutputs.js';
export { readSweepOutputs, isSweepDirectory } from './outputs/readSweepOutputs.js';
export { readEnsembleBands, ensembleMeasures } from './outputs/readEnsembleBands.js';
export { writeReport } from './report/writeReport.js';
export type { WriteReportOptions, WrittenReport } from './report/writeReport.js';
export { writeRunReport } from './report/writeRunReport.js';
export type { WriteRunReportOptions } from './report/writeRunReport.js';
export { writeSweepReport } from './report/writeSweepReport.js';
export { renderSvg } from './report/renderSvg.js';
export { readReportLibraries } from './report/readReportLibraries.js';

// ---- calibration: the likelihood along the observed record, estimation, out-of-sample tests (docs/validation.md) ----
export { calibrate, checkCalibrationSpec, loadCalibrationSpec, parameterFileText, writeParameterFile } from './calibration/calibrate.js';
export type { CalibrationSpec, CalibrationReport } from './calibration/calibrate.js';
export { calibrateInWorkers } from './calibration/calibrateInWorkers.js';
export type { CalibrateInWorkersOptions } from './calibration/calibrateInWorkers.js';
export { estimateDynamics, DEFAULT_DYNAMICS } from './calibration/estimateDynamics.js';
export type { DynamicsParameter, EstimateDynamicsOptions, DynamicsEstimate } from './calibration/estimateDynamics.js';
export { ERAS, loadEraTraces, traceEra } from './calibration/loadEraTraces.js';
export type { EraTraceOptions } from './calibration/loadEraTraces.js';
export { loadCalibrationScenario } from './calibration/calibrationScenario.js';
export type { CalibrationScenario } from './calibration/calibrationScenario.js';
export { validateOutOfSample, REGIONAL_CASES, REGIONAL_FOLD_NAME } from './calibration/validateOutOfSample.js';
export type { OutOfSampleReport } from './calibration/validateOutOfSample.js';
