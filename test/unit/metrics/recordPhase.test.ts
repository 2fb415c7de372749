import { describe, expect, it } from 'vitest';
import { recordPhase } from '../../../src/metrics/recordPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const world: ScenarioInput = {
  meta: { id: 'episodes' },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
  ],
  dyads: [{ between: ['A', 'B'], trade: 0.3 }],
};

describe('recordPhase: soft-balancing episodes vs friction (THEORY §2.1)', () => {
  it('E12: a single SS or SL act is friction; k acts within the window against a threat make an episode', () => {
    const ctx = perceivedContext(world);
    const b = ctx.index('B');
    expect(ctx.scratch.tMain[b]).toBeGreaterThanOrEqual(ctx.params.tMin);
    const k = ctx.params.episodeK;
    for (let t = 0; t < k; t++) {
      ctx.tick = t;
      everyoneIdle(ctx);
      setAction(ctx, 'B', t % 2 === 0 ? 'SS' : 'SL', 'A');
      recordPhase(ctx);
      if (t < k - 1) {
        expect(ctx.scratch.softEpisodes).toBe(0);
        expect(ctx.scratch.friction).toBe(1);
      }
    }
    expect(ctx.scratch.softEpisodes).toBe(1);
    expect(ctx.scratch.friction).toBe(0);
    expect(ctx.events).toContainEqual({ tick: k - 1, type: 'episode-start', actor: 'B', target: 'A' });
  });

  it('E12: acts against a non-threat (T < T_min) are never soft balancing, however sustained', () => {
    const ctx = perceivedContext(world);
    const b = ctx.index('B');
    ctx.scratch.tMain[b] = ctx.params.tMin / 2;
    for (let t = 0; t < 10; t++) {
      ctx.tick = t;
      everyoneIdle(ctx);
      setAction(ctx, 'B', 'SL', 'A');
      recordPhase(ctx);
      expect(ctx.scratch.softEpisodes).toBe(0);
    }
  });

  it('counts memberships as inclusive or exclusive relative to each member\'s main threat', () => {
    const ctx = perceivedContext({ ...world, institutions: [{ id: 'ALL', members: ['A', 'B', 'C'] }, { id: 'BC', members: ['B', 'C'] }] });
    everyoneIdle(ctx);
    recordPhase(ctx);
    // A's main threat is B or C (inside both institutions it is in); B and C threatened by A.
    expect(ctx.scratch.inclusiveMemberships).toBe(3);
    expect(ctx.scratch.exclusiveMemberships).toBe(2);
  });
});

describe('recordPhase: dual track per great power and friction by family (model §5.9)', () => {
  // A is the only great power; B sits in ALL (with A) and in BC (without A).
  const dualWorld: ScenarioInput = {
    ...world,
    states: world.states.map((s) => (s.id === 'A' ? { ...s, major: true } : s)),
    institutions: [{ id: 'ALL', members: ['A', 'B', 'C'] }, { id: 'BC', members: ['B', 'C'] }],
  };
  const act = (ctx: ReturnType<typeof perceivedContext>, t: number, option: 'II' | 'IE' | 'SL' | 'NONE', venue: string | null): void => {
    ctx.tick = t;
    everyoneIdle(ctx);
    ctx.scratch.venueUsed.fill(-1);
    setAction(ctx, 'B', option, 'A');
    if (venue !== null) ctx.scratch.venueUsed[ctx.index('B')] = ctx.world.instIds.indexOf(venue);
    recordPhase(ctx);
  };

  it('a state is dual-track toward g once it balanced g through a venue with g and one without g in the window, and not after it', () => {
    const ctx = perceivedContext(dualWorld);
    const k = ctx.params.episodeK;
    const K = ctx.rates.episodeTicks;
    const pairB = ctx.index('B') * ctx.world.n + ctx.index('A');
    // k − 1 acts are friction (not yet sustained): no dual track, friction counted as institutional.
    for (let t = 0; t < k - 1; t++) {
      act(ctx, t, t % 2 === 0 ? 'IE' : 'II', t % 2 === 0 ? 'BC' : 'ALL');
      expect(ctx.scratch.frictionInstitutional).toBe(1);
      expect(ctx.scratch.frictionSoft).toBe(0);
      expect(ctx.scratch.dualTrackPairs).toBe(0);
    }
    act(ctx, k - 1, 'IE', 'BC');
    expect(ctx.scratch.frictionInstitutional).toBe(0);
    expect(ctx.scratch.dualTrackPairs).toBe(0); // only the exclusive track is balancing so far
    act(ctx, k, 'II', 'ALL');
    expect(ctx.scratch.dualTrackPairs).toBe(1);
    expect(ctx.scratch.dualPairs[0]).toBe(pairB);
    // Venues are held as indices into dualVenueIds (typed n×n arrays, no n×n array of strings).
    expect(ctx.scratch.dualInclVenue).toBeInstanceOf(Int32Array);
    expect(ctx.scratch.dualVenueIds[ctx.scratch.dualInclVenue[pairB]]).toBe('ALL');
    expect(ctx.scratch.dualVenueIds[ctx.scratch.dualExclVenue[pairB]]).toBe('BC');
    // Idle afterwards: the exclusive act (tick k − 1) leaves the window first.
    for (let t = k + 1; t < k - 1 + K; t++) { act(ctx, t, 'NONE', null); expect(ctx.scratch.dualTrackPairs).toBe(1); }
    act(ctx, k - 1 + K, 'NONE', null);
    expect(ctx.scratch.dualTrackPairs).toBe(0);
  });

  it('acts against a state that is not a great power, and soft acts, never make a dual track', () => {
    const ctx = perceivedContext({ ...dualWorld, states: world.states });
    for (let t = 0; t < 10; t++) act(ctx, t, t % 2 === 0 ? 'IE' : 'II', t % 2 === 0 ? 'BC' : 'ALL');
    expect(ctx.scratch.dualTrackPairs).toBe(0);
    const ctx2 = perceivedContext(dualWorld);
    for (let t = 0; t < 10; t++) act(ctx2, t, t % 2 === 0 ? 'IE' : 'SL', t % 2 === 0 ? 'BC' : null);
    expect(ctx2.scratch.dualTrackPairs).toBe(0);
    expect(ctx2.scratch.frictionSoft + ctx2.scratch.frictionInstitutional).toBe(ctx2.scratch.friction);
  });
});
