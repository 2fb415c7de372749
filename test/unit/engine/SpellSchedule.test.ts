import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, runSimulation, type ScenarioInput } from '../../../src/index.js';

const input: ScenarioInput = {
  meta: { id: 'spells', startYear: 1900, ticksPerYear: 2 },
  states: [
    { id: 'GBR', capabilities: { mil: 3, eco: 4, pop: 2 }, major: true },
    { id: 'FRN', capabilities: { mil: 2, eco: 2, pop: 3 }, major: true, spells: [{ to: 1902 }, { from: 1903 }] },
    { id: 'RUS', capabilities: { mil: 4, eco: 1, pop: 5 }, major: true, ideology: 0.4 },
    { id: 'BEL', capabilities: { mil: 0.3, eco: 0.5, pop: 0.2 }, spells: [{ from: 1901.5, to: 1904 }] },
  ],
  dyads: [{ between: ['GBR', 'FRN'], alliance: true, trade: 0.2 }, { between: ['BEL', 'GBR'], trade: 0.1 }],
  institutions: [{ id: 'Concert', members: ['GBR', 'RUS', 'FRN'], strength: 0.7 }],
  events: [{ label: 'Belgium joins', at: { year: 1901.5 }, changes: [{ type: 'join', institution: 'Concert', state: 'BEL' }] }],
};

const ids = (sim: ReturnType<typeof createSimulation>): string[] => sim.world.states.map((s) => s.id);

describe('states enter and leave the system on their dates (issue 12 item 3, model note N43)', () => {
  it('appear and disappear on their dates, with their memberships and alliances', () => {
    const sim = createSimulation(resolveScenario(input), { seed: 5 });
    sim.run(3); // ticks 0–2: 1900–1901
    expect(ids(sim)).toEqual(['GBR', 'FRN', 'RUS']);
    expect(sim.allied('GBR', 'FRN')).toBe(true);
    expect(() => sim.trade('BEL', 'GBR')).toThrow(/unknown state "BEL"/);
    sim.step(); // tick 3: 1901.5, Belgium enters and joins the Concert
    expect(ids(sim)).toEqual(['GBR', 'FRN', 'RUS', 'BEL']);
    expect(sim.world.institutions.find((q) => q.id === 'Concert')?.members).toContain('BEL');
    expect(sim.trade('BEL', 'GBR')).toBeGreaterThan(0);
    expect(sim.events).toContainEqual({ tick: 3, type: 'state-entered', state: 'BEL' });
    const before = sim.world.states.find((s) => s.id === 'FRN')!;
    sim.step(); // tick 4: 1902, France leaves (occupied) and takes its alliance and memberships with it
    expect(ids(sim)).toEqual(['GBR', 'RUS', 'BEL']);
    expect(sim.events).toContainEqual({ tick: 4, type: 'state-left', state: 'FRN' });
    const record = sim.step(); // tick 5
    expect(Object.values(record.actions).reduce((a, b) => a + b, 0)).toBe(3); // only states in the system act
    sim.step(); // tick 6: 1903, France re-enters with the values it left with, without its old relations
    expect(ids(sim)).toEqual(['GBR', 'FRN', 'RUS', 'BEL']);
    const after = sim.world.states.find((s) => s.id === 'FRN')!;
    expect(after.legitimacyBaseline).toBe(before.legitimacyBaseline);
    expect(sim.allied('GBR', 'FRN')).toBe(false);
    expect(sim.world.institutions.find((q) => q.id === 'Concert')?.members).not.toContain('FRN');
    sim.run(2); // tick 8: 1904, Belgium leaves
    expect(ids(sim)).toEqual(['GBR', 'FRN', 'RUS']);
  });

  it('is deterministic, and a state that is never in the system at the same time changes nothing before it enters', () => {
    const a = runSimulation(resolveScenario(input), { seed: 9, ticks: 12 });
    const b = runSimulation(resolveScenario(input), { seed: 9, ticks: 12 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // Without Belgium's entry the first three ticks are the same: an absent state takes part in nothing.
    const without = { ...input, states: input.states.map((s) => (s.id === 'BEL' ? { ...s, spells: [{ from: 1950 }] } : s)), events: [] };
    const c = runSimulation(resolveScenario(without), { seed: 9, ticks: 3 });
    expect(c.records).toEqual(a.records.slice(0, 3));
  });

  it('an event that changes a state outside the system says so', () => {
    const scenario = resolveScenario({ ...input, events: [{ at: { year: 1902.5 }, changes: [{ type: 'set-state', state: 'FRN', field: 'ideology', value: 0.5 }] }] });
    expect(() => runSimulation(scenario, { seed: 1, ticks: 8 })).toThrowError('events[0].changes[0] ("events[0]", before tick 5): state "FRN" is not in the state system in year 1902.5 (its spells): the change cannot apply');
  });

  it('bad spells are errors with their path', () => {
    expect(() => resolveScenario({
      ...input,
      states: input.states.map((s) => (s.id === 'BEL' ? { ...s, spells: [{ from: 1905, to: 1903 }] } : s.id === 'RUS' ? { ...s, spells: [{ to: 1890 }] } : s)),
    })).toThrowError(/states\[2\]\.spells.*left the system before meta.startYear 1900[\s\S]*states\[3\]\.spells\[0\]\.to.*ends \(1903\) before it starts \(1905\)/);
  });

  it('a state entering a world held in another unit (N30) comes in the run\'s unit: its capabilities and share are the scenario\'s', () => {
    // The first world holds GBR and RUS (largest 1e200, beyond 2^128: scaled by a power of two); BEL
    // enters with 1e300, which alone would give the world another unit. Its capabilities must be
    // converted into the run's unit exactly — a rebuild once scaled them by the inverse factor.
    const huge: ScenarioInput = {
      meta: { id: 'units', startYear: 1900, ticksPerYear: 1 },
      states: [
        { id: 'GBR', capabilities: { mil: 1e200, eco: 1e200, pop: 1e200 }, major: true },
        { id: 'RUS', capabilities: { mil: 1e200, eco: 1e200, pop: 1e200 }, major: true },
        { id: 'BEL', capabilities: { mil: 1e300, eco: 1e300, pop: 1e300 }, spells: [{ from: 1901 }] },
      ],
    };
    const sim = createSimulation(resolveScenario(huge), { seed: 3 });
    sim.step(); // tick 0: 1900, without Belgium
    sim.step(); // tick 1: 1901, Belgium enters before the tick (the tick's own effects then act on it)
    const bel = sim.world.states.find((s) => s.id === 'BEL')!;
    const gbr = sim.world.states.find((s) => s.id === 'GBR')!;
    // Within the effects of one tick of arming and costs (a few per cent), not a factor of 2^±300.
    expect(bel.capabilities.mil / gbr.capabilities.mil).toBeGreaterThan(0.5e100);
    expect(bel.capabilities.mil / gbr.capabilities.mil).toBeLessThan(2e100);
    expect(bel.cinc).toBeGreaterThan(0.99);
  });
});

