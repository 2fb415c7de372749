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
