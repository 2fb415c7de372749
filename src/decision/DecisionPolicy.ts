import type { ModelParameters } from '../model/ModelParameters.js';
import type { DecisionContext } from './DecisionContext.js';
import type { OptionRecord } from './options.js';

/**
 * A custom decision policy: given one state's context toward its main threat, the probability of
 * each option. Options it leaves out get 0; the engine renormalises over available options and
 * forces masked options to 0. The default (no policy given) is the logit of THEORY §5.4, run on a
 * faster allocation-free path.
 */
export interface DecisionPolicy {
  /** A short name, recorded with results. */
  readonly name: string;
  /** Probabilities (or non-negative weights) per option for one state. */
  probabilities(context: DecisionContext, params: ModelParameters): Partial<OptionRecord>;
}
