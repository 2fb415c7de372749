import type { DecisionPolicy } from '../decision/DecisionPolicy.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type { PerceptionModel, PerceptionView } from '../perception/PerceptionModel.js';
import type { SimulationEvent } from './SimulationEvent.js';
import type { TickRates } from './TickRates.js';
import type { Scratch } from './Scratch.js';
import type { World } from './World.js';

/** Everything a phase reads and writes during one tick. @internal */
export interface TickContext {
  world: World;
  scratch: Scratch;
  params: ModelParameters;
  /** The yearly parameters converted to the tick length (model note N28), kept in step with `params`. */
  rates: TickRates;
  perception: PerceptionModel;
  view: PerceptionView;
  /** A custom policy, or null for the built-in logit of THEORY §5.4. */
  policy: DecisionPolicy | null;
  /** Where phases push events, or null when events are not collected. */
  events: SimulationEvent[] | null;
  /** The tick being computed (0-based) and its calendar year. */
  tick: number;
  year: number;
  /**
   * The engine's fast path, taken with the built-in Walt model: the update phase leaves the n×n
   * belief relaxation pending (`Scratch.beliefsPending`) and the next perceive phase applies it row
   * by row, fused with the threat computation, without storing the threat matrix. Same numbers.
   * Unset (the testing kit, unit tests): every phase leaves the world and scratch complete.
   */
  fused?: boolean;
}
