import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, runSimulation, ScenarioError, type ScenarioInput } from '../../../src/index.js';

const base: ScenarioInput = {
  meta: { id: 'dynamics', startYear: 1816 },
  states: [
    { id: 'GBR', capabilities: { mil: 3, eco: 4, pop: 2 }, major: true },
    { id: 'FRN', capabilities: { mil: 2, eco: 2, pop: 3 }, major: true },
    { id: 'RUS', capabilities: { mil: 4, eco: 1, pop: 5 }, major: true, ideology: 0.4 },
  ],
  institutions: [{ id: 'Concert', members: ['GBR', 'RUS'], strength: 0.7 }],
};

describe('scenario events and time-varying expressions', () => {
  it('an event at a year applies before the first tick of that year', () => {
    const scenario = resolveScenario({
      ...base,
      meta: { id: 'd', startYear: 1816, ticksPerYear: 2 },
      events: [{ label: 'France joins the Concert', at: { year: 1818 }, changes: [{ type: 'join', institution: 'Concert', state: 'FRN' }] }],
    });
    expect(scenario.events[0].tick).toBe(4);
    const sim = createSimulation(scenario, { seed: 1 });
    sim.run(4);
    expect(sim.world.institutions[0].members).toEqual(['GBR', 'RUS']);
    sim.step();
    expect(sim.world.institutions[0].members).toEqual(['FRN', 'GBR', 'RUS']);
    expect(sim.events).toContainEqual({ tick: 4, type: 'scenario-event', label: 'France joins the Concert' });
    expect(sim.events).toContainEqual({ tick: 4, type: 'institution-joined', institution: 'Concert', state: 'FRN' });
  });

  it('events may refer to institutions founded by earlier events', () => {
    const result = runSimulation(resolveScenario({
      ...base,
      events: [
        { at: { tick: 1 }, changes: [{ type: 'found-institution', institution: 'HolyAlliance', members: ['RUS', 'FRN'] }] },
        { at: { tick: 3 }, changes: [{ type: 'leave', institution: 'HolyAlliance', state: 'FRN' }] },
      ],
    }), { seed: 1, ticks: 5 });
    expect(result.events.filter((e) => e.type.startsWith('institution-')).map((e) => e.type))
      .toEqual(['institution-founded', 'institution-left', 'institution-dissolved']);
  });

  it('a conditional event fires once when its condition on the previous tick holds', () => {
    const result = runSimulation(resolveScenario({
      ...base,
      events: [{ label: 'war ends', when: 'tick >= 3 and meanThreat >= 0', changes: [{ type: 'war-ends' }] }],
    }), { seed: 1, ticks: 8 });
    const fired = result.events.filter((e) => e.type === 'scenario-event');
    expect(fired).toEqual([{ tick: 3, type: 'scenario-event', label: 'war ends' }]);
    expect(result.final.system.lastMajorWar).toBe(1819);
  });

  it('time-varying system conditions and growth rates are evaluated before every tick', () => {
    const scenario = resolveScenario({
      ...base,
      states: base.states.map((s) => (s.id === 'RUS' ? { ...s, growth: { eco: '0.01 * (year - 1816)' } } : s)),
      system: { lambda: 'min(1, 0.3 + 0.1 * tick)' },
    });
    expect(scenario.system.lambda).toBeCloseTo(0.3, 15);
    expect(scenario.expressions.map((e) => e.path)).toEqual(['system.lambda', 'states[2].growth.eco']);
    const sim = createSimulation(scenario, { seed: 1 });
    sim.run(3);
    expect(sim.world.system.lambda).toBeCloseTo(0.5, 15); // evaluated before tick 2
    const eco = sim.world.states[2].capabilities.eco;
    sim.step(); // growth at tick 3 = 0.03 (plus the effect of RUS's own action)
    expect(sim.world.states[2].capabilities.eco).toBeGreaterThan(0);
    expect(eco).toBeGreaterThan(0);
  });

  it('bad events and expressions are reported with their paths, all at once', () => {
    try {
      resolveScenario({
        ...base,
        system: { theta: 'year.constructor' },
        states: base.states.map((s) => (s.id === 'GBR' ? { ...s, growth: { mil: '-2' } } : s)),
        events: [
          { at: { year: 1800 }, changes: [{ type: 'join', institution: 'Nope', state: 'PRU' }] },
          { changes: [{ type: 'war-ends' }] },
          { when: 'threat > 1', changes: [{ type: 'set-parameter', key: 'nonsense', value: 1 }] },
        ],
      });
      expect.fail('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const issues = (e as ScenarioError).issues.map((i) => [i.path.join('.'), i.message]);
      expect(issues).toEqual([
        ['states.0.growth.mil', 'expression "-2" gives -2 at the start; it must be greater than −1 and at most 2^64'],
        ['system.theta', 'property or index access is not allowed in "year.constructor"'],
        ['events.0.changes.0.state', 'unknown state "PRU"'],
        ['events.0.changes.0.institution', 'unknown institution "Nope" (neither in institutions nor founded by an event)'],
        ['events.0.at.year', 'year 1800 is before the scenario\'s start year 1816'],
        ['events.1', 'an event needs `at` (a year or tick) or `when` (a condition)'],
        ['events.2.when', expect.stringMatching(/^unknown name "threat" in "threat > 1"; variables here: year, tick, con/)],
        ['events.2.changes.0.key', 'unknown numeric model parameter "nonsense"'],
      ]);
    }
  });

  it('an event that cannot apply at run time names the event and the change', () => {
    const scenario = resolveScenario({
      ...base,
      events: [{ label: 'RUS joins twice-dissolved club', at: { tick: 2 }, changes: [{ type: 'set-state', state: 'RUS', field: 'ideology', value: true }] }],
    });
    expect(() => runSimulation(scenario, { seed: 1, ticks: 3 })).toThrow(/events\[0\]\.changes\[0\] \("RUS joins twice-dissolved club", before tick 2\): ideology must be a number in \[0, 1\]/);
  });
});
