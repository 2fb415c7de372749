import { describe, expect, it } from 'vitest';
import { institutionalActsPhase } from '../../../src/institutions/institutionalActsPhase.js';
import { institutionUpdatePhase } from '../../../src/institutions/institutionUpdatePhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { DRAW_JOIN, DRAWS_PER_TICK } from '../../../src/random/StateStreams.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const world: ScenarioInput = {
  meta: { id: 'inst' },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 3, eco: 3, pop: 3 } },
  ],
  institutions: [{ id: 'UN', members: ['A', 'B', 'C', 'D'], strength: 0.6 }],
};

function members(ctx: ReturnType<typeof perceivedContext>, q: number): string[] {
  return ctx.world.ids.filter((_, i) => ctx.world.member[q * ctx.world.n + i] === 1);
}

describe('institutionalActsPhase (THEORY §5.5 II, IE)', () => {
  it('E9: II uses the shared institution and never changes its membership', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'II', 'A');
    institutionalActsPhase(ctx);
    expect(ctx.scratch.venueUsed[ctx.index('B')]).toBe(0);
    expect(ctx.scratch.instActs[0]).toBe(1);
    expect(members(ctx, 0)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('E9: IE with no exclusive venue founds one club per target with the founders and accepting invitees, never the target', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'IE', 'A');
    setAction(ctx, 'C', 'IE', 'A');
    // D is invited (T_DA ≥ τ_join) and accepts (draw 0 < T_DA).
    ctx.scratch.draws[ctx.index('D') * DRAWS_PER_TICK + DRAW_JOIN] = 0;
    ctx.scratch.draws[ctx.index('A') * DRAWS_PER_TICK + DRAW_JOIN] = 0;
    institutionalActsPhase(ctx);
    expect(ctx.scratch.clubsFounded).toBe(1);
    const q = ctx.scratch.venueUsed[ctx.index('B')];
    expect(q).toBe(ctx.scratch.venueUsed[ctx.index('C')]);
    expect(members(ctx, q)).toEqual(['B', 'C', 'D']);
    expect(ctx.world.instAgainst[q]).toBe(ctx.index('A'));
    expect(ctx.world.instStrength[q]).toBe(ctx.params.sNew);
    expect(ctx.scratch.instActs[q]).toBe(2);
    expect(ctx.events).toContainEqual({ tick: 0, type: 'club-founded', institution: 'club:A:0', target: 'A', members: ['B', 'C', 'D'] });
    // Dual track (E9): B is now in an institution that includes A (UN) and one that excludes it.
    expect(ctx.world.member[0 * ctx.world.n + ctx.index('B')]).toBe(1);
  });

  it('a lone founder whom nobody joins founds nothing', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'IE', 'A');
    for (let k = 0; k < ctx.world.n; k++) ctx.scratch.draws[k * DRAWS_PER_TICK + DRAW_JOIN] = 0.999999;
    institutionalActsPhase(ctx);
    expect(ctx.scratch.clubsFounded).toBe(0);
    expect(ctx.scratch.venueUsed[ctx.index('B')]).toBe(-1);
  });
});

describe('institutionUpdatePhase (THEORY §5.7)', () => {
  it('strength grows with use and relaxes toward the baseline; an unused club dissolves', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'IE', 'A');
    setAction(ctx, 'C', 'IE', 'A');
    institutionalActsPhase(ctx);
    const q = ctx.scratch.venueUsed[ctx.index('B')];
    institutionUpdatePhase(ctx);
    const p = ctx.params;
    expect(ctx.world.instStrength[q]).toBeCloseTo(p.sNew + p.deltaS * (0 - p.sNew) + p.epsDyn * 2, 12);
    expect(ctx.world.instStrength[0]).toBeCloseTo(0.6, 12); // UN at its baseline, unused
    for (let t = 0; t < 200 && ctx.world.instAlive[q] === 1; t++) {
      ctx.scratch.instActs.fill(0);
      institutionUpdatePhase(ctx);
    }
    expect(ctx.world.instAlive[q]).toBe(0);
    expect(ctx.world.instAlive[0]).toBe(1);
    expect(ctx.events).toContainEqual(expect.objectContaining({ type: 'institution-dissolved', institution: 'club:A:0' }));
  });

  it('E11: public goods accrue only with both gates open', () => {
    const ctx = perceivedContext(world);
    ctx.scratch.institutionalActs = 3;
    for (const [mad, ideo, expected] of [[1, 1, 3 * ctx.params.epsPg], [0, 1, 0], [1, 0, 0]] as const) {
      ctx.world.publicGoods = 0;
      ctx.scratch.gateMAD = mad;
      ctx.scratch.gateIdeo = ideo;
      ctx.scratch.instActs.fill(0);
      institutionUpdatePhase(ctx);
      expect(ctx.world.publicGoods).toBeCloseTo(expected, 12);
    }
  });
});
