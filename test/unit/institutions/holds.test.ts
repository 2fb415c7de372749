/** Holds: a member keeps a candidate out while it has a grievance against it (model §5.12, note N61). */
import { describe, expect, it } from 'vitest';
import { accessionPhase } from '../../../src/institutions/accessionPhase.js';
import { STATUS_CANDIDATE } from '../../../src/institutions/MembershipStatus.js';
import { setStatus } from '../../../src/engine/createWorld.js';
import { explainDecision } from '../../../src/engine/explainDecision.js';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivedContext } from '../../support/tickContext.js';

const world = (rule: 'consensus' | 'majority', holdYears: number, vetoMembers: string[] = []): ScenarioInput => ({
  meta: { id: 'holds', startYear: 2022 },
  states: ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 } })),
  institutions: [{ id: 'Q', members: ['A', 'B', 'C', 'D'], decisionRule: rule, vetoMembers }],
  parameters: { holdYears },
});

/** E a candidate of Q; E's last act a sanction (SS) against `aggrieved` at tick 0; nobody blocks E. */
function setUp(input: ScenarioInput, aggrieved: string) {
  const ctx = perceivedContext(input);
  const e = ctx.index('E');
  setStatus(ctx.world, 0, e, STATUS_CANDIDATE);
  ctx.scratch.tMain.fill(0); // no member blocks E (no main threat at T ≥ T_min)
  ctx.scratch.action.fill(OPTION_INDEX.NONE);
  ctx.scratch.action[e] = OPTION_INDEX.SS;
  ctx.scratch.target[e] = ctx.index(aggrieved);
  return { ctx, e, b: ctx.index(aggrieved) };
}

describe('holds (model §5.12, note N61)', () => {
  it('off by default (holdYears 0): a grievance does not keep the candidate out', () => {
    const { ctx, e } = setUp(world('consensus', 0), 'B');
    accessionPhase(ctx);
    expect(ctx.world.member[e]).toBe(1);
  });

  it('under consensus the aggrieved member holds the candidate while the grievance lasts, at a block\'s cost, and lifts it when it lapses', () => {
    const { ctx, e, b } = setUp(world('consensus', 2), 'B');
    const n = ctx.world.n;
    const before = ctx.world.ahat[e * n + b];
    ctx.scratch.denial.fill(0);
    accessionPhase(ctx);
    expect(ctx.world.status[e]).toBe(STATUS_CANDIDATE);
    const votes = Array.from({ length: ctx.scratch.voteCount }, (_, k) => [ctx.world.ids[ctx.scratch.voteVoter[k]], ctx.scratch.voteBlock[k]]);
    expect(votes).toEqual([['A', 0], ['B', 2], ['C', 0], ['D', 0]]);
    expect(ctx.scratch.accessionBlocks).toBe(0); // a hold is not a block
    expect(ctx.scratch.denial[b]).toBeCloseTo(ctx.params.kappaBlock * ctx.world.leg[b], 15);
    expect(ctx.world.ahat[e * n + b]).toBeCloseTo(Math.min(1, before + ctx.params.epsBlock), 15);
    expect(ctx.events).toContainEqual(expect.objectContaining({ type: 'accession', state: 'E', admitted: false, votes: '3 of 4 admit (consensus; 1 hold); criteria met' }));
    expect(explainDecision(ctx, b, ctx.world.ahat.subarray(b * n, (b + 1) * n)).votes).toContainEqual(expect.objectContaining({ voter: 'B', candidate: 'E', vote: 'hold', veto: false }));
    ctx.scratch.action[e] = OPTION_INDEX.NONE; // no new grievance
    ctx.tick = 1; // one year on (one tick a year): still within two years
    accessionPhase(ctx);
    expect(ctx.world.status[e]).toBe(STATUS_CANDIDATE);
    ctx.tick = 2; // the grievance has lapsed
    accessionPhase(ctx);
    expect(ctx.world.member[e]).toBe(1);
  });

  it('under majority a hold is one vote against; a veto holder\'s hold is decisive', () => {
    const plain = setUp(world('majority', 2), 'B');
    accessionPhase(plain.ctx);
    expect(plain.ctx.world.member[plain.e]).toBe(1);
    const veto = setUp(world('majority', 2, ['B']), 'B');
    accessionPhase(veto.ctx);
    expect(veto.ctx.world.status[veto.e]).toBe(STATUS_CANDIDATE);
  });

  it('a negative affinity is a grievance too', () => {
    const { ctx, e } = setUp({ ...world('consensus', 2), affinity: { pairs: [{ between: ['C', 'E'], affinity: -0.2 }] } }, 'B');
    ctx.scratch.action[e] = OPTION_INDEX.NONE;
    accessionPhase(ctx);
    expect(ctx.world.affinity[ctx.index('C') * ctx.world.n + e]).toBe(-0.2);
    expect(ctx.world.status[e]).toBe(STATUS_CANDIDATE);
  });
});
