/**
 * counterpoise/testing — the theory of THEORY.md §6 as executable properties: fast-check
 * arbitraries over the admissible parameter set and a runner that checks a user's parameters,
 * policy or threat model against the suite. Requires fast-check (a peer dependency).
 * @packageDocumentation
 */

import { registerExpressionCompiler } from '../engine/expressionCompiler.js';
import { compileExpression } from '../scenario/expressions.js';

// Under this entry the engine compiles scenario expressions with mathjs at once (counterpoise/core
// loads it only when a scenario has expressions: src/engine/expressionCompiler.ts).
registerExpressionCompiler(compileExpression);

// ---- arbitraries
export { admissibleParameters } from './arbitraries/admissibleParameters.js';
export type { AdmissibleParametersOptions, SwitchMode } from './arbitraries/admissibleParameters.js';
export { decisionContext, optionMenu } from './arbitraries/decisionContext.js';
export type { DecisionContextOptions } from './arbitraries/decisionContext.js';
export { scenarioInput, stateId } from './arbitraries/scenarioInput.js';
export type { ScenarioInputOptions } from './arbitraries/scenarioInput.js';
export { resolvedScenario } from './arbitraries/resolvedScenario.js';
export type { ResolvedScenarioOptions } from './arbitraries/resolvedScenario.js';
export { perceptionView, threatInputs, toPerceptionView } from './arbitraries/perceptionView.js';
export type { ThreatInputs } from './arbitraries/perceptionView.js';
export { gridNumber } from './arbitraries/gridNumber.js';

// ---- the properties
export { THEORY_PROPERTIES, PROPERTY_IDS } from './properties/registry.js';
export type { TheoryProperty, PropertyType, PropertyFamily } from './properties/defineProperty.js';
export { DEFAULT_SEED, DEFAULT_NUM_RUNS } from './properties/defineProperty.js';

// ---- checking a model
export type { ModelUnderTest, CheckSettings, PropertyResult } from './ModelUnderTest.js';
export { checkTheory } from './checkTheory.js';
export type { CheckTheoryOptions, TheoryReport, TheoryFailure } from './checkTheory.js';
export { formatTheoryReport } from './formatTheoryReport.js';
