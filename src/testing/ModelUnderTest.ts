import type fc from 'fast-check';
import type { DecisionContext } from '../decision/DecisionContext.js';
import type { DecisionPolicy } from '../decision/DecisionPolicy.js';
import type { OptionRecord } from '../decision/options.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type { PerceptionModel } from '../perception/PerceptionModel.js';
import type { ParameterOverrides } from '../scenario/scenarioSchema.js';

/**
 * A model to check against the theory of THEORY §6: the library's own model with any of its parts
 * replaced. Every field is optional; `{}` is the library's reference model, checked over the whole
 * admissible parameter set 𝒫.
 *
 * - `parameters`: fixed parameters (overrides of `defaultParameters()`, every property then runs at
 *   that one point of the parameter space), or an arbitrary of parameters (your own parameter space).
 *   When omitted, properties draw from 𝒫 (`admissibleParameters()`), with the switchable hypotheses
 *   on for P13 and P14.
 * - `utilities`: your utilities V_a (THEORY §5.4). Choice probabilities then follow from the
 *   library's logit at μ = `params.mu`, and log-odds are (V_b − V_a)/μ.
 * - `policy`: your decision policy (probabilities per option). Log-odds are log(p_b / p_a).
 *   Give `utilities` or `policy`, not both.
 * - `perception`: your threat-perception model (T_ij), used by the threat properties M1–M3 and by
 *   every property that runs the engine.
 */
export interface ModelUnderTest {
  /** A name for the report. */
  name?: string;
  /** Fixed parameters (overrides of the defaults) or an arbitrary of parameters; default: 𝒫. */
  parameters?: ParameterOverrides | fc.Arbitrary<ModelParameters>;
  /** Utilities V_a of every option for one state's context (THEORY §5.4). */
  utilities?: (context: DecisionContext, params: ModelParameters) => OptionRecord;
  /** A decision policy (probabilities or non-negative weights per option). */
  policy?: DecisionPolicy;
  /** A threat-perception model (THEORY §5.2). */
  perception?: PerceptionModel;
}

/** fast-check settings of a check (passed to `fc.check`). */
export interface CheckSettings {
  /** The seed (default 20261122, so that reports are reproducible). */
  seed?: number;
  /** Number of runs (default 100). */
  numRuns?: number;
  /** Replay a failure: the `path` of a previous result, with its `seed`. */
  path?: string;
  /** Stop at the first counterexample without shrinking it. */
  endOnFailure?: boolean;
}

/** The outcome of checking one property. */
export interface PropertyResult {
  /** The property's id (e.g. `P5`). */
  id: string;
  /** `holds`: no counterexample found; `fails`: a counterexample; `skipped`: does not apply to the model; `error`: could not run. */
  status: 'holds' | 'fails' | 'skipped' | 'error';
  /** `status === 'holds'`. */
  holds: boolean;
  /** The shrunk counterexample (plain data; parameters left out when they were fixed by the model). */
  counterexample?: unknown;
  /** What went wrong at the counterexample. */
  message?: string;
  /** Why the check could not run (e.g. too many discarded draws). */
  error?: string;
  /** Why the property does not apply to the model. */
  reason?: string;
  /** The seed used. */
  seed: number;
  /** With `seed`, replays the counterexample: pass `{ seed, path }` as settings. */
  path?: string;
  /** Runs made (0 when skipped). */
  numRuns: number;
}
