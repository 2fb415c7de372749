import { describe, expect, it } from 'vitest';
import { applySanction, economicPhase } from '../../../src/effects/economicPhase.js';
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

describe('economicPhase: growth, bounding and the sanction world change', () => {
  it('adds each state\'s growth of mil, eco and pop, proportional to the component, with the acts\' deltas', () => {
    const ctx = perceivedContext(world(0.5));
    everyoneIdle(ctx);
    const { world: w } = ctx;
    const [a, b, c] = ['A', 'B', 'C'].map(ctx.index);
    w.growthMil[a] = 0.1; w.growthEco[b] = 0.2; w.growthPop[c] = -0.5; w.growthEco[a] = 0.05;
    setAction(ctx, 'A', 'HI');
    economicPhase(ctx);
    const p = ctx.params;
    expect(w.mil[a]).toBeCloseTo(2 * 1.1 + p.phiH * 4 * p.kConv, 14);
    expect(w.eco[a]).toBeCloseTo(4 * 1.05 - p.phiH * 4, 14);
    expect(w.pop[a]).toBe(1);
    expect(w.eco[b]).toBeCloseTo(1.2, 14);
    expect(w.mil[b]).toBe(1);
    expect(w.pop[c]).toBeCloseTo(0.5, 14);
    expect(w.eco[c]).toBe(2);
  });

  it('keeps capabilities bounded: past the bound every component is rescaled by the same power of two, whichever holds the largest', () => {
    for (const component of ['mil', 'eco', 'pop'] as const) {
      const ctx = perceivedContext(world(0.5));
      everyoneIdle(ctx);
      const { world: w } = ctx;
      const c = ctx.index('C');
      w[component][c] = 2 ** 140; // beyond the bound, in one component of one state only
      const shares = (key: 'mil' | 'eco' | 'pop'): number[] => {
        const total = Array.from(w[key]).reduce((s, x) => s + x, 0);
        return Array.from(w[key]).map((x) => x / total);
      };
      const before = shares(component);
      economicPhase(ctx);
      expect(w.capabilityExponent, component).toBeGreaterThan(100);
      expect(w[component][c]).toBeLessThan(2 ** 10);
      expect(shares(component)).toEqual(before);
    }
    const still = perceivedContext(world(0.5));
    everyoneIdle(still);
    economicPhase(still);
    expect(still.world.capabilityExponent === 0).toBe(true); // unchanged from the start (±0)
  });

  it('applySanction (the sanction world change) does to the pair what the phase does for one SS act', () => {
    const viaPhase = perceivedContext(world(0.5));
    everyoneIdle(viaPhase);
    setAction(viaPhase, 'A', 'SS', 'B');
    economicPhase(viaPhase);
    const direct = perceivedContext(world(0.5));
    const [a, b] = [direct.index('A'), direct.index('B')];
    applySanction(direct.world, direct.params, a, b);
    expect(Array.from(direct.world.eco)).toEqual(Array.from(viaPhase.world.eco));
    expect(Array.from(direct.world.trade)).toEqual(Array.from(viaPhase.world.trade));
    expect(direct.world.eco[a]).toBeCloseTo(4 - direct.params.s * 0.5, 14);
    // large trade: the loss counts trade up to the smaller economy, and eco stays above its floor
    const heavy = perceivedContext({ ...world(3), parameters: { s: 1 } });
    const [ha, hb] = [heavy.index('A'), heavy.index('B')];
    applySanction(heavy.world, heavy.params, ha, hb);
    expect(heavy.world.eco[ha]).toBeCloseTo(3, 14);
    expect(heavy.world.eco[hb]).toBe(heavy.world.floorEco);
    expect(heavy.world.trade[hb * heavy.world.n + ha]).toBeCloseTo(3 * (1 - heavy.params.sRed), 14);
  });

  it('mil and pop never fall below their floors either (shrinking growth)', () => {
    const ctx = perceivedContext(world(0.5));
    everyoneIdle(ctx);
    const { world: w } = ctx;
    const c = ctx.index('C');
    w.growthMil[c] = -1 + 1e-15;
    w.growthPop[c] = -1 + 1e-15;
    economicPhase(ctx);
    expect(w.mil[c]).toBe(w.floorMil);
    expect(w.pop[c]).toBe(w.floorPop);
    expect(w.floorMil).toBeGreaterThan(1e-15);
    expect(w.floorPop).toBeGreaterThan(1e-15);
  });

  it('the same arithmetic from every actor index: growth ∝ the component, k_conv, BAND and sanctions sent by a later state', () => {
    const ctx = perceivedContext({ ...world(0.5), parameters: { kConv: 0.5 } });
    everyoneIdle(ctx);
    const { world: w, params: p } = ctx;
    const n = w.n;
    const [a, b, c] = ['A', 'B', 'C'].map(ctx.index);
    w.pop[c] = 4; w.growthPop[c] = -0.5;
    w.trade[a * n + c] = w.trade[c * n + a] = 0.6; w.tradeBase[a * n + c] = w.tradeBase[c * n + a] = 0.6;
    setAction(ctx, 'A', 'BAND', 'B'); // A (index 0) bandwagons with B
    setAction(ctx, 'C', 'SS', 'A'); // C (index 2) sanctions A
    setAction(ctx, 'B', 'HI'); // B arms at k_conv = 0.5
    economicPhase(ctx);
    expect(w.pop[c]).toBeCloseTo(2, 14);
    expect(w.mil[b]).toBeCloseTo(1 + p.phiH * 1 * 0.5, 14);
    expect(w.eco[b]).toBeCloseTo(1 - p.phiH, 14);
    expect(w.eco[a]).toBeCloseTo(4 + p.gB * 0.5 - p.s * 0.6, 14);
    expect(w.eco[c]).toBeCloseTo(2 - p.s * 0.6, 14);
    expect(w.trade[c * n + a]).toBeCloseTo(0.6 * (1 - p.sRed), 14);
    expect(w.trade[a * n + c]).toBe(w.trade[c * n + a]);
    expect(w.trade[a * n + b]).toBe(0.5);
  });

  it('bounding finds the largest component wherever it is (here the first state\'s mil)', () => {
    const ctx = perceivedContext(world(0.5));
    everyoneIdle(ctx);
    const { world: w } = ctx;
    w.mil[ctx.index('A')] = 2 ** 140;
    economicPhase(ctx);
    expect(w.capabilityExponent).toBeGreaterThan(100);
    expect(w.mil[ctx.index('A')]).toBeLessThan(2 ** 10);
  });
});

