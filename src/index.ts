/**
 * counterpoise — agent-based simulation of hard, soft and institutional balancing among states.
 *
 * The browser-safe core. Node-only features (files, bundled data) are in `counterpoise/node`.
 * @packageDocumentation
 */

// ---- model: the world as data ----
export type { ModelParameters, SystemConditions } from './model/ModelParameters.js';
export { CONDITION_KEYS } from './model/ModelParameters.js';
export { defaultParameters, defaultSystemConditions } from './model/defaultParameters.js';
export type {
  Capabilities, SixComponents, ResolvedState, ResolvedDyad, ResolvedPerception, ResolvedInstitution, ScenarioMeta,
  ResolvedScenario,
} from './model/ResolvedScenario.js';
export { greatCircleKm } from './model/greatCircleKm.js';

// ---- scenario: define → resolve ----
export { scenarioSchema } from './scenario/scenarioSchema.js';
export type { ScenarioInput, StateInput, InstitutionInput, DyadInput, ParameterOverrides } from './scenario/scenarioSchema.js';
export { resolveScenario } from './scenario/resolveScenario.js';
export type { ResolveOptions } from './scenario/resolveScenario.js';
export { ScenarioError, formatIssue, formatPath } from './scenario/ScenarioError.js';
export type { ScenarioIssue } from './scenario/ScenarioError.js';

// ---- perception ----
export type { PerceptionModel, PerceptionView } from './perception/PerceptionModel.js';
export { dyadDefence } from './perception/PerceptionModel.js';
export { waltThreat } from './perception/waltThreat.js';
export { powerThreat } from './perception/powerThreat.js';

// ---- decision ----
export { OPTIONS, OPTION_INDEX, FAMILIES, FAMILY_OF, isBalancing } from './decision/options.js';
export type { Option, Family, OptionRecord, FamilyRecord } from './decision/options.js';
export type { DecisionContext } from './decision/DecisionContext.js';
export type { DecisionPolicy } from './decision/DecisionPolicy.js';
export { strategyProbabilities } from './decision/strategyProbabilities.js';
export type { StrategyProbabilities } from './decision/strategyProbabilities.js';
export { checkAdmissible } from './decision/checkAdmissible.js';
export { utilityTerms } from './decision/utilityTerms.js';
export type { UtilityTerm } from './decision/utilityTerms.js';
export type { AdmissibilityViolation } from './decision/checkAdmissible.js';

// ---- engine ----
export { createSimulation } from './engine/Simulation.js';
export type { Simulation, SimulationOptions } from './engine/Simulation.js';
export { runSimulation } from './engine/runSimulation.js';
export type { RunOptions, SimulationResult } from './engine/runSimulation.js';
export type { SimulationEvent } from './engine/SimulationEvent.js';
export type { WorldChange, StateField, SystemField } from './engine/WorldChange.js';
export { WorldChangeError } from './engine/applyChange.js';
export type { WorldSnapshot, StateSnapshot, InstitutionSnapshot } from './engine/WorldSnapshot.js';
export type { DecisionExplanation, ThreatExplanation, OptionExplanation } from './engine/DecisionExplanation.js';
export { PHASES } from './engine/phases.js';
export type { Phase } from './engine/phases.js';

// ---- metrics ----
export type { TickRecord } from './metrics/TickRecord.js';
export { cincShares } from './metrics/cincShares.js';
export { concentration, effectivePoles } from './metrics/concentration.js';
export { summarizeRun } from './metrics/summarizeRun.js';
export type { RunSummary, PeriodSummary } from './metrics/summarizeRun.js';
