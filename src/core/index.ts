/**
 * counterpoise/core — the engine alone, for running a resolved scenario in a browser at the
 * smallest size (≤ 100 KB gzipped, checked by test/package/bundleSize.test.ts; `npm run size`).
 *
 * The same functions and classes as `counterpoise` (they are the same objects), without scenario
 * parsing and validation (zod, yaml), experiments and reports. A scenario is resolved elsewhere —
 * by `counterpoise` or `counterpoise/node`, or by the CLI, and passed as JSON or by structured
 * clone. Expressions (mathjs) are a separate chunk: call {@link loadExpressions} before
 * `createSimulation` when {@link needsExpressions} says the scenario has some.
 * @packageDocumentation
 */

// ---- the world as data ----
export type { ModelParameters, SystemConditions } from '../model/ModelParameters.js';
export { CONDITION_KEYS } from '../model/ModelParameters.js';
export { defaultParameters, defaultSystemConditions } from '../model/defaultParameters.js';
export type {
  Capabilities, SixComponents, ResolvedState, ResolvedDyad, ResolvedPerception, ResolvedInstitution, ScenarioMeta,
  ResolvedScenario,
} from '../model/ResolvedScenario.js';
export { greatCircleKm } from '../model/greatCircleKm.js';

// ---- expressions, loaded only when a scenario has them ----
export { loadExpressions } from './loadExpressions.js';
export { needsExpressions } from '../engine/expressionCompiler.js';

// ---- perception ----
export type { PerceptionModel, PerceptionView } from '../perception/PerceptionModel.js';
export { dyadDefence } from '../perception/PerceptionModel.js';
export { waltThreat } from '../perception/waltThreat.js';
export { aggregatePower } from '../perception/powerShift.js';
export { powerThreat } from '../perception/powerThreat.js';

// ---- decision ----
export { OPTIONS, OPTION_INDEX, FAMILIES, FAMILY_OF, isBalancing } from '../decision/options.js';
export type { Option, Family, OptionRecord, FamilyRecord } from '../decision/options.js';
export type { DecisionContext } from '../decision/DecisionContext.js';
export type { DecisionPolicy } from '../decision/DecisionPolicy.js';
export { strategyProbabilities } from '../decision/strategyProbabilities.js';
export type { StrategyProbabilities } from '../decision/strategyProbabilities.js';
export { checkAdmissible } from '../decision/checkAdmissible.js';
export type { AdmissibilityViolation } from '../decision/checkAdmissible.js';
export { utilityTerms } from '../decision/utilityTerms.js';
export type { UtilityTerm } from '../decision/utilityTerms.js';

// ---- engine ----
export { createSimulation } from '../engine/Simulation.js';
export type { Simulation, SimulationOptions } from '../engine/Simulation.js';
export { runSimulation } from '../engine/runSimulation.js';
export type { RunOptions, SimulationResult } from '../engine/runSimulation.js';
export type { SimulationEvent } from '../engine/SimulationEvent.js';
export type { WorldChange, StateField, SystemField } from '../engine/WorldChange.js';
export { MEMBERSHIP_STATUSES, type MembershipStatus } from '../institutions/MembershipStatus.js';
export { WorldChangeError } from '../engine/applyChange.js';
export type { WorldSnapshot, StateSnapshot, InstitutionSnapshot } from '../engine/WorldSnapshot.js';
export type { DecisionExplanation, GreatPowerExplanation, OptionExplanation, PartnerExplanation, ThreatExplanation } from '../engine/DecisionExplanation.js';
export { PHASES } from '../engine/phases.js';
export type { Phase } from '../engine/phases.js';

// ---- metrics ----
export type { DualTrackRecord, GreatPowerPositionRecord, TickRecord } from '../metrics/TickRecord.js';
export { cincShares } from '../metrics/cincShares.js';
export { concentration, effectivePoles } from '../metrics/concentration.js';
export { summarizeRun } from '../metrics/summarizeRun.js';
export type { DualTrackSummary, GreatPowerSummary, RunSummary, PeriodSummary } from '../metrics/summarizeRun.js';
