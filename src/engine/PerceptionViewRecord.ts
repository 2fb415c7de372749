import type { ModelParameters } from '../model/ModelParameters.js';
import type { PerceptionView } from '../perception/PerceptionModel.js';
import type { Scratch } from './Scratch.js';
import type { World } from './World.js';

/**
 * The perception model's view of a world, as a class instance: one constructor for the first world
 * and every rebuilt one (model note N43), so that every view has the same hidden class and the
 * phases compiled against it stay optimised after a rebuild (an object literal would not: see
 * `WorldRecord`).
 * @internal
 */
export class PerceptionViewRecord implements PerceptionView {
  declare readonly n: number;
  declare readonly cinc: Float64Array;
  declare readonly cincPast: Float64Array;
  declare readonly proximity: Float64Array;
  declare readonly off: Float64Array;
  declare readonly nuc: Uint8Array;
  declare readonly ahat: Float64Array;
  declare readonly theta: number;
  declare readonly params: ModelParameters;

  constructor(w: World, s: Scratch, params: ModelParameters) {
    this.n = w.n;
    this.cinc = s.cinc;
    this.cincPast = s.cincPast;
    this.proximity = w.proximity;
    this.off = w.off;
    this.nuc = w.nuc;
    this.ahat = w.ahat;
    (this as { theta: number }).theta = Number.NaN; // a double from the first construction on (see WorldRecord)
    this.theta = w.theta;
    this.params = params;
  }
}
