/**
 * counterpoise — agent-based simulation of hard, soft and institutional balancing among states.
 *
 * The browser-safe core. Node-only features (files, bundled data) are in `counterpoise/node`.
 * @packageDocumentation
 */

import { registerExpressionCompiler } from './engine/expressionCompiler.js';
import { compileExpression } from './scenario/expressions.js';

// Under this entry the engine compiles scenario expressions with mathjs at once (counterpoise/core
// loads it only when a scenario has expressions: src/engine/expressionCompiler.ts).
registerExpressionCompiler(compileExpression);

// ---- the engine: model, perception, decision, engine, metrics — exactly counterpoise/core's exports ----
export * from './core/index.js';

// ---- scenario: define → resolve ----
export { scenarioSchema } from './scenario/scenarioSchema.js';
export type { ScenarioInput, StateInput, InstitutionInput, DyadInput, ParameterOverrides } from './scenario/scenarioSchema.js';
export { resolveScenario } from './scenario/resolveScenario.js';
export type { ResolveOptions } from './scenario/resolveScenario.js';
export { ScenarioError, formatIssue, formatPath } from './scenario/ScenarioError.js';
export type { ScenarioIssue } from './scenario/ScenarioError.js';

// ---- scenario files: YAML/JSON with positions, data references (browser-safe; files in counterpoise/node) ----
export { parseScenario, parseScenarioWithProvenance } from './scenario/file/parseScenario.js';
export type { ParseScenarioOptions, ScenarioWithProvenance } from './scenario/file/parseScenario.js';
export type {
  DataProvenance, StateIdentityProvenance, CapabilitiesProvenance, MajorProvenance, IgoMembersProvenance, AlliancesProvenance,
  AlliancePairProvenance, TradeProvenance,
} from './scenario/file/DataProvenance.js';
export type { ScenarioFormat } from './scenario/file/readScenarioDocument.js';
export type { ScenarioDataProvider, NmcVersion } from './scenario/file/ScenarioDataProvider.js';
export {
  scenarioFileSchema, nmcCapabilitiesReferenceSchema, majorReferenceSchema, igoMembersReferenceSchema, alliancesReferenceSchema,
  tradeReferenceSchema, dataSettingsSchema, sourceNoteSchema,
} from './scenario/file/scenarioFileSchema.js';
export type {
  ScenarioFileInput, ScenarioFile, StateFileInput, InstitutionFileInput, NmcCapabilitiesReference, MajorReference,
  IgoMembersReference, AlliancesReference, TradeReference, SourceNote,
} from './scenario/file/scenarioFileSchema.js';
export { scenarioJsonSchema } from './scenario/file/scenarioJsonSchema.js';

// ---- experiments: designs, seeds, ensembles and sweeps in this thread (browser-safe) ----
// Parallel, streamed to files, resumable and sharded: runSweep and mergeShards in counterpoise/node.
export { ExperimentError } from './experiments/ExperimentError.js';
export type { ExperimentIssue, ExperimentErrorCode } from './experiments/ExperimentError.js';
export { parseParameterPath, readParameter, PATH_ALIASES, STATE_FIELDS, INSTITUTION_FIELDS, SYSTEM_FIELDS } from './experiments/parameterPath.js';
export type {
  ParameterValue, ParameterPath, ParameterTarget, DesignStateField, DesignInstitutionField, DesignSystemField,
} from './experiments/parameterPath.js';
export { applyPoint, checkPoint } from './experiments/applyPoint.js';
export type { ApplyPointOptions } from './experiments/applyPoint.js';
export { designSchema, compileDesign, expandDesign } from './experiments/design.js';
export type {
  Design, GridDesign, LatinHypercubeDesign, OneAtATimeDesign, SobolDesign, MorrisDesign, DesignPoint, DesignParameter, CompiledDesign, ExpandOptions,
} from './experiments/design.js';
export { deriveSeed, seedKeyText, SEED_LIMIT } from './experiments/deriveSeed.js';
export type { SeedKey } from './experiments/deriveSeed.js';
export { planSweep, parseShard } from './experiments/planSweep.js';
export type { SweepOptions, SweepPlan, SweepFingerprint, SweepTables, Shard } from './experiments/planSweep.js';
export { runOne, formatRun } from './experiments/runOne.js';
export type { RunSpec, RunOneOptions, RunResult, RunChunks, RunFileName, FormatWants } from './experiments/runOne.js';
export { sweep, runEnsemble, ENSEMBLE_DESIGN } from './experiments/sweep.js';
export type { EnsembleOptions } from './experiments/sweep.js';
export { sweepLayout, metricColumns, TABLE_NAMES } from './experiments/tables.js';
export type { SweepLayout, Column, ColumnType, Cell, TableName } from './experiments/tables.js';
export { summarizeSample, studentTQuantile } from './experiments/statistics.js';
export type { SampleSummary } from './experiments/statistics.js';
export { PointSummarizer, summarizePoints } from './experiments/summarizePoints.js';
export type { PointSummaryRow } from './experiments/summarizePoints.js';
export { sweepSpecSchema, parseSweepSpec } from './experiments/sweepSpec.js';
export { analyzeSensitivity, sensitivityDesignOf, runRows } from './experiments/analyzeSensitivity.js';
export type { SensitivityAnalysis, SensitivityRow, SensitivityIndex, SensitivityDesign, AnalyzeSensitivityOptions } from './experiments/analyzeSensitivity.js';
export { sobolIndices } from './experiments/sobolIndices.js';
export type { SobolIndices, SobolIndicesOptions, SobolParameterIndices, SobolPairIndex, IndexEstimate } from './experiments/sobolIndices.js';
export { morrisEffects } from './experiments/morrisEffects.js';
export type { MorrisEffectsOptions, MorrisParameterEffects } from './experiments/morrisEffects.js';
export { sobolSequence } from './experiments/sobolSequence.js';
export type { SobolSequence } from './experiments/sobolSequence.js';
export { saltelliSample } from './experiments/saltelliSample.js';
export type { SaltelliSample } from './experiments/saltelliSample.js';
export { morrisTrajectories } from './experiments/morrisTrajectories.js';
export type { MorrisTrajectories } from './experiments/morrisTrajectories.js';
export type { SweepSpec, ParsedSweepSpec } from './experiments/sweepSpec.js';

// ---- report: the report's tables and its Vega-Lite charts (browser-safe; files in counterpoise/node) ----
export { RunTrace, defaultThreatTicks } from './report/RunTrace.js';
export type { RunTraceOptions } from './report/RunTrace.js';
export { traceRun } from './report/traceRun.js';
export type { TraceRunOptions } from './report/traceRun.js';
export { RUN_TABLE_COLUMNS } from './report/RunTables.js';
export type { RunTables, StateTickRow, ThreatRow, MembershipRow, MembershipRelation } from './report/RunTables.js';
export { membershipSpells, dualTrackStates } from './report/membershipSpells.js';
export type { MembershipSpell } from './report/membershipSpells.js';
export { describeRun } from './report/describeRun.js';
export type { SummaryLine, DescribeRunOptions } from './report/describeRun.js';
export { buildRunReport } from './report/buildRunReport.js';
export type { RunReportInput } from './report/RunReportInput.js';
export type { ReportTick } from './report/ReportTick.js';
export { buildSweepReport } from './report/buildSweepReport.js';
export type { SweepReportInput, SweepCell } from './report/SweepReportInput.js';
export { EnsembleBands } from './report/EnsembleBands.js';
export type { EnsembleBand } from './report/EnsembleBands.js';
export { sweepPoints } from './report/charts/sweepMetricsChart.js';
export type { SweepPoint } from './report/charts/sweepMetricsChart.js';
export { renderReportHtml } from './report/renderReportHtml.js';
export type { ReportLibraries, RenderReportOptions } from './report/renderReportHtml.js';
export type { ReportChart, ReportDocument } from './report/ReportChart.js';
export type { VegaLiteSpec } from './report/VegaLiteSpec.js';
export type { RunManifest, OutputFile } from './report/RunManifest.js';
export { eventFromRow } from './report/eventFromRow.js';
export { ReportError } from './report/ReportError.js';
export { OPTION_LABELS, FAMILY_COLORS } from './report/strategyLabels.js';

// ---- calibration: likelihood of the observed record, estimation inside 𝒫, out-of-sample scores (docs/validation.md) ----
export { CATEGORIES, CATEGORY_COUNT, CATEGORY_OF_OPTION } from './calibration/categories.js';
export type { Category } from './calibration/categories.js';
export type { ObservedTrace } from './calibration/ObservedTrace.js';
export { traceObservedHistory } from './calibration/traceObservedHistory.js';
export type { TraceOptions } from './calibration/traceObservedHistory.js';
export { logLikelihood, scorePredictions, writeCategoryProbabilities, createLikelihoodScratch } from './calibration/logLikelihood.js';
export type { Scores, LikelihoodScratch } from './calibration/logLikelihood.js';
export { categoryCounts } from './calibration/categoryCounts.js';
export type { CategoryCounts } from './calibration/categoryCounts.js';
export { fitParameters } from './calibration/fitParameters.js';
export type { FitOptions, FitResult, EstimateRequest } from './calibration/fitParameters.js';
export { profileLikelihood, describeInterval, chiSquare1Quantile, PROFILE_DROP_95 } from './calibration/profileLikelihood.js';
export type { ProfileInterval, ProfileOptions, IntervalEnd } from './calibration/profileLikelihood.js';
export { crossValidate, standardFolds, OOS_METHODS } from './calibration/crossValidate.js';
export type { Fold, OosRow, OosMethod, CrossValidateOptions } from './calibration/crossValidate.js';
export { MOMENT_NAMES, MOMENT_COUNT, momentsOf, simulateHistory } from './calibration/simulatedMoments.js';
export type { Moments, HistoryRows } from './calibration/simulatedMoments.js';
export { estimateBySimulatedMoments } from './calibration/estimateBySimulatedMoments.js';
export type { SimulatedMomentsProblem, SimulatedMomentsPoint, SimulatedMomentsResult } from './calibration/estimateBySimulatedMoments.js';
export { calibrationFolds, planCalibrationUnits, runCalibrationUnit, unitKey } from './calibration/calibrationUnits.js';
export type { CalibrationUnit, CalibrationUnitResult, CalibrationUnitContext } from './calibration/calibrationUnits.js';
export { CHOICE_RULE_PARAMETERS, DEFAULT_ESTIMATED, SEARCH_UPPER } from './calibration/parameterSpace.js';
export type { ChoiceRuleParameter, EstimatedParameter } from './calibration/parameterSpace.js';
export { admissibleSlacks } from './calibration/admissibleSlacks.js';
export { simulateCategories, syntheticTrace } from './calibration/simulateHistories.js';
export { nelderMead } from './calibration/nelderMead.js';
export type { NelderMeadOptions, NelderMeadResult } from './calibration/nelderMead.js';
export { CalibrationError } from './calibration/CalibrationError.js';
export type { CalibrationIssue } from './calibration/CalibrationError.js';
