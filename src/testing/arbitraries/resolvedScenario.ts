import fc from 'fast-check';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { scenarioInput, type ScenarioInputOptions } from './scenarioInput.js';

/** Options of {@link resolvedScenario}. */
export interface ResolvedScenarioOptions extends ScenarioInputOptions {
  /** Parameters to resolve with (e.g. `admissibleParameters()`); the defaults when omitted. */
  parameters?: fc.Arbitrary<ModelParameters>;
}

/**
 * A small random world ready for `createSimulation`: a {@link scenarioInput} passed through
 * `resolveScenario`, with the default parameters or parameters drawn from `options.parameters`.
 *
 * @example
 * fc.assert(fc.property(resolvedScenario({ parameters: admissibleParameters() }), (scenario) => {
 *   createSimulation(scenario, { seed: 1 }).run(3);
 * }));
 */
export function resolvedScenario(options: ResolvedScenarioOptions = {}): fc.Arbitrary<ResolvedScenario> {
  const { parameters, ...inputOptions } = options;
  const input = scenarioInput(inputOptions);
  if (parameters === undefined) return input.map((s) => resolveScenario(s));
  return fc.tuple(input, parameters).map(([s, p]) => resolveScenario({ ...s, parameters: p }));
}
