import { createScratch, type Scratch } from '../../engine/Scratch.js';
import { createWorld } from '../../engine/createWorld.js';
import type { SimulationEvent } from '../../engine/SimulationEvent.js';
import type { TickContext } from '../../engine/TickContext.js';
import type { World } from '../../engine/World.js';
import { applyChange } from '../../engine/applyChange.js';
import { tickRates } from '../../engine/TickRates.js';
import type { WorldChange } from '../../engine/WorldChange.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { hashString } from '../../random/hashString.js';
import type { Library, PhaseName, Streams } from './Library.js';
import type { ModelRuntime } from './ModelRuntime.js';

/** Options of {@link Harness}. @internal */
export interface HarnessOptions {
  /** The run seed (default 0). */
  seed?: number | string;
  /** Identity of each state by its label (default: the label). Streams and id hashes are keyed by identity (S1). */
  identity?: ReadonlyMap<string, string>;
  /** Collect events (default false). */
  events?: boolean;
}

/**
 * The engine's tick loop (THEORY §5.8) on the library pieces of a {@link ModelRuntime}, with the
 * world and scratch buffers open, so that properties can run single phases, set actions as if the
 * decide phase had drawn them, and compare runs. It mirrors `Engine.advance` (draw every state's
 * uniforms, then run the phases in order); a test checks that both give the same trajectory.
 * Scenario expressions and events are not run (the kit's worlds have none).
 * @internal
 */
export class Harness {
  readonly world: World;
  readonly scratch: Scratch;
  readonly ctx: TickContext;
  readonly lib: Library;
  readonly events: SimulationEvent[] = [];
  private readonly streams: Streams;
  private readonly ids: Map<string, number>;

  constructor(scenario: ResolvedScenario, params: ModelParameters, rt: ModelRuntime, options: HarnessOptions = {}) {
    const p: ModelParameters = { ...params, omega: { ...params.omega } };
    this.lib = rt.lib;
    this.world = createWorld({ ...scenario, parameters: p });
    const w = this.world;
    const identity = options.identity;
    const keys = identity === undefined ? w.ids : w.ids.map((id) => identity.get(id) ?? id);
    if (identity !== undefined) for (let i = 0; i < w.n; i++) w.idHash[i] = hashString(keys[i]);
    this.scratch = createScratch(w, tickRates(p, w.ticksPerYear).episodeTicks);
    this.streams = rt.lib.createStreams(options.seed ?? 0, keys);
    this.ids = new Map(w.ids.map((id, i) => [id, i]));
    const s = this.scratch;
    this.ctx = {
      world: w, scratch: s, params: p, rates: tickRates(p, w.ticksPerYear), perception: rt.perception,
      view: { n: w.n, cinc: s.cinc, cincPast: s.cincPast, proximity: w.proximity, off: w.off, nuc: w.nuc, ahat: w.ahat, theta: w.theta, params: p },
      policy: rt.enginePolicy,
      events: options.events === true ? this.events : null,
      tick: 0, year: w.startYear,
    };
    for (let i = 0; i < s.action.length; i++) s.action[i] = -1;
  }

  /** The engine index of a state id. */
  index(id: string): number {
    const i = this.ids.get(id);
    if (i === undefined) throw new RangeError(`no state "${id}"`);
    return i;
  }

  /**
   * Changes the world through the engine's own change API (alliances, trade, memberships stay
   * consistent with the engine's indexes), as a scenario event would between ticks.
   */
  change(change: WorldChange): void {
    applyChange(this.world, this.ctx.params, change, this.ids, null, this.ctx.year);
    tickRates(this.ctx.params, this.world.ticksPerYear, this.ctx.rates);
  }

  /** Sets the tick clock and draws every state's uniforms for the tick. */
  draw(): void {
    const w = this.world;
    this.ctx.tick = w.tick;
    this.ctx.year = w.startYear + w.tick / w.ticksPerYear;
    this.streams.drawTick(this.scratch.draws);
  }

  /** Runs the named phases of the library, in the order given. */
  run(...names: PhaseName[]): void {
    for (const name of names) {
      const phase = this.lib.phases.find((ph) => ph.name === name);
      if (phase === undefined) throw new Error(`no phase "${name}"`);
      phase.run(this.ctx);
    }
  }

  /** One whole tick: draws, every phase in order, then the clock advances. */
  tick(): void {
    this.draw();
    for (const phase of this.lib.phases) phase.run(this.ctx);
    this.world.tick++;
  }
}
