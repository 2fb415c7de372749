/** Accession, exit and suspension (model §5.12–5.13), called directly on a perceived world. */
import { describe, expect, it } from 'vitest';
import { accessionPhase } from '../../../src/institutions/accessionPhase.js';
import { STATUS_CANDIDATE, STATUS_SUSPENDED } from '../../../src/institutions/MembershipStatus.js';
import { setStatus } from '../../../src/engine/createWorld.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivedContext } from '../../support/tickContext.js';

const world = (rule: 'consensus' | 'majority' | 'weighted'): ScenarioInput => ({
  meta: { id: 'procedures', startYear: 2000 },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 1, eco: 1, pop: 1 } },
  ],
  institutions: [{ id: 'Q', members: ['A', 'B', 'C'], decisionRule: rule, strength: 0.5 }],
});

describe('accessionPhase (model §5.12–5.13)', () => {
  it('a blocking member pays κ_block of its legitimacy and provokes the candidate; the vote is recorded for explain', () => {
    const ctx = perceivedContext(world('consensus'));
    const [b, d] = [ctx.index('B'), ctx.index('D')];
    setStatus(ctx.world, 0, d, STATUS_CANDIDATE);
    ctx.scratch.denial.fill(0);
    ctx.scratch.target[b] = d;
    ctx.scratch.tMain[b] = 1;
    accessionPhase(ctx);
    expect(ctx.world.status[d]).toBe(STATUS_CANDIDATE); // blocked under consensus
    expect(ctx.scratch.denial[b]).toBeCloseTo(ctx.params.kappaBlock * ctx.world.leg[b], 15);
    expect(ctx.scratch.blockProvocation[b]).toBe(ctx.params.epsBlock);
    const votes = Array.from({ length: ctx.scratch.voteCount }, (_, k) => [ctx.scratch.voteVoter[k], ctx.scratch.voteBlock[k]]);
    expect(votes).toContainEqual([b, 1]);
    expect(ctx.events).toContainEqual(expect.objectContaining({ type: 'accession', institution: 'Q', state: 'D', admitted: false }));
  });

  it('decisions are yearly: nothing is decided at a tick inside a year', () => {
    const ctx = perceivedContext({ ...world('majority'), meta: { id: 'q', startYear: 2000, ticksPerYear: 4 } });
    setStatus(ctx.world, 0, ctx.index('D'), STATUS_CANDIDATE);
    ctx.tick = 1;
    accessionPhase(ctx);
    expect(ctx.scratch.voteCount).toBe(0);
    ctx.tick = 4;
    accessionPhase(ctx);
    expect(ctx.world.member[ctx.index('D')]).toBe(1);
  });

  it('an aggressor is suspended when the other members decide so by the rule, and then has no voice', () => {
    const ctx = perceivedContext(world('consensus'));
    const [a, b, c] = [ctx.index('A'), ctx.index('B'), ctx.index('C')];
    ctx.scratch.aggressed[a] = 1;
    ctx.scratch.target[b] = a; ctx.scratch.tMain[b] = 1;
    ctx.scratch.target[c] = b; ctx.scratch.tMain[c] = 1; // C does not vote to suspend: consensus fails
    accessionPhase(ctx);
    expect(ctx.world.member[a]).toBe(1);
    ctx.scratch.target[c] = a;
    accessionPhase(ctx); // the aggression within the last year still counts
    expect(ctx.world.status[a]).toBe(STATUS_SUSPENDED);
    expect(ctx.world.memberCount[0]).toBe(2);
    expect(ctx.events).toContainEqual({ tick: 0, type: 'institution-status', institution: 'Q', state: 'A', status: 'suspended' });
  });

  it('with κ_exit > 0 a member leaves when s_q·voice_iq < κ_exit (the weakest first)', () => {
    const ctx = perceivedContext(world('consensus'));
    const cap = ctx.scratch.cinc[ctx.index('A')] + ctx.scratch.cinc[ctx.index('B')] + ctx.scratch.cinc[ctx.index('C')];
    const b = ctx.index('B');
    ctx.params.kappaExit = 0.5 * (ctx.scratch.cinc[b] / cap) * 1.01; // just above what Q gives B, below what it gives C and A
    accessionPhase(ctx);
    expect(ctx.world.member[b]).toBe(0);
    expect(ctx.world.memberCount[0]).toBe(2);
    expect(ctx.events).toContainEqual({ tick: 0, type: 'institution-left', institution: 'Q', state: 'B' });
  });
});
