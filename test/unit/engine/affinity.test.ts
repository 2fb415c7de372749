/**
 * Affinity (issue #13 item 3, model note N54): the 2014 Ukraine world of the issue, with and without
 * the scenario's affinity section (the CSTO bloc and the Russia–China partnership).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { createSimulation, resolveScenario, type ResolvedScenario } from '../../../src/index.js';
import { loadScenario } from '../../../src/node/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FILE = join(ROOT, 'test', 'fixtures', 'affinity', 'ukraine-2014.yaml');
const SEEDS = 20;
const TICKS = 20;
const CLOSE = ['CHN', 'BLR', 'KZK'];

interface Outcome {
  /** Runs in which China, Belarus or Kazakhstan joined an alliance or club against Russia, or China sanctioned Russia. */
  runs: number;
  /** Alliances or club memberships, in any run, of a state whose affinity toward the target was ≥ a_min when it formed. */
  closeRecruits: string[];
}

function simulate(scenario: ResolvedScenario): Outcome {
  let runs = 0;
  const closeRecruits: string[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const sim = createSimulation(scenario, { seed }) as Engine;
    let against = false;
    for (let t = 0; t < TICKS; t++) {
      const { world: w } = sim.internals;
      const before = w.affinity.slice(); // what the tick's alignment and institutional phases read
      const idx = new Map(w.ids.map((id, i) => [id, i]));
      const close = (k: string, g: string): boolean =>
        before.length > 0 && before[(idx.get(k) as number) * w.n + (idx.get(g) as number)] >= scenario.parameters.affinityMin;
      const seen = sim.events.length;
      sim.step();
      const { scratch: s } = sim.internals;
      const rus = idx.get('RUS') as number;
      const chn = idx.get('CHN') as number;
      if (s.action[chn] === OPTION_INDEX.SS && s.target[chn] === rus) against = true;
      for (const e of sim.events.slice(seen)) {
        if (e.type === 'alliance-formed') {
          if (e.target === 'RUS' && (CLOSE.includes(e.actor) || CLOSE.includes(e.partner))) against = true;
          for (const m of [e.actor, e.partner]) if (close(m, e.target)) closeRecruits.push(`seed ${seed} tick ${e.tick}: ${m} allied against ${e.target}`);
        } else if (e.type === 'club-founded') {
          if (e.target === 'RUS' && e.members.some((m) => CLOSE.includes(m))) against = true;
          for (const m of e.members) if (close(m, e.target)) closeRecruits.push(`seed ${seed} tick ${e.tick}: ${m} in a club against ${e.target}`);
        }
      }
    }
    if (against) runs++;
  }
  return { runs, closeRecruits };
}

describe('affinity in the 2014 Ukraine world (N54)', () => {
  const withAffinity = loadScenario(FILE);
  const without: ResolvedScenario = { ...withAffinity, affinity: null };

  it('seeds every pair from the 2012 alliance portfolios, the CSTO bloc and the Russia–China pair overriding them', () => {
    const w = (createSimulation(withAffinity, { seed: 1 }) as Engine).internals.world;
    const at = (a: string, b: string): number => w.affinity[w.ids.indexOf(a) * w.n + w.ids.indexOf(b)];
    expect([at('RUS', 'BLR'), at('BLR', 'RUS'), at('BLR', 'KZK'), at('KZK', 'RUS')]).toEqual([0.8, 0.8, 0.8, 0.8]);
    expect([at('RUS', 'CHN'), at('CHN', 'RUS')]).toEqual([0.6, 0.6]);
    // From the data (Häge's κ over the 2012 system): NATO members' portfolios agree, Russia's and the US's do not.
    console.log(`κ 2012: USA–UKG ${at('USA', 'UKG').toFixed(3)}, GMY–POL ${at('GMY', 'POL').toFixed(3)}, USA–RUS ${at('USA', 'RUS').toFixed(3)}, CHN–USA ${at('CHN', 'USA').toFixed(3)}, TUR–USA ${at('TUR', 'USA').toFixed(3)}`);
    expect(at('USA', 'UKG')).toBeGreaterThan(0);
    expect(at('GMY', 'POL')).toBeGreaterThan(0.5);
    expect(at('UKR', 'RUS')).toBe(-0.5); // the author's pair overrides the data
    expect(at('USA', 'UKG')).toBe(at('UKG', 'USA'));
    expect(at('USA', 'RUS')).toBeLessThan(at('USA', 'UKG'));
    expect(withAffinity.affinity?.pairs.length).toBeGreaterThan(10);
    expect((createSimulation(without, { seed: 1 }) as Engine).internals.world.affinity.length).toBe(0);
  });

  it('never recruits a close partner of the target into an alliance or club against it (P24), over 20 seeds', () => {
    const off = simulate(without);
    const on = simulate(withAffinity);
    console.log(`ukraine-2014, ${SEEDS} seeds × ${TICKS} ticks: runs with CHN/BLR/KZK against RUS or CHN sanctioning RUS — without affinity ${off.runs}, with ${on.runs}`);
    expect(on.closeRecruits).toEqual([]);
  });

  it('survives the rebuild when a state enters (N43): staying pairs keep their affinity, renumbered; the entrant starts at its seed', () => {
    const scenario = resolveScenario({
      meta: { id: 'rebuild', startYear: 2000 },
      states: [
        { id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.5 },
        { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.5 },
        { id: 'AB', capabilities: { mil: 1, eco: 1, pop: 1 }, spells: [{ from: 2003 }] }, // sorts between A and B
      ],
      affinity: { pairs: [{ between: ['A', 'B'], affinity: 0.5 }, { between: ['A', 'AB'], affinity: -0.3 }] },
      parameters: { affinityCoop: 0, affinityConflict: 0 }, // memory alone: a ← seed + (a − seed)·2^(−1/H)
    });
    const sim = createSimulation(scenario, { seed: 4 }) as Engine;
    const at = (a: string, b: string): number => {
      const w = sim.internals.world;
      return w.affinity[w.ids.indexOf(a) * w.n + w.ids.indexOf(b)];
    };
    sim.run(2);
    const w0 = sim.internals.world;
    w0.affinity[0 * w0.n + 1] = w0.affinity[1 * w0.n + 0] = 0.123; // A–B displaced from its seed by the run
    sim.step(); // tick 2 (year 2002): affinity moves on
    const before = at('A', 'B');
    expect(sim.internals.world.n).toBe(2);
    sim.step(); // the world is rebuilt with AB before tick 3
    const w = sim.internals.world;
    expect(w.ids).toEqual(['A', 'AB', 'B']);
    expect(w.affinity.length).toBe(9);
    const keep = 2 ** (-1 / scenario.parameters.affinityHalfLife);
    expect(before).toBeCloseTo(0.5 + (0.123 - 0.5) * keep, 12);
    expect(at('A', 'B')).toBeCloseTo(0.5 + (before - 0.5) * keep, 12); // carried over, then one more tick of memory
    expect(at('A', 'AB')).toBeCloseTo(-0.3, 12); // the entrant starts at its seed
    expect(at('A', 'B')).toBe(at('B', 'A'));
    expect(w.affinitySeed[w.ids.indexOf('A') * 3 + w.ids.indexOf('AB')]).toBe(-0.3);
    expect(w.affinitySeed[w.ids.indexOf('A') * 3 + w.ids.indexOf('B')]).toBe(0.5);
  });
});
