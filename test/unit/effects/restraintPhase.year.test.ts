import { describe, expect, it } from 'vitest';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

// Time in years (model note N28) in the restraint phase: at ticksPerYear > 1 an act's pressure stays
// in force for a year (Press_j sums the last ticksPerYear ticks: the pressure ring), and an entente
// partner counts toward the coordination bonus when its last act, within the last year, was against
// the same target. Four states at four ticks a year; B and C have an entente only where a test says so.
const world = (entente: number | null): ScenarioInput => ({
  meta: { id: 'restraint-year', startYear: 1820, ticksPerYear: 4 },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.3 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 }, domesticSupport: 0.9 },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 }, domesticSupport: 0.2 },
    { id: 'D', capabilities: { mil: 3, eco: 3, pop: 3 }, ideology: 0.2 },
  ],
  dyads: entente === null ? [] : [{ between: ['B', 'C'], entente }],
  system: { lambda: 0.7 },
});

type Ctx = ReturnType<typeof perceivedContext>;

/** Runs the restraint phase at tick t with the given acts (actor → target of a legitimacy denial). */
function runAt(ctx: Ctx, t: number, acts: Record<string, string>): void {
  ctx.tick = t;
  everyoneIdle(ctx);
  for (const [actor, target] of Object.entries(acts)) setAction(ctx, actor, 'SL', target);
  restraintPhase(ctx);
}

describe('restraintPhase at four ticks a year (model note N28)', () => {
  it('Press_j and its domestic-support sum cover the acts of the last four ticks, target by target', () => {
    const ctx = perceivedContext(world(null));
    expect(ctx.rates.pressureTicks).toBe(4);
    const { scratch: s, params: p } = ctx;
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(ctx.index);
    const dom = [0.5, 0.9, 0.2, 0.5]; // the default domestic support is 0.5
    const pi = (i: number): number => p.wSL * 0.7 * s.cinc[i]; // π_SL = λ·w_i, no entente: no bonus
    // tick: the acts, then the expected Press and Σ π·dom toward A and toward D
    const plan: [Record<string, string>, number, number, number, number][] = [
      [{ B: 'A' }, pi(b), pi(b) * dom[b], 0, 0],
      [{ C: 'A', B: 'D' }, pi(b) + pi(c), pi(b) * dom[b] + pi(c) * dom[c], pi(b), pi(b) * dom[b]],
      [{}, pi(b) + pi(c), pi(b) * dom[b] + pi(c) * dom[c], pi(b), pi(b) * dom[b]],
      [{ C: 'D' }, pi(b) + pi(c), pi(b) * dom[b] + pi(c) * dom[c], pi(b) + pi(c), pi(b) * dom[b] + pi(c) * dom[c]],
      [{}, pi(c), pi(c) * dom[c], pi(b) + pi(c), pi(b) * dom[b] + pi(c) * dom[c]], // B's act of tick 0 is a year old
      [{}, 0, 0, pi(c), pi(c) * dom[c]], // C's of tick 1 and B's of tick 1 too
      [{}, 0, 0, pi(c), pi(c) * dom[c]],
      [{}, 0, 0, 0, 0],
    ];
    plan.forEach(([acts, toA, domA, toD, domD], t) => {
      runAt(ctx, t, acts);
      expect(s.press[a], `Press_A at tick ${t}`).toBeCloseTo(toA, 14);
      expect(s.pressDom[a], `Σπ·dom toward A at tick ${t}`).toBeCloseTo(domA, 14);
      expect(s.press[d], `Press_D at tick ${t}`).toBeCloseTo(toD, 14);
      expect(s.pressDom[d], `Σπ·dom toward D at tick ${t}`).toBeCloseTo(domD, 14);
      expect(s.press[b] + s.press[c], `no pressure on B or C at tick ${t}`).toBe(0);
      // R_j follows the summed pressure: 0 exactly when nothing is in force
      expect(s.restraint[a] > 0, `R_A at tick ${t}`).toBe(toA > 0);
    });
  });

  it('an entente partner counts when its last act against the same target is less than a year old', () => {
    const entMin = 0.1;
    const bonus = (cAt: number, bTarget: string): number => {
      const ctx = perceivedContext(world(0.5));
      expect(ctx.params.entMin).toBe(entMin);
      runAt(ctx, 0, { B: bTarget });
      for (let t = 1; t < cAt; t++) runAt(ctx, t, {});
      runAt(ctx, cAt, { C: 'A' });
      const c = ctx.index('C');
      return ctx.scratch.pressureOut[c] / (ctx.params.wSL * 0.7 * ctx.scratch.cinc[c]);
    };
    const eps = perceivedContext(world(0.5)).params.epsCoord;
    expect(eps).toBeGreaterThan(0);
    expect(bonus(3, 'A')).toBeCloseTo(1 + eps, 14); // B pressed A three ticks ago: within the year
    expect(bonus(4, 'A')).toBeCloseTo(1, 14); // four ticks ago: a year old, no longer counts
    expect(bonus(1, 'D')).toBeCloseTo(1, 14); // B's last act was against another target
  });

  it('an entente exactly at entMin makes partners; one just below does not', () => {
    const at = (value: number): number => {
      const ctx = perceivedContext(world(0.5));
      const { world: w, scratch: s, params: p } = ctx;
      const [b, c] = ['B', 'C'].map(ctx.index);
      w.ent[b * w.n + c] = value;
      w.ent[c * w.n + b] = value;
      expect(w.entPairs).toHaveLength(1);
      expect(s.entPartners[b]).toBe(1); // as the update phase counted them (0.5 ≥ entMin)
      runAt(ctx, 0, { B: 'A', C: 'A' });
      return s.pressureOut[c] / (p.wSL * 0.7 * s.cinc[c]);
    };
    const ctx = perceivedContext(world(0.5));
    expect(at(ctx.params.entMin)).toBeCloseTo(1 + ctx.params.epsCoord, 14);
    expect(at(ctx.params.entMin * (1 - 2 ** -40))).toBeCloseTo(1, 14);
  });

  it('the partner lists are rebuilt every tick from the entente pairs: one formed after the start counts, one below entMin does not', () => {
    const ctx = perceivedContext(world(null)); // no entente at the start
    const { world: w, scratch: s, params: p } = ctx;
    const n = w.n;
    const [b, c, d] = ['B', 'C', 'D'].map(ctx.index);
    const form = (i: number, j: number, value: number): void => {
      w.ent[i * n + j] = value;
      w.ent[j * n + i] = value;
      w.entPairs.push(Math.min(i, j) * n + Math.max(i, j));
      if (value >= p.entMin) { s.entPartners[i]++; s.entPartners[j]++; }
    };
    form(b, c, 0.5); // B and C: partners
    form(b, d, p.entMin / 2); // B and D: an entente too weak to make partners
    runAt(ctx, 0, { B: 'A', C: 'A', D: 'A' });
    const factor = (i: number): number => s.pressureOut[i] / (p.wSL * 0.7 * s.cinc[i]);
    expect(factor(b)).toBeCloseTo(1 + p.epsCoord, 14); // C only, not D
    expect(factor(c)).toBeCloseTo(1 + p.epsCoord, 14);
    expect(factor(d)).toBeCloseTo(1, 14);
  });
});
