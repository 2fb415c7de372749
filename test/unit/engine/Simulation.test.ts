import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, runSimulation, type ScenarioInput } from '../../../src/index.js';
import { mulberry32, randomWorld } from '../../support/randomWorld.js';

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same world with every list reordered and every dyad's pair flipped at random. */
function permuted(input: ScenarioInput, seed: number): ScenarioInput {
  const rnd = mulberry32(seed);
  return {
    ...input,
    states: shuffle(input.states, rnd),
    dyads: shuffle(input.dyads ?? [], rnd).map((d) => (rnd() < 0.5 ? { ...d, between: [d.between[1], d.between[0]] } : d)),
    institutions: shuffle(input.institutions ?? [], rnd).map((q) => ({ ...q, members: shuffle(q.members, rnd) })),
  };
}

describe('createSimulation / runSimulation', () => {
  it('S2 determinism: the same scenario and seed give identical records, events and final world', () => {
    const scenario = resolveScenario(randomWorld(7));
    const a = runSimulation(scenario, { seed: 42, ticks: 300 });
    const b = runSimulation(resolveScenario(randomWorld(7)), { seed: 42, ticks: 300 });
    expect(b.records).toEqual(a.records);
    expect(b.events).toEqual(a.events);
    expect(b.final).toEqual(a.final);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('a different seed gives a different trajectory', () => {
    const scenario = resolveScenario(randomWorld(7));
    const a = runSimulation(scenario, { seed: 1, ticks: 100 });
    const b = runSimulation(scenario, { seed: 2, ticks: 100 });
    expect(b.records).not.toEqual(a.records);
  });

  it('string and number seeds are both accepted and recorded', () => {
    const scenario = resolveScenario(randomWorld(3));
    expect(runSimulation(scenario, { seed: 'abc', ticks: 2 }).seed).toBe('abc');
    expect(runSimulation(scenario, { seed: 9, ticks: 2 }).seed).toBe(9);
  });

  it('S1 permutation equivariance: reordering states, dyads, institutions and members changes nothing but positions', () => {
    for (const worldSeed of [11, 12, 13]) {
      const input = randomWorld(worldSeed);
      const original = runSimulation(resolveScenario(input), { seed: 5, ticks: 200 });
      const shuffled = runSimulation(resolveScenario(permuted(input, worldSeed * 31)), { seed: 5, ticks: 200 });
      expect(shuffled.records).toEqual(original.records);
      expect(shuffled.events).toEqual(original.events);
      const byId = (r: typeof original) => Object.fromEntries(r.final.states.map((s) => [s.id, s]));
      expect(byId(shuffled)).toEqual(byId(original));
      expect(shuffled.final.alliances).toEqual(original.final.alliances);
      expect(shuffled.final.institutions).toEqual(original.final.institutions);
      // The snapshot lists states in the order of the scenario that was given.
      const permutedInput = permuted(input, worldSeed * 31);
      expect(shuffled.final.states.map((s) => s.id)).toEqual(permutedInput.states.map((s) => s.id));
    }
  });

  it('step() and run() advance the clock and years follow ticksPerYear', () => {
    const input = randomWorld(4);
    const sim = createSimulation(resolveScenario({ ...input, meta: { id: 'q', startYear: 1900, ticksPerYear: 4 } }), { seed: 1 });
    expect(sim.tick).toBe(0);
    expect(sim.world.states[0].lastAction).toBeNull();
    const first = sim.step();
    expect(first.tick).toBe(0);
    expect(first.year).toBe(1900);
    const more = sim.run(5);
    expect(more.map((r) => r.tick)).toEqual([1, 2, 3, 4, 5]);
    expect(more[4].year).toBe(1901.25);
    expect(sim.tick).toBe(6);
    expect(sim.year).toBe(1901.5);
    expect(sim.world.states[0].lastAction).not.toBeNull();
  });

  it('rejects an unresolved scenario and bad tick counts with clear errors', () => {
    const input = randomWorld(4);
    expect(() => createSimulation(input as never)).toThrow(/resolveScenario/);
    const scenario = resolveScenario(input);
    expect(() => runSimulation(scenario, { ticks: -1 })).toThrow(/ticks must be a whole number/);
    expect(() => createSimulation(scenario).run(1.5)).toThrow(/ticks must be a whole number/);
  });

  it('accepts a resolved scenario that lost its brand through a structured clone (worker threads)', () => {
    const scenario = resolveScenario(randomWorld(5));
    const cloned = structuredClone(scenario);
    expect(runSimulation(cloned, { seed: 3, ticks: 20 }).records).toEqual(runSimulation(scenario, { seed: 3, ticks: 20 }).records);
  });

  it('pairwise accessors name states by id and reject unknown ids', () => {
    const scenario = resolveScenario(randomWorld(6));
    const sim = createSimulation(scenario, { seed: 1 });
    const [a, b] = [scenario.states[0].id, scenario.states[1].id];
    expect(sim.perceivedIntent(a, b)).toBe(scenario.states[1].ideology);
    sim.step();
    expect(sim.threat(a, b)).toBeGreaterThanOrEqual(0);
    expect(typeof sim.allied(a, b)).toBe('boolean');
    expect(() => sim.trade(a, 'nobody')).toThrow(/unknown state "nobody"/);
  });

  it('collectEvents: false keeps no event log and changes no record', () => {
    const scenario = resolveScenario(randomWorld(8));
    const withEvents = runSimulation(scenario, { seed: 4, ticks: 100 });
    const without = runSimulation(scenario, { seed: 4, ticks: 100, collectEvents: false });
    expect(without.events).toEqual([]);
    expect(without.records).toEqual(withEvents.records);
  });

  it('the power-only perception model makes the strongest state everyone\'s main threat', () => {
    const scenario = resolveScenario(randomWorld(9));
    const sim = createSimulation(scenario, { seed: 1, perception: 'power' });
    sim.step();
    const states = sim.world.states;
    const strongest = [...states].sort((x, y) => y.cinc - x.cinc)[0];
    for (const s of states) if (s.id !== strongest.id) expect(s.mainThreat).toBe(strongest.id);
  });

  it('a custom policy is used, and masked options are never drawn', () => {
    const scenario = resolveScenario(randomWorld(10));
    const result = runSimulation(scenario, {
      seed: 1, ticks: 50,
      policy: { name: 'always-sanction', probabilities: () => ({ SS: 1 }) },
    });
    // SS is only available toward a trading target; elsewhere the engine falls back to NONE.
    for (const r of result.records) {
      expect(r.actions.SS + r.actions.NONE).toBe(scenario.states.length);
    }
    expect(result.records.some((r) => r.actions.SS > 0)).toBe(true);
    expect(() => runSimulation(scenario, { seed: 1, ticks: 1, policy: { name: 'bad', probabilities: () => ({ HI: Number.NaN }) } }))
      .toThrow(/policy "bad" returned NaN for HI/);
  });
});

describe('PHASES and onPhase', () => {
  it('the pipeline follows THEORY §5.8, is frozen, and onPhase reports each phase of each tick', async () => {
    const { PHASES } = await import('../../../src/index.js');
    expect(PHASES.map((p) => p.step)).toEqual([1, 2, 3, 4, 4, 4, 5, 6, 7, 7, 7, 7, 8]);
    expect(Object.isFrozen(PHASES) && PHASES.every((p) => Object.isFrozen(p))).toBe(true);
    const seen: string[] = [];
    const sim = createSimulation(resolveScenario(randomWorld(2)), { seed: 1, onPhase: (name, ms) => { expect(ms).toBeGreaterThanOrEqual(0); seen.push(name); } });
    sim.run(2);
    expect(seen).toEqual([...PHASES.map((p) => p.name), ...PHASES.map((p) => p.name)]);
  });
});
