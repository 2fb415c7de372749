import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/engine/createWorld.js';
import { greatCircleKm, resolveScenario, type ScenarioInput } from '../../../src/index.js';

const located: ScenarioInput = {
  meta: { id: 'w' },
  states: [
    { id: 'RUS', capabilities: { mil: 3, eco: 1, pop: 4 }, location: { lat: 55.7558, lon: 37.6173 }, ideology: 0.4 },
    { id: 'GBR', capabilities: { mil: 2, eco: 3, pop: 1 }, location: { lat: 51.5074, lon: -0.1278 }, ideology: 0.1 },
    { id: 'FRA', capabilities: { mil: 1, eco: 2, pop: 2 }, location: { lat: 48.8566, lon: 2.3522 }, nuclear: true },
  ],
  dyads: [{ between: ['GBR', 'FRA'], distance: 1000, trade: 0.2, alliance: true, entente: 0.3 }],
  perceptions: [{ from: 'GBR', to: 'RUS', intent: 0.9 }],
  institutions: [{ id: 'Z', members: ['RUS', 'GBR'] }, { id: 'A', members: ['FRA', 'GBR', 'RUS'], strength: 0.7 }],
};

describe('createWorld', () => {
  it('holds states and institutions in canonical (id) order, whatever the input order', () => {
    const w = createWorld(resolveScenario(located));
    expect(w.ids).toEqual(['FRA', 'GBR', 'RUS']);
    expect(Array.from(w.inputIndex)).toEqual([2, 1, 0]);
    expect(w.instIds).toEqual(['A', 'Z']);
    expect(Array.from(w.memberCount.subarray(0, 2))).toEqual([3, 2]);
    expect(Array.from(w.nuc)).toEqual([1, 0, 0]);
  });

  it('proximity G = exp(−d/d0) from dyad distances first, then from locations; symmetric dyads', () => {
    const scenario = resolveScenario(located);
    const w = createWorld(scenario);
    const n = w.n;
    const [fra, gbr, rus] = [0, 1, 2];
    const d0 = scenario.parameters.d0;
    expect(w.proximity[gbr * n + fra]).toBeCloseTo(Math.exp(-1000 / d0), 15);
    const dist = greatCircleKm(located.states[0].location!, located.states[1].location!);
    expect(w.proximity[rus * n + gbr]).toBeCloseTo(Math.exp(-dist / d0), 15);
    expect(w.proximity[gbr * n + rus]).toBe(w.proximity[rus * n + gbr]);
    expect(w.trade[fra * n + gbr]).toBe(0.2);
    expect(w.trade[gbr * n + fra]).toBe(0.2);
    expect(w.ally[fra * n + gbr]).toBe(1);
    expect(Array.from(w.allyCount)).toEqual([1, 1, 0]);
    expect(w.allianceCount).toBe(1);
    expect(w.ent[gbr * n + fra]).toBe(0.3);
    expect(w.tradePairs).toEqual([fra * n + gbr]);
  });

  it('perceived intent starts at the target\'s ideology (THEORY §5.1) unless a perception is given', () => {
    const w = createWorld(resolveScenario(located));
    const n = w.n;
    expect(w.ahat[0 * n + 2]).toBe(0.4); // FRA → RUS: ideo_RUS
    expect(w.ahat[1 * n + 2]).toBe(0.9); // GBR → RUS: given
    expect(w.ahat[2 * n + 1]).toBe(0.1); // RUS → GBR: ideo_GBR
    expect(w.ahat[0]).toBe(0);
  });

  it('a world without geography has every proximity 1', () => {
    const w = createWorld(resolveScenario({ ...located, states: located.states.map(({ location: _l, ...s }) => s), dyads: [] }));
    expect(Array.from(w.proximity).filter((_, k) => k % (w.n + 1) !== 0).every((g) => g === 1)).toBe(true);
  });
});
