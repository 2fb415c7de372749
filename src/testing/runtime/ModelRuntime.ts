import fc from 'fast-check';
import type { DecisionContext } from '../../decision/DecisionContext.js';
import type { DecisionPolicy } from '../../decision/DecisionPolicy.js';
import { OPTIONS, OPTION_COUNT, toOptionRecord, type Option, type OptionRecord } from '../../decision/options.js';
import { packContext, packMask } from '../../decision/strategyProbabilities.js';
import { defaultParameters } from '../../model/defaultParameters.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { PerceptionModel } from '../../perception/PerceptionModel.js';
import { waltThreat } from '../../perception/waltThreat.js';
import type { ParameterOverrides } from '../../scenario/scenarioSchema.js';
import { admissibleParameters, type AdmissibleParametersOptions } from '../arbitraries/admissibleParameters.js';
import type { ModelUnderTest } from '../ModelUnderTest.js';
import { LIBRARY, type Library } from './Library.js';

/**
 * A {@link ModelUnderTest} made executable: how to get its utilities, probabilities and log-odds
 * for a context, its parameter space, its threat model and what to hand the engine.
 * @internal
 */
export interface ModelRuntime {
  readonly name: string;
  /** What the model replaces of the library's reference model. */
  readonly supplied: { readonly parameters: 'fixed' | 'space' | null; readonly utilities: boolean; readonly policy: boolean; readonly perception: boolean };
  /** Where the choice comes from: the library's §5.4 model, user utilities, or a user policy. */
  readonly decision: 'library' | 'utilities' | 'policy';
  /** The fixed parameters, when the model fixes them. */
  readonly fixedParameters: ModelParameters | null;
  /** Parameters to draw: the fixed point, the user's space, or 𝒫 with the given switches. */
  parameters(switches?: AdmissibleParametersOptions): fc.Arbitrary<ModelParameters>;
  /** V_a for every option, or null for a policy model. */
  utilities(ctx: DecisionContext, p: ModelParameters): OptionRecord | null;
  /** Choice probabilities, normalised over all options (masked options should get 0). */
  probabilities(ctx: DecisionContext, p: ModelParameters): OptionRecord;
  /** log-odds(b : a): (V_b − V_a)/μ from utilities, else log(p_b / p_a). */
  logOdds(ctx: DecisionContext, p: ModelParameters, b: Option, a: Option): number;
  /** The library's logit applied to utilities and a menu. */
  logit(v: OptionRecord, available: Readonly<Record<Option, boolean>>, mu: number): OptionRecord;
  readonly perception: PerceptionModel;
  /** The policy the engine runs (null: the built-in logit). */
  readonly enginePolicy: DecisionPolicy | null;
  readonly lib: Library;
}

function isArbitrary(value: unknown): value is fc.Arbitrary<ModelParameters> {
  return typeof value === 'object' && value !== null
    && typeof (value as { generate?: unknown }).generate === 'function'
    && typeof (value as { shrink?: unknown }).shrink === 'function';
}

/** Defaults with overrides (omega merged key by key). */
export function withOverrides(overrides: ParameterOverrides): ModelParameters {
  const d = defaultParameters();
  return { ...d, ...(overrides as Partial<ModelParameters>), omega: { ...d.omega, ...(overrides.omega ?? {}) } };
}

/** Menu of a context: every option available unless marked false; NONE always. */
export function menuOf(ctx: DecisionContext): Record<Option, boolean> {
  const m = {} as Record<Option, boolean>;
  for (const o of OPTIONS) m[o] = o === 'NONE' || ctx.available?.[o] !== false;
  return m;
}

/** Resolves a model under test against a library (the shipped one, or a test's broken variant). @internal */
export function resolveModel(model: ModelUnderTest = {}, lib: Library = LIBRARY): ModelRuntime {
  if (model.utilities !== undefined && model.policy !== undefined) {
    throw new TypeError('a model under test gives utilities or a policy, not both');
  }
  const fixed = model.parameters === undefined || isArbitrary(model.parameters) ? null : withOverrides(model.parameters);
  const space = isArbitrary(model.parameters) ? model.parameters : null;
  const userUtilities = model.utilities;
  const policy = model.policy;

  const logit = (v: OptionRecord, available: Readonly<Record<Option, boolean>>, mu: number): OptionRecord => {
    const vs = new Float64Array(OPTION_COUNT);
    const mask = new Uint8Array(OPTION_COUNT);
    const out = new Float64Array(OPTION_COUNT);
    OPTIONS.forEach((o, k) => { vs[k] = v[o]; mask[k] = available[o] ? 1 : 0; });
    lib.writeLogit(vs, mask, mu, out, 0);
    return toOptionRecord(out);
  };
  const libraryUtilities = (ctx: DecisionContext, p: ModelParameters): OptionRecord => {
    const out = new Float64Array(OPTION_COUNT);
    lib.writeUtilities(p, packContext(ctx), 0, out, 0);
    return toOptionRecord(out);
  };
  const utilities = policy !== undefined ? null : (userUtilities ?? libraryUtilities);

  const probabilities = (ctx: DecisionContext, p: ModelParameters): OptionRecord => {
    if (utilities !== null) {
      if (userUtilities === undefined) {
        // The library's own path, exactly as strategyProbabilities runs it.
        const z = packContext(ctx);
        const mask = packMask(ctx);
        const v = new Float64Array(OPTION_COUNT);
        const out = new Float64Array(OPTION_COUNT);
        lib.writeUtilities(p, z, 0, v, 0);
        lib.writeLogit(v, mask, p.mu, out, 0);
        return toOptionRecord(out);
      }
      return logit(utilities(ctx, p), menuOf(ctx), p.mu);
    }
    const weights = (policy as DecisionPolicy).probabilities(ctx, p);
    let sum = 0;
    for (const o of OPTIONS) sum += weights[o] ?? 0;
    const out = {} as OptionRecord;
    for (const o of OPTIONS) out[o] = (weights[o] ?? 0) / sum;
    return out;
  };

  const logOdds = (ctx: DecisionContext, p: ModelParameters, b: Option, a: Option): number => {
    if (utilities !== null) {
      const v = utilities(ctx, p);
      return (v[b] - v[a]) / p.mu;
    }
    const pr = probabilities(ctx, p);
    return Math.log(pr[b]) - Math.log(pr[a]);
  };

  const enginePolicy: DecisionPolicy | null = policy ?? (userUtilities === undefined ? null : {
    name: model.name ?? 'utilities under test',
    probabilities: (ctx, p) => logit(userUtilities(ctx, p), menuOf(ctx), p.mu),
  });

  return {
    name: model.name ?? (policy !== undefined ? policy.name : userUtilities !== undefined ? 'custom utilities'
      : model.perception !== undefined ? model.perception.name : 'counterpoise reference model'),
    supplied: {
      parameters: fixed !== null ? 'fixed' : space !== null ? 'space' : null,
      utilities: userUtilities !== undefined,
      policy: policy !== undefined,
      perception: model.perception !== undefined,
    },
    decision: policy !== undefined ? 'policy' : userUtilities !== undefined ? 'utilities' : 'library',
    fixedParameters: fixed,
    parameters: (switches = {}) => (fixed !== null ? fc.constant(fixed) : space !== null ? space : admissibleParameters(switches)),
    utilities: (ctx, p) => (utilities === null ? null : utilities(ctx, p)),
    probabilities,
    logOdds,
    logit,
    perception: model.perception ?? waltThreat,
    enginePolicy,
    lib,
  };
}
