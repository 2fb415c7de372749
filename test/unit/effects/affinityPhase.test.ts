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

  describe('each kind of act, at its exact step (memory off: the half-life is 10⁹ years)', () => {
    const still = (): ReturnType<typeof perceivedContext> => {
      const ctx = perceivedContext(input(1, { affinityHalfLife: 1e9 }));
      everyoneIdle(ctx);
      ctx.scratch.venueUsed.fill(-1);
      ctx.scratch.partner.fill(-1);
      ctx.scratch.voteCount = 0;
      return ctx;
    };
    const up = (a: number, k = 1, g = 0.05): number => 1 - (1 - a) * (1 - g) ** k;
    const down = (a: number, k = 1, g = 0.1): number => -1 + (1 + a) * (1 - g) ** k;

    it('a tie in force pulls by γ_c·min(1, ally + ent)·(1 − a) per tick', () => {
      const ctx = still();
      const n = ctx.world.n;
      const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(ctx.index);
      const pull = ctx.rates.affinityPull;
      ctx.world.ally[c * n + d] = ctx.world.ally[d * n + c] = 1;
      ctx.world.ent[c * n + d] = ctx.world.ent[d * n + c] = 0.5; // ally + ent = 1.5: the tie counts 1
      ctx.world.ent[a * n + c] = ctx.world.ent[c * n + a] = 0.3;
      ctx.world.ent[b * n + d] = ctx.world.ent[d * n + b] = 1;
      affinityPhase(ctx);
      expect(at(ctx, 'C', 'D')).toBeCloseTo(-0.4 + pull * 1.4, 8);
      expect(at(ctx, 'D', 'C')).toBe(at(ctx, 'C', 'D'));
      expect(at(ctx, 'A', 'C')).toBeCloseTo(pull * 0.3, 8);
      expect(at(ctx, 'B', 'D')).toBeCloseTo(pull, 8);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(0.8, 8); // no tie, at its seed
    });

    it('II in a venue is cooperation with the target, IE in a venue conflict; without a venue neither moves', () => {
      const ctx = still();
      setAction(ctx, 'A', 'II', 'B');
      ctx.scratch.venueUsed[ctx.index('A')] = 0; // the first institution slot is a venue too
      setAction(ctx, 'C', 'IE', 'D');
      ctx.scratch.venueUsed[ctx.index('C')] = 0;
      affinityPhase(ctx);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(up(0.8, 1, ctx.params.affinityCoop), 8);
      expect(at(ctx, 'C', 'D')).toBeCloseTo(down(-0.4, 1, ctx.params.affinityConflict), 8);
      const none = still();
      setAction(none, 'A', 'II', 'B');
      setAction(none, 'C', 'IE', 'D');
      affinityPhase(none);
      expect(at(none, 'A', 'B')).toBeCloseTo(0.8, 8);
      expect(at(none, 'C', 'D')).toBeCloseTo(-0.4, 8);
    });

    it('HE: cooperation with the partner, conflict with the target; acts of a later state on an earlier one count too', () => {
      const ctx = still();
      setAction(ctx, 'D', 'HE', 'A'); // D (index 3) against A (index 0), with C as partner
      ctx.scratch.partner[ctx.index('D')] = ctx.index('C');
      setAction(ctx, 'B', 'HE', 'A'); // B takes C as partner against A
      ctx.scratch.partner[ctx.index('B')] = ctx.index('C');
      setAction(ctx, 'C', 'SE', 'A'); // and C takes B: a second cooperative act on B–C
      ctx.scratch.partner[ctx.index('C')] = ctx.index('B');
      affinityPhase(ctx);
      const [gc, gx] = [ctx.params.affinityCoop, ctx.params.affinityConflict];
      expect(at(ctx, 'C', 'D')).toBeCloseTo(up(-0.4, 1, gc), 8);
      expect(at(ctx, 'D', 'C')).toBe(at(ctx, 'C', 'D'));
      expect(at(ctx, 'A', 'D')).toBeCloseTo(down(0, 1, gx), 8);
      expect(at(ctx, 'B', 'C')).toBeCloseTo(up(0, 2, gc), 8);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(down(0.8, 1, gx), 8);
      expect(at(ctx, 'A', 'C')).toBeCloseTo(down(0, 1, gx), 8);
    });

    it('two conflictual acts on one pair take two steps; an act without a target, or against itself, none', () => {
      const ctx = still();
      setAction(ctx, 'A', 'SS', 'B');
      setAction(ctx, 'B', 'SL', 'A');
      setAction(ctx, 'C', 'SS');
      ctx.scratch.target[ctx.index('C')] = -1;
      setAction(ctx, 'D', 'SL', 'D');
      affinityPhase(ctx);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(down(0.8, 2, ctx.params.affinityConflict), 8);
      expect(at(ctx, 'C', 'D')).toBeCloseTo(-0.4, 8);
    });

    it('an aggression is conflict with its victim; a block of an accession, with the candidate; a vote that does not block, nothing', () => {
      const ctx = still();
      const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(ctx.index);
      ctx.scratch.aggressed[d] = 1;
      ctx.scratch.victim[d] = b;
      ctx.scratch.voteCount = 2;
      ctx.scratch.voteVoter[0] = c; ctx.scratch.voteCandidate[0] = a; ctx.scratch.voteBlock[0] = 1;
      ctx.scratch.voteVoter[1] = a; ctx.scratch.voteCandidate[1] = b; ctx.scratch.voteBlock[1] = 0;
      affinityPhase(ctx);
      const gx = ctx.params.affinityConflict;
      expect(at(ctx, 'B', 'D')).toBeCloseTo(down(0, 1, gx), 8);
      expect(at(ctx, 'A', 'C')).toBeCloseTo(down(0, 1, gx), 8);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(0.8, 8);
    });

    it('a pair\'s acts are gathered even when other pairs\' acts come between them: cooperation first (S1)', () => {
      const ctx = still();
      setAction(ctx, 'A', 'SS', 'C'); // conflict on A–C, listed first
      setAction(ctx, 'B', 'SS', 'D'); // another pair in between
      setAction(ctx, 'C', 'II', 'A'); // cooperation on A–C, listed last
      ctx.scratch.venueUsed[ctx.index('C')] = 1;
      affinityPhase(ctx);
      const [gc, gx] = [ctx.params.affinityCoop, ctx.params.affinityConflict];
      expect(at(ctx, 'A', 'C')).toBeCloseTo(down(up(0, 1, gc), 1, gx), 12);
      expect(at(ctx, 'B', 'D')).toBeCloseTo(down(0, 1, gx), 8);
    });

    it('memory moves a displaced affinity by the factor 2^(−Δt/H) toward its seed in one tick (an odd number of steps)', () => {
      const ctx = perceivedContext(input(1, { affinityHalfLife: 2 }));
      everyoneIdle(ctx);
      set(ctx, 'A', 'B', 0);
      affinityPhase(ctx);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(0.8 - 0.8 * 2 ** -0.5, 12);
    });

    it('a pair\'s acts from both sides are one pair: cooperation first, whichever side acts (S1)', () => {
      const ctx = still();
      setAction(ctx, 'C', 'SS', 'A'); // conflict on A–C from C's side
      setAction(ctx, 'A', 'II', 'C'); // cooperation on A–C from A's side
      ctx.scratch.venueUsed[ctx.index('A')] = 1;
      affinityPhase(ctx);
      const [gc, gx] = [ctx.params.affinityCoop, ctx.params.affinityConflict];
      expect(at(ctx, 'A', 'C')).toBeCloseTo(down(up(0, 1, gc), 1, gx), 12);
      expect(at(ctx, 'C', 'A')).toBe(at(ctx, 'A', 'C'));
    });

    it('only this tick\'s votes count: a stale block past voteCount is ignored', () => {
      const ctx = still();
      const [a, b, c] = ['A', 'B', 'C'].map(ctx.index);
      ctx.scratch.voteCount = 1;
      ctx.scratch.voteVoter[0] = a; ctx.scratch.voteCandidate[0] = b; ctx.scratch.voteBlock[0] = 0;
      ctx.scratch.voteVoter[1] = c; ctx.scratch.voteCandidate[1] = a; ctx.scratch.voteBlock[1] = 1; // left from an earlier tick
      affinityPhase(ctx);
      expect(at(ctx, 'A', 'C')).toBeCloseTo(0, 8);
      expect(at(ctx, 'A', 'B')).toBeCloseTo(0.8, 8);
    });
  });
});

