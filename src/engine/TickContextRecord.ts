import type { DecisionPolicy } from '../decision/DecisionPolicy.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type { PerceptionModel, PerceptionView } from '../perception/PerceptionModel.js';
import type { SimulationEvent } from './SimulationEvent.js';
import type { TickContext } from './TickContext.js';
import type { TickRates } from './TickRates.js';
import type { Scratch } from './Scratch.js';
import type { World } from './World.js';

/**
 * The simulation's tick context, as a class instance. When states enter or leave (model note N43)
 * the simulation builds a new context for the rebuilt world with this constructor instead of
 * writing the world, scratch and view into the old one: writing a field after construction that
 * was never written before makes it mutable on the context's hidden class and deoptimises every
 * phase compiled against it; a second run of an object literal would too (see `WorldRecord`).
 * @internal
 */
export class TickContextRecord implements TickContext {
  declare world: World;
  declare scratch: Scratch;
  declare params: ModelParameters;
  declare rates: TickRates;
  declare perception: PerceptionModel;
  declare view: PerceptionView;
  declare policy: DecisionPolicy | null;
  declare events: SimulationEvent[] | null;
  declare tick: number;
  declare year: number;
  declare fused: boolean;

  constructor(
    world: World, scratch: Scratch, params: ModelParameters, rates: TickRates, perception: PerceptionModel,
    view: PerceptionView, policy: DecisionPolicy | null, events: SimulationEvent[] | null, tick: number, year: number, fused: boolean,
  ) {
    this.world = world;
    this.scratch = scratch;
    this.params = params;
    this.rates = rates;
    this.perception = perception;
    this.view = view;
    this.policy = policy;
    this.events = events;
    this.tick = tick;
    this.year = Number.NaN; // a double from the first construction on (see WorldRecord)
    this.year = year;
    this.fused = fused;
  }
}
