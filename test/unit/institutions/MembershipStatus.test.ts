/**
 * Statuses short of membership (model §5.11): candidate, observer or dialogue partner, associate.
 * They are never members (M_q), give a reduced voice in the venue, and change by `set-status`.
 */
import { describe, expect, it } from 'vitest';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import { institutionalActsPhase } from '../../../src/institutions/institutionalActsPhase.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { recordPhase } from '../../../src/metrics/recordPhase.js';
import { createSimulation, resolveScenario, type ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext } from '../../support/tickContext.js';

// A threatens B and C (ideology, offence); Q holds A and B as members, C as an observer.
const input = (status: 'candidate' | 'observer' | 'associate' | null): ScenarioInput => ({
  meta: { id: 'statuses', startYear: 2000 },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
  ],
  institutions: [{ id: 'Q', members: status === null ? ['A', 'B', 'C'] : ['A', 'B'], strength: 0.6, statuses: status === null ? [] : [{ state: 'C', status }] }],
});

describe('membership statuses (model §5.11)', () => {
  it('a status holder is not a member: not in M_q, not in the snapshot\'s members, listed with its status', () => {
    const sim = createSimulation(resolveScenario(input('candidate')), { seed: 1 }) as Engine;
    const q = sim.world.institutions[0];
    expect(q.members).toEqual(['A', 'B']);
    expect(q.statuses).toEqual([{ state: 'C', status: 'candidate' }]);
    const w = sim.internals.world;
    expect(w.memberCount[0]).toBe(2);
    expect(w.statusCount[0]).toBe(1);
  });

  it('a candidate is never counted as a member for the inclusive/exclusive classification', () => {
    const ctx = perceivedContext(input('candidate'));
    const c = ctx.index('C');
    const b = ctx.index('B');
    ctx.scratch.target[b] = c; // B's venue against the candidate C: Q excludes C
    everyoneIdle(ctx);
    recordPhase(ctx);
    // Two memberships (A and B) are classified; the candidate C holds none.
    expect(ctx.scratch.inclusiveMemberships + ctx.scratch.exclusiveMemberships).toBe(2);
  });

  it('an observer has a voice: Q is its inclusive venue against a member, and its pressure is v_O·cinc_C/(cinc_C + Σ members)', () => {
    const ctx = perceivedContext(input('observer'));
    const c = ctx.index('C');
    const a = ctx.index('A');
    expect(ctx.scratch.target[c]).toBe(a);
    expect(ctx.scratch.inclusiveVenue[c]).toBe(0);
    expect(ctx.scratch.mask[c * 9 + OPTION_INDEX.II]).toBe(1);
    everyoneIdle(ctx);
    ctx.scratch.action[c] = OPTION_INDEX.II;
    institutionalActsPhase(ctx);
    restraintPhase(ctx);
    const s = ctx.scratch;
    const p = ctx.params;
    const expected = p.wII * 0.6 * p.voiceObserver * s.cinc[c] / (s.cinc[c] + s.instCinc[0]);
    expect(s.pressureOut[c]).toBeCloseTo(expected, 12);
    // The same state as a full member presses with cinc_C/Σ members.
    const full = perceivedContext(input(null));
    everyoneIdle(full);
    full.scratch.action[c] = OPTION_INDEX.II;
    institutionalActsPhase(full);
    restraintPhase(full);
    expect(full.scratch.pressureOut[c]).toBeCloseTo(p.wII * 0.6 * full.scratch.cinc[c] / full.scratch.instCinc[0], 12);
    expect(full.scratch.pressureOut[c]).toBeGreaterThan(s.pressureOut[c]);
  });

  it('set-status moves a state between statuses, keeps the counts and logs the change; member is a join, none a leave', () => {
    const sim = createSimulation(resolveScenario(input('observer')), { seed: 1 }) as Engine;
    sim.step();
    sim.apply({ type: 'set-status', institution: 'Q', state: 'C', status: 'associate' });
    expect(sim.world.institutions[0].statuses).toEqual([{ state: 'C', status: 'associate' }]);
    sim.apply({ type: 'set-status', institution: 'Q', state: 'C', status: 'member' });
    expect(sim.world.institutions[0]).toMatchObject({ members: ['A', 'B', 'C'], statuses: [] });
    sim.apply({ type: 'set-status', institution: 'Q', state: 'A', status: 'observer' });
    expect(sim.world.institutions[0]).toMatchObject({ members: ['B', 'C'], statuses: [{ state: 'A', status: 'observer' }] });
    sim.apply({ type: 'set-status', institution: 'Q', state: 'A', status: 'none' });
    expect(sim.world.institutions[0]).toMatchObject({ members: ['B', 'C'], statuses: [] });
    expect(sim.events.filter((e) => e.type === 'institution-status' || e.type === 'institution-joined' || e.type === 'institution-left')).toEqual([
      { tick: 1, type: 'institution-status', institution: 'Q', state: 'C', status: 'associate' },
      { tick: 1, type: 'institution-joined', institution: 'Q', state: 'C' },
      { tick: 1, type: 'institution-left', institution: 'Q', state: 'A' },
      { tick: 1, type: 'institution-status', institution: 'Q', state: 'A', status: 'observer' },
      { tick: 1, type: 'institution-status', institution: 'Q', state: 'A', status: 'none' },
    ]);
    const w = sim.internals.world;
    expect([w.memberCount[0], w.statusCount[0]]).toEqual([2, 0]);
    sim.step();
  });

  it('a cited candidacy of a state already admitted (by a vote, model §5.12) is moot: it stays a member', () => {
    const sim = createSimulation(resolveScenario(input('observer')), { seed: 1 }) as Engine;
    sim.apply({ type: 'set-status', institution: 'Q', state: 'A', status: 'candidate' });
    expect(sim.world.institutions[0]).toMatchObject({ members: ['A', 'B'], statuses: [{ state: 'C', status: 'observer' }] });
    expect(sim.events.filter((e) => e.type === 'institution-status' || e.type === 'institution-left')).toEqual([]);
  });

  it('a state listed both as a member and with a status is an error naming the field', () => {
    const bad = input('observer');
    bad.institutions = [{ id: 'Q', members: ['A', 'B', 'C'], statuses: [{ state: 'C', status: 'observer' }] }];
    expect(() => resolveScenario(bad)).toThrow(/institutions\[0\]\.statuses\[0\]\.state/);
  });
});
