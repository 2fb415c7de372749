import { OPTION_INDEX, type Option } from '../../src/decision/options.js';
import { createScratch } from '../../src/engine/Scratch.js';
import { createWorld } from '../../src/engine/createWorld.js';
import type { TickContext } from '../../src/engine/TickContext.js';
import { tickRates } from '../../src/engine/TickRates.js';
import { perceivePhase } from '../../src/perception/perceivePhase.js';
import { waltThreat } from '../../src/perception/waltThreat.js';
import { StateStreams } from '../../src/random/StateStreams.js';
import { resolveScenario, type ScenarioInput } from '../../src/index.js';

/** A tick context for calling phases directly, after perception of tick 0. */
export function perceivedContext(input: ScenarioInput, seed = 1): TickContext & { index: (id: string) => number } {
  const scenario = resolveScenario(input);
  const world = createWorld(scenario);
  const scratch = createScratch(world, tickRates(scenario.parameters, world.ticksPerYear).episodeTicks, scenario.parameters.entMin);
  new StateStreams(seed, world.ids).drawTick(scratch.draws);
  const ctx: TickContext = {
    world, scratch, params: scenario.parameters, rates: tickRates(scenario.parameters, world.ticksPerYear), perception: waltThreat,
    view: { n: world.n, cinc: scratch.cinc, cincPast: scratch.cincPast, proximity: world.proximity, off: world.off, nuc: world.nuc, ahat: world.ahat, theta: world.theta, params: scenario.parameters },
    policy: null, events: [], tick: 0, year: scenario.meta.startYear,
  };
  perceivePhase(ctx);
  const ids = new Map(world.ids.map((id, i) => [id, i]));
  return Object.assign(ctx, {
    index: (id: string): number => {
      const i = ids.get(id);
      if (i === undefined) throw new Error(`no state ${id}`);
      return i;
    },
  });
}

/** Sets state `actor`'s action (and optionally its target) as if the decide phase had drawn it. */
export function setAction(ctx: ReturnType<typeof perceivedContext>, actor: string, option: Option, target?: string): void {
  const i = ctx.index(actor);
  ctx.scratch.action[i] = OPTION_INDEX[option];
  if (target !== undefined) ctx.scratch.target[i] = ctx.index(target);
}

/** Every state does nothing (NONE). */
export function everyoneIdle(ctx: TickContext): void {
  ctx.scratch.action.fill(OPTION_INDEX.NONE);
}
