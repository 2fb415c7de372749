/**
 * More than one great power in view (issue #13 item 4, model note N57): the perceive phase writes
 * T_ig of every state toward every great power of the tick, from the tick's own threat arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, waltThreat, type Simulation } from '../../../src/index.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { loadScenario } from '../../../src/node/index.js';
import { randomWorld } from '../../support/randomWorld.js';

/** Checks every record's positions against the simulation's threats and main threats, tick by tick. */
function checkRun(sim: Simulation, ticks: number): { positions: number; mainGreatPower: number } {
  let positions = 0;
  let mainGreatPower = 0;
  for (let t = 0; t < ticks; t++) {
    const r = sim.step();
    const world = sim.world;
    const majors = world.states.filter((s) => s.major).map((s) => s.id).sort();
    const states = world.states.map((s) => s.id).sort();
    // One entry per (state, great power of the tick), state ≠ power, in canonical order.
    expect(r.greatPowers.map((g) => `${g.state}>${g.power}`)).toEqual(
      states.flatMap((a) => majors.filter((g) => g !== a).map((g) => `${a}>${g}`)),
    );
    for (const g of r.greatPowers) {
      positions++;
      expect(g.threat).toBe(sim.threat(g.state, g.power)); // the same number, not a close one
      const s = world.states.find((x) => x.id === g.state);
      expect(g.main).toBe(s?.mainThreat === g.power);
      if (g.main) {
        mainGreatPower++;
        expect(g.threat).toBe(s?.threat); // T of the main threat, exactly
        // The main threat's T is the maximum of the state's row of great powers.
        const row = r.greatPowers.filter((x) => x.state === g.state).map((x) => x.threat);
        expect(g.threat).toBe(Math.max(...row));
      }
    }
  }
  return { positions, mainGreatPower };
}

describe('writeGreatPowerThreats: T toward every great power, once per tick (note N57)', () => {
  it('on the fused path: every entry equals the tick\'s T_ig, and the main threat\'s equals its T exactly', () => {
    const sim = createSimulation(loadScenario('turkiye-dual-track'), { seed: 42 });
    const { positions, mainGreatPower } = checkRun(sim, 60);
    expect(positions).toBeGreaterThan(0);
    expect(mainGreatPower).toBeGreaterThan(0);
  });

  it('across world rebuilds (states entering and leaving, N43) and great powers that follow the data', () => {
    const sim = createSimulation(loadScenario('era-1919-1939'), { seed: 42 });
    const before = new Set(sim.world.states.map((s) => s.id));
    const { mainGreatPower } = checkRun(sim, 80);
    expect(mainGreatPower).toBeGreaterThan(0);
    expect(sim.events.some((e) => e.type === 'state-entered' || e.type === 'state-left')
      || sim.world.states.some((s) => !before.has(s.id))).toBe(true);
  });

  it('on the general path (a perception plug-in): the entries are the stored matrix\'s', () => {
    const sim = createSimulation(resolveScenario(randomWorld(5, { states: 12 })), { seed: 3, perception: { ...waltThreat } });
    expect(checkRun(sim, 30).mainGreatPower).toBeGreaterThan(0);
  });

  it('follows the great powers as they change (a scenario event makes a state a great power and one not)', () => {
    const input = randomWorld(8, { states: 10 });
    input.states.forEach((s, k) => { s.major = k < 2; });
    const sim = createSimulation(resolveScenario(input), { seed: 1 }) as Engine;
    sim.run(3);
    const ids = sim.world.states.map((s) => s.id);
    expect(sim.step().greatPowers.filter((g) => g.state === ids[5]).map((g) => g.power).sort()).toEqual([ids[0], ids[1]].sort());
    sim.apply({ type: 'set-state', state: ids[0], field: 'major', value: false });
    for (const k of [5, 6, 7]) sim.apply({ type: 'set-state', state: ids[k], field: 'major', value: true });
    const r = sim.step();
    expect(r.greatPowers.filter((g) => g.state === ids[2]).map((g) => g.power).sort()).toEqual([ids[1], ids[5], ids[6], ids[7]].sort());
    for (const g of r.greatPowers) expect(g.threat).toBe(sim.threat(g.state, g.power));
    const { scratch } = sim.internals;
    expect(scratch.gpCount).toBe(4);
  });
});
