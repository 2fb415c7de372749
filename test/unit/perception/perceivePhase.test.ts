import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, waltThreat, type ScenarioInput } from '../../../src/index.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { randomWorld } from '../../support/randomWorld.js';

const source = readFileSync(new URL('../../../src/perception/perceivePhase.ts', import.meta.url), 'utf8');

/** Runs a scenario for some ticks; each record, the beliefs and the whole threat matrix as JSON. */
function trace(input: ScenarioInput, plugin: boolean): string {
  // Walt's model as a plug-in (a copy, not the built-in object) makes the engine take its general path.
  const sim = createSimulation(resolveScenario(input), { seed: 9, ...(plugin ? { perception: { ...waltThreat } } : {}) });
  const out: unknown[] = [];
  for (let t = 0; t < 25; t++) out.push(sim.step());
  const ids = sim.world.states.map((s) => s.id);
  for (const a of ids) for (const b of ids) out.push(sim.threat(a, b));
  out.push(Array.from((sim as unknown as Engine).internals.world.ahat));
  return JSON.stringify(out);
}

describe('perceivePhase: one source of truth for the fused threat arithmetic (#13 Constraints)', () => {
  it('writes the belief update and Walt\'s threat expression once in the fused row pass', () => {
    // The fused pass used to keep four hand-specialised copies of its row loop plus threatRow.
    const fusedPart = source.slice(source.indexOf('function fusedWaltRows'), source.indexOf('function foldPatches'));
    const count = (needle: string): number => fusedPart.split(needle).length - 1;
    expect(count('const t = a * (wP * P + wG * g + o[j]) * f[j];')).toBe(1); // f: the row's affinity factors (model note N54)
    expect(count('keep * ahat[row + j]')).toBe(1);
  });

  // Membership masks of one word (≤ 32 institution slots), two (33–64), three (65+), and a world
  // where one institution has every state (no mask read at all): the fused path must equal the
  // general path (the whole matrix from the plug-in, beliefs applied at once) bit for bit.
  const universal = (): ScenarioInput => {
    const w = randomWorld(77, { states: 12, institutions: 3 });
    w.institutions = [...(w.institutions ?? []), { id: 'ALL', members: w.states.map((st) => st.id), strength: 0.5 }];
    return w;
  };
  // An institution of all states but two (as after states entered without memberships, N43): the
  // rows of its members test only the two outsiders (prepareInsideRows).
  const nearlyUniversal = (seed: number, institutions: number) => (): ScenarioInput => {
    const w = randomWorld(seed, { states: 14, institutions });
    w.institutions = [...(w.institutions ?? []), { id: 'MOST', members: w.states.slice(2).map((st) => st.id), strength: 0.5 }];
    return w;
  };
  const cases: [string, () => ScenarioInput][] = [
    ['one mask word', () => randomWorld(11, { states: 14, institutions: 6 })],
    ['two mask words', () => randomWorld(12, { states: 14, institutions: 45 })],
    ['three mask words', () => randomWorld(13, { states: 14, institutions: 80 })],
    ['an institution of every state', universal],
    ['an institution of all but two states, one mask word', nearlyUniversal(21, 4)],
    ['an institution of all but two states, three mask words', nearlyUniversal(22, 80)],
  ];
  for (const [name, make] of cases) {
    it(`fused and general paths agree bit for bit: ${name}`, () => {
      expect(trace(make(), false)).toBe(trace(make(), true));
    });
  }

  it('the rows of a nearly universal institution\'s members test only the states outside it', () => {
    const sim = createSimulation(resolveScenario(nearlyUniversal(21, 4)()), { seed: 9 }) as Engine;
    sim.run(3);
    expect(sim.internals.scratch.obsOutsideCount).toBe(2);
  });
});
