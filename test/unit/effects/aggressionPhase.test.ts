import { describe, expect, it } from 'vitest';
import { aggressionPhase } from '../../../src/effects/aggressionPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { DRAWS_PER_TICK, DRAW_AGGRESSION } from '../../../src/random/StateStreams.js';
import { perceivedContext } from '../../support/tickContext.js';

// R is the revisionist; V1 is next door, V2 further, F far away; R and V1 are great powers.
// Canonical order is by id: F, R, V1, V2.
const world: ScenarioInput = {
  meta: { id: 'aggression' },
  states: [
    { id: 'R', capabilities: { mil: 4, eco: 4, pop: 4 }, revisionism: 0.8, legitimacy: 0.6, major: true, location: { lat: 50, lon: 10 } },
    { id: 'V1', capabilities: { mil: 2, eco: 2, pop: 2 }, major: true, location: { lat: 50, lon: 13 } },
    { id: 'V2', capabilities: { mil: 1, eco: 1, pop: 1 }, location: { lat: 50, lon: 30 } },
    { id: 'F', capabilities: { mil: 6, eco: 6, pop: 6 }, location: { lat: -30, lon: 150 } },
  ],
};

type Ctx = ReturnType<typeof perceivedContext>;

/** THEORY §5.6 written out independently: victim argmax G·S (first on ties), and p_agg. */
function expected(ctx: Ctx, j: number): { victim: number; pAgg: number; S: number } {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const eff = (v: number): number => s.cinc[v] + p.chi * w.allies[v].reduce((t, k) => t + s.cinc[k], 0);
  let victim = -1;
  let best = -Infinity;
  let S = 0;
  for (let v = 0; v < n; v++) {
    if (v === j) continue;
    const Sv = s.cinc[j] / (s.cinc[j] + eff(v));
    if (w.proximity[j * n + v] * Sv > best) { best = w.proximity[j * n + v] * Sv; victim = v; S = Sv; }
  }
  const pAgg = w.rev[j] * (1 - w.nu) * (1 - s.restraint[j]) * w.leg[j] ** p.ell * S * ctx.rates.actScale;
  return { victim, pAgg, S };
}

const drawOf = (ctx: Ctx, j: number, u: number): void => { ctx.scratch.draws[j * DRAWS_PER_TICK + DRAW_AGGRESSION] = u; };

describe('aggressionPhase (THEORY §5.6)', () => {
  it('a revisionist aggresses exactly when its draw is below p_agg = rev·(1 − ν)·(1 − R)·leg^ℓ·S, against argmax G·S', () => {
    const ctx = perceivedContext(world);
    const r = ctx.index('R');
    ctx.scratch.restraint[r] = 0.3;
    const e = expected(ctx, r);
    expect(e.victim).toBe(ctx.index('V1'));
    expect(e.pAgg).toBeGreaterThan(0.05);
    expect(e.pAgg).toBeCloseTo(0.8 * (1 - ctx.world.nu) * 0.7 * 0.6 ** ctx.params.ell * e.S, 14);
    drawOf(ctx, r, e.pAgg * (1 - 1e-9));
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(1);
    expect(ctx.scratch.victim[r]).toBe(ctx.index('V1'));
    expect(ctx.scratch.aggressions).toBe(1);
    expect(ctx.scratch.majorWars).toBe(1); // R and V1 are both great powers
    expect(ctx.events).toEqual([{ tick: 0, type: 'aggression', actor: 'R', target: 'V1', majorWar: true }]);
    // the draw just above p_agg: no aggression, and the counters and flags of the last tick are cleared
    drawOf(ctx, r, e.pAgg * (1 + 1e-9));
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(0);
    expect(ctx.scratch.victim[r]).toBe(-1);
    expect(ctx.scratch.aggressions).toBe(0);
    expect(ctx.scratch.majorWars).toBe(0);
    expect(ctx.events).toHaveLength(1);
  });

  it('allies deter: the victim\'s effective capability adds χ times its allies\' shares, which moves the choice to V2', () => {
    const ctx = perceivedContext(world);
    const [r, v1, v2, f] = ['R', 'V1', 'V2', 'F'].map(ctx.index);
    ctx.world.allies[v1] = [f]; // V1 allied with the distant F: S_R,V1 falls
    const e = expected(ctx, r);
    expect(e.victim).toBe(v2);
    expect(e.S).toBeCloseTo(ctx.scratch.cinc[r] / (ctx.scratch.cinc[r] + ctx.scratch.cinc[v2]), 14);
    drawOf(ctx, r, 0);
    aggressionPhase(ctx);
    expect(ctx.scratch.victim[r]).toBe(v2);
    expect(ctx.scratch.allyCap[v1]).toBeCloseTo(ctx.scratch.cinc[v1] + ctx.params.chi * ctx.scratch.cinc[f], 14);
    expect(ctx.scratch.allyCap[v2]).toBe(ctx.scratch.cinc[v2]);
    expect(ctx.scratch.majorWars).toBe(0); // V2 is not a great power
    expect(ctx.events?.at(-1)).toEqual({ tick: 0, type: 'aggression', actor: 'R', target: 'V2', majorWar: false });
    // with χ = 0 allies do not count and V1 is the victim again
    const noChi = perceivedContext({ ...world, parameters: { chi: 0 } });
    noChi.world.allies[v1] = [f];
    drawOf(noChi, r, 0);
    aggressionPhase(noChi);
    expect(noChi.scratch.victim[r]).toBe(v1);
  });

  it('sums every ally of the victim, and ties go to the first victim in canonical order', () => {
    const ctx = perceivedContext(world);
    const [r, v1, v2, f] = ['R', 'V1', 'V2', 'F'].map(ctx.index);
    ctx.world.allies[v1] = [v2, f];
    drawOf(ctx, r, 0);
    aggressionPhase(ctx);
    expect(ctx.scratch.allyCap[v1]).toBeCloseTo(ctx.scratch.cinc[v1] + ctx.params.chi * (ctx.scratch.cinc[v2] + ctx.scratch.cinc[f]), 14);
    // equal proximity and capabilities: V1 and V2 tie, V1 comes first
    const tie = perceivedContext(world);
    const n = tie.world.n;
    tie.world.proximity[r * n + v2] = tie.world.proximity[r * n + v1];
    tie.scratch.cinc[v2] = tie.scratch.cinc[v1];
    drawOf(tie, r, 0);
    aggressionPhase(tie);
    expect(tie.scratch.victim[r]).toBe(v1);
  });

  it('with several ticks per year a tick takes 1/ticksPerYear of p_agg (N28)', () => {
    const ctx = perceivedContext(world);
    const r = ctx.index('R');
    const yearly = expected(ctx, r).pAgg;
    ctx.rates.actScale = 0.25;
    drawOf(ctx, r, 0.3 * yearly); // below p_agg per year, above a quarter of it
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(0);
    drawOf(ctx, r, 0.2 * yearly);
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(1);
  });

  it('legitimacy enters as leg^ℓ, restraint as (1 − R), the norm as (1 − ν)', () => {
    const ctx = perceivedContext({ ...world, parameters: { ell: 2 } });
    const r = ctx.index('R');
    const e = expected(ctx, r);
    expect(e.pAgg).toBeCloseTo(0.8 * (1 - ctx.world.nu) * 0.36 * e.S, 14);
    drawOf(ctx, r, 0.8 * (1 - ctx.world.nu) * 0.6 * e.S * 0.99); // below rev·(1−ν)·leg·S, above rev·(1−ν)·leg²·S
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(0);
    ctx.scratch.restraint[r] = 1;
    drawOf(ctx, r, 0);
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(0); // fully restrained: p_agg = 0 and u = 0 is not below it
    ctx.scratch.restraint[r] = 0;
    ctx.world.nu = 1;
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(0);
  });

  it('states without revisionism never aggress, whatever their draw; the phase still clears the last tick', () => {
    const ctx = perceivedContext({ ...world, states: world.states.map((s) => ({ ...s, revisionism: 0 })) });
    ctx.scratch.draws.fill(0);
    ctx.scratch.aggressed.fill(1);
    ctx.scratch.victim.fill(2);
    ctx.scratch.aggressions = 3;
    ctx.scratch.majorWars = 2;
    aggressionPhase(ctx);
    expect(Array.from(ctx.scratch.aggressed)).toEqual([0, 0, 0, 0]);
    expect(Array.from(ctx.scratch.victim)).toEqual([-1, -1, -1, -1]);
    expect(ctx.scratch.aggressions).toBe(0);
    expect(ctx.scratch.majorWars).toBe(0);
    // one revisionist among them: only it can aggress, the others' zero draws notwithstanding
    const one = perceivedContext(world);
    one.scratch.draws.fill(0);
    aggressionPhase(one);
    expect(Array.from(one.scratch.aggressed)).toEqual(['F', 'R', 'V1', 'V2'].map((id) => (id === 'R' ? 1 : 0)));
    expect(one.world.ids).toEqual(['F', 'R', 'V1', 'V2']);
  });
  it('a revisionist never picks itself: with every proximity 0 the victim is the first other state', () => {
    // A (index 0) is the revisionist; G = 0 for every pair of states, so every score is 0 and the tie goes to B.
    const ctx = perceivedContext({
      meta: { id: 'no-locations' },
      states: [
        { id: 'A', capabilities: { mil: 4, eco: 4, pop: 4 }, revisionism: 0.8 },
        { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
        { id: 'C', capabilities: { mil: 1, eco: 1, pop: 1 } },
      ],
    });
    const [a, b] = [ctx.index('A'), ctx.index('B')];
    expect(a).toBe(0);
    const n = ctx.world.n;
    for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (x !== y) ctx.world.proximity[x * n + y] = 0;
    drawOf(ctx, a, 0);
    aggressionPhase(ctx);
    expect(ctx.scratch.victim[a]).toBe(b);
    expect(ctx.events).toEqual([{ tick: 0, type: 'aggression', actor: 'A', target: 'B', majorWar: false }]);
  });

  it('a major war needs both to be great powers: a minor aggressor against a great power is not one', () => {
    const minor = perceivedContext({ ...world, states: world.states.map((s) => (s.id === 'R' ? { ...s, major: false } : s)) });
    const r = minor.index('R');
    drawOf(minor, r, 0);
    aggressionPhase(minor);
    expect(minor.scratch.victim[r]).toBe(minor.index('V1')); // a great power
    expect(minor.scratch.majorWars).toBe(0);
    expect(minor.events).toEqual([{ tick: 0, type: 'aggression', actor: 'R', target: 'V1', majorWar: false }]);
  });

  it('aggresses without collecting events when the run collects none', () => {
    const ctx = perceivedContext(world);
    const r = ctx.index('R');
    ctx.events = null;
    drawOf(ctx, r, 0);
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[r]).toBe(1);
    expect(ctx.scratch.majorWars).toBe(1);
  });
  it('when every state is revisionist, each can aggress', () => {
    const ctx = perceivedContext({ ...world, states: world.states.map((s) => ({ ...s, revisionism: 0.8 })) });
    ctx.scratch.draws.fill(0);
    aggressionPhase(ctx);
    expect(Array.from(ctx.scratch.aggressed)).toEqual([1, 1, 1, 1]);
    expect(ctx.scratch.aggressions).toBe(4);
  });
});
