/** Affinity moves by cooperation and conflict and returns to its seed with a half-life (model note N54). */
import { describe, expect, it } from 'vitest';
import { affinityPhase } from '../../../src/effects/affinityPhase.js';
import { tickRates } from '../../../src/engine/TickRates.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const input = (ticksPerYear = 1, parameters: ScenarioInput['parameters'] = {}): ScenarioInput => ({
  meta: { id: 'aff', ticksPerYear },
  states: ['A', 'B', 'C', 'D'].map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 } })),
  dyads: [{ between: ['A', 'B'], trade: 1 }],
  affinity: { blocs: [{ name: 'AB', members: ['A', 'B'], affinity: 0.8 }], pairs: [{ between: ['C', 'D'], affinity: -0.4 }] },
  parameters,
});

const at = (ctx: ReturnType<typeof perceivedContext>, a: string, b: string): number => ctx.world.affinity[ctx.index(a) * ctx.world.n + ctx.index(b)];
const set = (ctx: ReturnType<typeof perceivedContext>, a: string, b: string, v: number): void => {
  ctx.world.affinity[ctx.index(a) * ctx.world.n + ctx.index(b)] = v;
  ctx.world.affinity[ctx.index(b) * ctx.world.n + ctx.index(a)] = v;
};

describe('affinityPhase (N54)', () => {
  it('with no acts, a displaced affinity returns halfway to its seed in one half-life, at any tick length', () => {
    for (const tpy of [1, 4]) {
      const ctx = perceivedContext(input(tpy, { affinityHalfLife: 2 }));
      everyoneIdle(ctx);
      set(ctx, 'A', 'B', 0);
      set(ctx, 'A', 'C', 0.6);
      for (let t = 0; t < 2 * tpy; t++) affinityPhase(ctx);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(0.4, 12);
      expect(at(ctx, 'B', 'A')).toBe(at(ctx, 'A', 'B'));
      expect(at(ctx, 'A', 'C')).toBeCloseTo(0.3, 12);
      expect(at(ctx, 'C', 'D')).toBeCloseTo(-0.4, 12); // at its seed: stays
    }
  });

  it('a sanction, a legitimacy denial and an aggression lower it; the step is γ_x·(1 + a)', () => {
    const ctx = perceivedContext(input());
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'SS', 'B');
    setAction(ctx, 'C', 'SL', 'D');
    affinityPhase(ctx);
    const g = ctx.params.affinityConflict;
    expect(at(ctx, 'A', 'B')).toBeCloseTo(0.8 - g * 1.8, 12);
    expect(at(ctx, 'B', 'A')).toBe(at(ctx, 'A', 'B'));
    expect(at(ctx, 'C', 'D')).toBeCloseTo(-0.4 - g * 0.6, 12);
    everyoneIdle(ctx);
    ctx.scratch.aggressed[ctx.index('D')] = 1;
    ctx.scratch.victim[ctx.index('D')] = ctx.index('A');
    affinityPhase(ctx);
    expect(at(ctx, 'D', 'A')).toBeLessThan(0);
  });

  it('an alliance in force pulls affinity up; a partner in an entente act gains, the target loses; it stays in [−1, 1]', () => {
    const ctx = perceivedContext(input());
    everyoneIdle(ctx);
    const n = ctx.world.n;
    const [c, d] = [ctx.index('C'), ctx.index('D')];
    ctx.world.ally[c * n + d] = ctx.world.ally[d * n + c] = 1;
    affinityPhase(ctx);
    expect(at(ctx, 'C', 'D')).toBeGreaterThan(-0.4);
    setAction(ctx, 'A', 'SE', 'C');
    ctx.scratch.partner[ctx.index('A')] = ctx.index('D');
    for (let t = 0; t < 200; t++) affinityPhase(ctx);
    expect(at(ctx, 'A', 'D')).toBeGreaterThan(0);
    expect(at(ctx, 'A', 'C')).toBeLessThan(0);
    for (const v of ctx.world.affinity) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it('applies a pair\'s acts of one tick cooperation first, then conflict, whatever the order of the actors (S1)', () => {
    const ctx = perceivedContext(input(1, { affinityHalfLife: 1e9 })); // memory off for the check
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'SS', 'B'); // A (visited first) sanctions B: conflict on A–B
    setAction(ctx, 'B', 'SE', 'C'); // B takes A as entente partner against C: cooperation on A–B
    ctx.scratch.partner[ctx.index('B')] = ctx.index('A');
    affinityPhase(ctx);
    const [gc, gx] = [ctx.params.affinityCoop, ctx.params.affinityConflict];
    const coopFirst = -1 + (1 + (1 - (1 - 0.8) * (1 - gc))) * (1 - gx);
    expect(at(ctx, 'A', 'B')).toBeCloseTo(coopFirst, 12);
  });

  it('converts γ_c and the half-life once per tick (TickRates), not in the loop', () => {
    const r = tickRates({ ...perceivedContext(input()).params, affinityHalfLife: 10, affinityCoop: 0.05 }, 4);
    expect(r.affinityKeep ** 40).toBeCloseTo(0.5, 12);
    expect(1 - (1 - r.affinityPull) ** 4).toBeCloseTo(0.05, 12);
  });

  it('does nothing when the scenario has no affinity', () => {
    const { affinity: _, ...plain } = input();
    const ctx = perceivedContext(plain);
    setAction(ctx, 'A', 'SS', 'B');
    affinityPhase(ctx);
    expect(ctx.world.affinity.length).toBe(0);
  });
});
