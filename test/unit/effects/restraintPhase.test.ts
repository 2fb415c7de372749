import { describe, expect, it } from 'vitest';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import { aggressionPhase } from '../../../src/effects/aggressionPhase.js';
import { institutionalActsPhase } from '../../../src/institutions/institutionalActsPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { DRAW_AGGRESSION, DRAWS_PER_TICK } from '../../../src/random/StateStreams.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const world = (ideoA = 0.6): ScenarioInput => ({
  meta: { id: 'restraint', startYear: 1820 },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: ideoA, offensive: 0.9, revisionism: 0.8 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 }, domesticSupport: 0.9 },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 }, domesticSupport: 0.1 },
  ],
  dyads: [{ between: ['A', 'B'], trade: 0.2 }, { between: ['B', 'C'], entente: 0.5 }],
  institutions: [{ id: 'UN', members: ['A', 'B', 'C'], strength: 0.5 }],
  system: { lambda: 0.7, nu: 0.4, theta: 0.2, lastMajorWar: 1815 },
});

describe('restraintPhase (THEORY §5.6)', () => {
  it('E1: no pressure ⇒ R_j = 0; legitimacy denial produces pressure λ·w_i and R ∈ (0,1)', () => {
    const ctx = perceivedContext(world());
    everyoneIdle(ctx);
    restraintPhase(ctx);
    const a = ctx.index('A');
    expect(ctx.scratch.restraint[a]).toBe(0);
    setAction(ctx, 'B', 'SL', 'A');
    restraintPhase(ctx);
    const b = ctx.index('B');
    expect(ctx.scratch.press[a]).toBeCloseTo(ctx.params.wSL * 0.7 * ctx.scratch.cinc[b], 12);
    expect(ctx.scratch.restraint[a]).toBeGreaterThan(0);
    expect(ctx.scratch.restraint[a]).toBeLessThan(1);
    // leg_j −= α_L·λ·w_i·leg_j is queued for phase 7
    expect(ctx.scratch.denial[a]).toBeCloseTo(ctx.params.alphaL * 0.7 * ctx.scratch.cinc[b] * ctx.world.leg[a], 12);
  });

  it('entente partners pressing the same target earn the coordination bonus', () => {
    const ctx = perceivedContext(world());
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'SL', 'A');
    restraintPhase(ctx);
    const alone = ctx.scratch.pressureOut[ctx.index('B')];
    setAction(ctx, 'C', 'SL', 'A');
    restraintPhase(ctx);
    expect(ctx.scratch.pressureOut[ctx.index('B')]).toBeCloseTo(alone * (1 + ctx.params.epsCoord), 12);
  });

  it('Paul\'s seven conditions are each in [0,1]; c3 reflects the post-war clock; c7 is the pressure-weighted support', () => {
    const ctx = perceivedContext(world());
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'SL', 'A');
    restraintPhase(ctx);
    const c = Array.from(ctx.scratch.conditions);
    for (const v of c) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
    expect(c[1]).toBe(0.7);
    expect(c[2]).toBeCloseTo(Math.exp(-(1820 - 1815) / ctx.params.tauW), 12);
    expect(c[6]).toBeCloseTo(0.9, 12); // only B presses A
  });

  it('E3: restraint falls with the target\'s expansionist ideology', () => {
    const r = (ideo: number): number => {
      const ctx = perceivedContext(world(ideo));
      everyoneIdle(ctx);
      setAction(ctx, 'B', 'SL', 'A');
      restraintPhase(ctx);
      return ctx.scratch.restraint[ctx.index('A')];
    };
    expect(r(0.2)).toBeGreaterThan(r(0.6));
    expect(r(0.6)).toBeGreaterThan(r(0.95));
  });

  it('II pressure is s_q·voice_iq', () => {
    const ctx = perceivedContext(world());
    everyoneIdle(ctx);
    setAction(ctx, 'C', 'II', 'A');
    institutionalActsPhase(ctx);
    restraintPhase(ctx);
    const c = ctx.index('C');
    expect(ctx.scratch.pressureOut[c]).toBeCloseTo(ctx.params.wII * 0.5 * ctx.scratch.cinc[c] / 1, 12);
  });
});

describe('aggressionPhase (THEORY §5.6)', () => {
  it('E4: p_agg = rev·(1−ν)·(1−R)·leg^ℓ·S_jv decides aggression against the weakest nearby victim', () => {
    const ctx = perceivedContext(world());
    everyoneIdle(ctx);
    restraintPhase(ctx);
    const a = ctx.index('A');
    const b = ctx.index('B');
    const cinc = ctx.scratch.cinc;
    const S = cinc[a] / (cinc[a] + cinc[b]);
    const pAgg = 0.8 * (1 - 0.4) * 1 * ctx.world.leg[a] * S;
    ctx.scratch.draws[a * DRAWS_PER_TICK + DRAW_AGGRESSION] = pAgg - 1e-9;
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[a]).toBe(1);
    expect(ctx.scratch.victim[a]).toBe(b);
    ctx.scratch.draws[a * DRAWS_PER_TICK + DRAW_AGGRESSION] = pAgg + 1e-9;
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressed[a]).toBe(0);
  });

  it('states without revisionism never aggress', () => {
    const ctx = perceivedContext({ ...world(), states: world().states.map((s) => ({ ...s, revisionism: 0 })) });
    everyoneIdle(ctx);
    ctx.scratch.draws.fill(0);
    restraintPhase(ctx);
    aggressionPhase(ctx);
    expect(ctx.scratch.aggressions).toBe(0);
  });
});

describe('restraintPhase: E2 for tiny pressure (model note N27)', () => {
  it('R_j > 0 whenever k_R·Ω_j·(1 − ideo_j)·Press_j > 0, even below 1e-16 (−expm1, not 1 − exp)', () => {
    const ctx = perceivedContext({ ...world(), parameters: { kR: 1e-15 } });
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'SL', 'A');
    restraintPhase(ctx);
    const a = ctx.index('A');
    const x = ctx.params.kR * ctx.scratch.omega[a] * (1 - ctx.world.ideo[a]) * ctx.scratch.press[a];
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(1.1e-16);
    expect(ctx.scratch.restraint[a]).toBeGreaterThan(0);
    expect(ctx.scratch.restraint[a]).toBeCloseTo(x, 30);
  });
});
