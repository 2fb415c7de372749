/** Affinity lowers perceived threat by 1 − κ_a·max(0, a_ij) (model note N54), on both threat paths. */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/Simulation.js';
import { createSimulation, resolveScenario, waltThreat, type PerceptionModel, type ScenarioInput } from '../../../src/index.js';

const input = (affinity?: ScenarioInput['affinity']): ScenarioInput => ({
  meta: { id: 'aff' },
  states: [
    { id: 'A', capabilities: { mil: 3, eco: 3, pop: 3 }, ideology: 0.6, location: { lat: 50, lon: 10 } },
    { id: 'B', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.5, location: { lat: 51, lon: 12 } },
    { id: 'C', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.4, location: { lat: 48, lon: 16 } },
  ],
  ...(affinity === undefined ? {} : { affinity }),
});

// The general path: the same Walt model, not recognised as the built-in one, so the engine stores T.
const general: PerceptionModel = { name: 'walt-general', threatMatrix: (view, out) => waltThreat.threatMatrix(view, out) };

describe('affinity and perceived threat (N54)', () => {
  it('a positive affinity strictly lowers T_ij by the factor 1 − κ_a·a_ij; zero or negative leaves it', () => {
    const plain = createSimulation(resolveScenario(input()), { seed: 3 });
    const aff = createSimulation(resolveScenario(input({ pairs: [{ between: ['A', 'B'], affinity: 0.5 }, { between: ['A', 'C'], affinity: -0.5 }] })), { seed: 3 });
    plain.step();
    aff.step();
    // Tick 0's threat, before any act has moved affinity or beliefs apart.
    const t0 = plain.threat('B', 'A');
    expect(t0).toBeGreaterThan(0);
    expect(aff.threat('B', 'A')).toBeLessThan(t0);
    expect(aff.threat('B', 'A')).toBe(t0 * (1 - 1 * 0.5)); // κ_a = 1 by default
    expect(aff.threat('C', 'A')).toBe(plain.threat('C', 'A'));
    expect(aff.threat('C', 'B')).toBe(plain.threat('C', 'B'));
  });

  it('κ_a = 0 turns the threat effect off', () => {
    const base = input({ pairs: [{ between: ['A', 'B'], affinity: 0.9 }] });
    const off = createSimulation(resolveScenario({ ...base, parameters: { affinityThreat: 0 } }), { seed: 3 });
    const plain = createSimulation(resolveScenario(input()), { seed: 3 });
    off.step();
    plain.step();
    expect(off.threat('B', 'A')).toBe(plain.threat('B', 'A'));
  });

  it('the fused and the general threat paths give the same run with affinity', () => {
    const scenario = resolveScenario(input({ blocs: [{ name: 'AB', members: ['A', 'B'], affinity: 0.7 }], pairs: [{ between: ['B', 'C'], affinity: 0.3 }] }));
    const fused = createSimulation(scenario, { seed: 9 }) as Engine;
    const stored = createSimulation(scenario, { seed: 9, perception: general }) as Engine;
    expect(fused.run(30)).toEqual(stored.run(30));
    expect(fused.events).toEqual(stored.events);
    expect(fused.internals.world.affinity).toEqual(stored.internals.world.affinity);
  });
});
