import { describe, expect, it } from 'vitest';
import { alignmentPhase } from '../../../src/effects/alignmentPhase.js';
import { aggressionPhase } from '../../../src/effects/aggressionPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { DRAW_CONSENT, DRAWS_PER_TICK } from '../../../src/random/StateStreams.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

// A threatens everyone (ideology 0.9); B, C, D perceive it. D is allied with A.
const world: ScenarioInput = {
  meta: { id: 'align' },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 3, eco: 3, pop: 3 } },
  ],
  dyads: [{ between: ['A', 'D'], alliance: true }],
};

describe('alignmentPhase (THEORY §5.5 HE, SE)', () => {
  it('E10: an alliance formed by mutual choice is symmetric; the partner is the strongest threatened non-ally of the target', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'HE', 'A');
    setAction(ctx, 'C', 'HE', 'A');
    alignmentPhase(ctx);
    const n = ctx.world.n;
    const [b, c] = [ctx.index('B'), ctx.index('C')];
    // D is allied with A, so B's best partner is C (C's is B): both chose HE against A → alliance.
    expect(ctx.scratch.partner[b]).toBe(c);
    expect(ctx.world.ally[b * n + c]).toBe(1);
    expect(ctx.world.ally[c * n + b]).toBe(1);
    expect(ctx.scratch.alliancesFormed).toBe(1);
    expect(ctx.events).toEqual([{ tick: 0, type: 'alliance-formed', actor: 'B', partner: 'C', target: 'A' }]);
  });

  it('E10: without the partner\'s own HE, the alliance needs its consent (probability T_kj)', () => {
    for (const [u, formed] of [[0.999999, 0], [0, 1]] as const) {
      const ctx = perceivedContext(world);
      everyoneIdle(ctx);
      setAction(ctx, 'B', 'HE', 'A');
      const [b, c] = [ctx.index('B'), ctx.index('C')];
      ctx.scratch.draws[b * DRAWS_PER_TICK + DRAW_CONSENT] = u;
      alignmentPhase(ctx);
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(formed);
    }
  });

  it('E10: an entente raises ent symmetrically by ε_E and adds nothing to deterrent capability; an alliance does', () => {
    const deterrence = (option: 'SE' | 'HE'): { ent: number; cap: number } => {
      const ctx = perceivedContext({ ...world, states: world.states.map((s) => (s.id === 'A' ? { ...s, revisionism: 1 } : s)) });
      everyoneIdle(ctx);
      setAction(ctx, 'B', option, 'A');
      setAction(ctx, 'C', option, 'A');
      alignmentPhase(ctx);
      aggressionPhase(ctx);
      const [b, c] = [ctx.index('B'), ctx.index('C')];
      const n = ctx.world.n;
      expect(ctx.world.ent[b * n + c]).toBe(ctx.world.ent[c * n + b]);
      return { ent: ctx.world.ent[b * n + c], cap: ctx.scratch.allyCap[b] };
    };
    const se = deterrence('SE');
    const he = deterrence('HE');
    const ctx = perceivedContext(world);
    const b = ctx.index('B');
    expect(se.ent).toBeCloseTo(2 * ctx.params.epsE, 12); // both chose SE with each other
    expect(se.cap).toBeCloseTo(ctx.scratch.cinc[b], 12); // effCap_B = cinc_B: no allies
    expect(he.cap).toBeGreaterThan(se.cap);
  });
});
