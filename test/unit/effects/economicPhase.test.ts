import { describe, expect, it } from 'vitest';
import { economicPhase } from '../../../src/effects/economicPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const world = (trade: number): ScenarioInput => ({
  meta: { id: 'econ' },
  states: [
    { id: 'A', capabilities: { mil: 2, eco: 4, pop: 1 }, ideology: 0.5 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.5 },
    { id: 'C', capabilities: { mil: 1, eco: 2, pop: 1 }, ideology: 0.5 },
  ],
  dyads: [{ between: ['A', 'B'], trade }],
});

describe('economicPhase (THEORY §5.5)', () => {
  it('E6: a sanction costs sender and target the same absolute amount s·X_ij and cuts trade by s_red', () => {
    const ctx = perceivedContext(world(0.5));
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'SS', 'B');
    const [a, b] = [ctx.index('A'), ctx.index('B')];
    const n = ctx.world.n;
    const before = [ctx.world.eco[a], ctx.world.eco[b]];
    economicPhase(ctx);
    const lossA = before[0] - ctx.world.eco[a];
    const lossB = before[1] - ctx.world.eco[b];
    expect(lossA).toBeCloseTo(ctx.params.s * 0.5, 12);
    expect(lossB).toBeCloseTo(lossA, 12);
    // relative losses: target/sender = eco_i / eco_j
    expect((lossB / before[1]) / (lossA / before[0])).toBeCloseTo(before[0] / before[1], 12);
    expect(ctx.world.trade[a * n + b]).toBeCloseTo(0.5 * (1 - ctx.params.sRed), 12);
    expect(ctx.world.trade[b * n + a]).toBe(ctx.world.trade[a * n + b]);
  });

  it('sanction losses count trade at most up to the smaller economy (model note N5)', () => {
    const ctx = perceivedContext(world(3)); // X_AB = 3 > eco_B = 1
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'SS', 'B');
    const b = ctx.index('B');
    economicPhase(ctx);
    expect(1 - ctx.world.eco[b]).toBeCloseTo(ctx.params.s * 1, 12);
  });

  it('E7: arming moves eco into mil without creating resources when k_conv ≤ 1', () => {
    const ctx = perceivedContext(world(0));
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'HI');
    const a = ctx.index('A');
    const [mil, eco] = [ctx.world.mil[a], ctx.world.eco[a]];
    economicPhase(ctx);
    expect(ctx.world.mil[a] - mil).toBeCloseTo(ctx.params.phiH * eco * ctx.params.kConv, 12);
    expect(eco - ctx.world.eco[a]).toBeCloseTo(ctx.params.phiH * eco, 12);
    expect(ctx.world.mil[a] + ctx.world.eco[a]).toBeLessThanOrEqual(mil + eco + 1e-12);
  });

  it('HE costs c_HE of the economy; BAND gains g_B·X_ij; NONE changes nothing', () => {
    const ctx = perceivedContext(world(0.5));
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'HE', 'C');
    setAction(ctx, 'B', 'BAND', 'A');
    const [a, b, c] = [ctx.index('A'), ctx.index('B'), ctx.index('C')];
    const eco = Array.from(ctx.world.eco);
    economicPhase(ctx);
    expect(eco[a] - ctx.world.eco[a]).toBeCloseTo(ctx.params.cHE * eco[a], 12);
    expect(ctx.world.eco[b] - eco[b]).toBeCloseTo(ctx.params.gB * 0.5, 12);
    expect(ctx.world.eco[c]).toBe(eco[c]);
  });

  it('deltas are read from the snapshot: two states sanctioning each other in either order give the same result', () => {
    const run = (first: 'A' | 'B'): number[] => {
      const ctx = perceivedContext(world(0.5));
      everyoneIdle(ctx);
      const second = first === 'A' ? 'B' : 'A';
      setAction(ctx, first, 'SS', second);
      setAction(ctx, second, 'SS', first);
      economicPhase(ctx);
      return [...ctx.world.eco, ...ctx.world.trade];
    };
    expect(run('A')).toEqual(run('B'));
  });

  it('capabilities never fall below the floor, however large the losses', () => {
    const ctx = perceivedContext(world(0.5));
    everyoneIdle(ctx);
    const b = ctx.index('B');
    ctx.world.growthEco[b] = -0.99999;
    for (let t = 0; t < 50; t++) economicPhase(ctx);
    expect(ctx.world.eco[b]).toBeGreaterThan(0);
    expect(ctx.world.eco[b]).toBe(ctx.world.floorEco);
  });
});
