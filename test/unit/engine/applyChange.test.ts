import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, WorldChangeError, type ScenarioInput } from '../../../src/index.js';

const input: ScenarioInput = {
  meta: { id: 'changes', startYear: 1816 },
  states: [
    { id: 'GBR', capabilities: { mil: 3, eco: 4, pop: 2 } },
    { id: 'FRA', capabilities: { mil: 2, eco: 2, pop: 3 } },
    { id: 'RUS', capabilities: { mil: 4, eco: 1, pop: 5 }, ideology: 0.4 },
  ],
  institutions: [{ id: 'Concert', members: ['GBR', 'RUS'], strength: 0.7 }],
};

describe('Simulation.apply (world changes between ticks)', () => {
  it('join, leave and found change memberships and log events; leaving below two members dissolves', () => {
    const sim = createSimulation(resolveScenario(input), { seed: 1 });
    sim.step();
    sim.apply({ type: 'join', institution: 'Concert', state: 'FRA' });
    expect(sim.world.institutions.find((q) => q.id === 'Concert')?.members).toEqual(['FRA', 'GBR', 'RUS']);
    sim.apply({ type: 'join', institution: 'Concert', state: 'FRA' }); // idempotent, no second event
    expect(sim.events.filter((e) => e.type === 'institution-joined')).toEqual([{ tick: 1, type: 'institution-joined', institution: 'Concert', state: 'FRA' }]);
    sim.apply({ type: 'found-institution', institution: 'Entente', members: ['GBR', 'FRA'], strength: 0.4 });
    expect(sim.world.institutions.find((q) => q.id === 'Entente')).toMatchObject({ members: ['FRA', 'GBR'], strength: 0.4 });
    sim.apply({ type: 'leave', institution: 'Entente', state: 'FRA' });
    expect(sim.world.institutions.find((q) => q.id === 'Entente')).toBeUndefined();
    expect(sim.events.at(-1)).toEqual({ tick: 1, type: 'institution-dissolved', institution: 'Entente' });
    sim.step();
  });

  it('alliances begin and end symmetrically; state, system and trade changes take effect', () => {
    const sim = createSimulation(resolveScenario(input), { seed: 1 });
    sim.apply({ type: 'alliance', between: ['RUS', 'FRA'], inForce: true });
    expect(sim.allied('FRA', 'RUS')).toBe(true);
    expect(sim.world.alliances).toEqual([['FRA', 'RUS']]);
    sim.apply({ type: 'alliance', between: ['FRA', 'RUS'], inForce: false });
    expect(sim.allied('RUS', 'FRA')).toBe(false);
    sim.apply({ type: 'set-state', state: 'RUS', field: 'nuclear', value: true });
    sim.apply({ type: 'set-state', state: 'RUS', field: 'ideology', value: 0.9 });
    sim.apply({ type: 'set-system', field: 'lambda', value: 0.9 });
    sim.apply({ type: 'set-trade', between: ['GBR', 'FRA'], value: 0.3 });
    sim.apply({ type: 'war-ends', year: 1815 });
    const w = sim.world;
    expect(w.states.find((s) => s.id === 'RUS')).toMatchObject({ nuclear: true, ideology: 0.9 });
    expect(w.system).toMatchObject({ lambda: 0.9, lastMajorWar: 1815 });
    expect(sim.trade('FRA', 'GBR')).toBe(0.3);
  });

  it('set-parameter changes this run only and must stay admissible', () => {
    const scenario = resolveScenario(input);
    const sim = createSimulation(scenario, { seed: 1 });
    sim.apply({ type: 'set-parameter', key: 'mu', value: 0.8 });
    expect(scenario.parameters.mu).toBe(0.5);
    expect(() => sim.apply({ type: 'set-parameter', key: 'kappaII', value: 9 })).toThrow(/admissible set/);
    expect(() => sim.apply({ type: 'set-parameter', key: 'nonsense', value: 1 })).toThrow(/unknown numeric model parameter "nonsense"/);
  });

  it('invalid changes throw WorldChangeError and change nothing', () => {
    const sim = createSimulation(resolveScenario(input), { seed: 1 });
    const before = JSON.stringify(sim.world);
    expect(() => sim.apply({ type: 'join', institution: 'Concert', state: 'PRU' })).toThrow(WorldChangeError);
    expect(() => sim.apply({ type: 'join', institution: 'Nope', state: 'FRA' })).toThrow(/no live institution "Nope"/);
    expect(() => sim.apply({ type: 'set-state', state: 'FRA', field: 'ideology', value: 2 })).toThrow(/ideology must be a number in \[0, 1\]/);
    expect(() => sim.apply({ type: 'set-state', state: 'FRA', field: 'mil', value: 0 })).toThrow(/mil must be a finite number > 0/);
    expect(() => sim.apply({ type: 'found-institution', institution: 'Concert', members: ['FRA', 'GBR'] })).toThrow(/already exists/);
    expect(() => sim.apply({ type: 'found-institution', institution: 'Solo', members: ['FRA'] })).toThrow(/at least two members/);
    expect(JSON.stringify(sim.world)).toBe(before);
  });
});
