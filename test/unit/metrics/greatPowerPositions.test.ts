/**
 * Institutional positions per great power (issue #13 item 4, model §5.9, note N57): which of a
 * state's institutions include and which exclude each great power, in the record and the summary.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, runSimulation, summarizeRun, type ScenarioInput } from '../../../src/index.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { positionVenues } from '../../../src/metrics/greatPowerPositions.js';

/** Five states, two great powers (G1, G2); A is in an institution with G1 and an observer of one with G2. */
function world(): ScenarioInput {
  const state = (id: string, major: boolean, lat: number): ScenarioInput['states'][number] => ({
    id, name: id, major, capabilities: { mil: 10, eco: 10, pop: 10 }, location: { lat, lon: 0 }, ideology: 0.5, revisionism: 0.2,
  });
  return {
    meta: { id: 'gp-positions', title: 'positions per great power' },
    states: [state('A', false, 0), state('B', false, 5), state('C', false, 10), state('G1', true, 20), state('G2', true, 30)],
    institutions: [
      { id: 'WITH_G1', members: ['A', 'B', 'G1'], strength: 0.5 },
      { id: 'WITH_G2', members: ['B', 'G2'], statuses: [{ state: 'A', status: 'observer' }], strength: 0.5 },
      { id: 'BOTH', members: ['A', 'C', 'G1', 'G2'], strength: 0.5 },
    ],
  } as ScenarioInput;
}

describe('positions per great power (note N57)', () => {
  it('lists, per state and great power, the institutions of which the state is a member with and without the power', () => {
    const sim = createSimulation(resolveScenario(world()), { seed: 1, collectEvents: false }) as Engine;
    const r = sim.step();
    const of = (state: string, power: string) => r.greatPowers.find((g) => g.state === state && g.power === power);
    expect(of('A', 'G1')).toMatchObject({ inclusive: ['BOTH', 'WITH_G1'], exclusive: [] });
    // A is only an observer of WITH_G2: it is not among A's institutions (§5.11), so it is on no side.
    expect(of('A', 'G2')).toMatchObject({ inclusive: ['BOTH'], exclusive: ['WITH_G1'] });
    expect(of('B', 'G2')).toMatchObject({ inclusive: ['WITH_G2'], exclusive: ['WITH_G1'] });
    expect(of('C', 'G1')).toMatchObject({ inclusive: ['BOTH'], exclusive: [] });
    expect(of('G1', 'G2')).toMatchObject({ inclusive: ['BOTH'], exclusive: ['WITH_G1'] });
    expect(of('G1', 'G1')).toBeUndefined();
    // The record phase's counts are the lists' lengths.
    const { world: w, scratch: s } = sim.internals;
    for (let i = 0; i < w.n; i++) {
      for (let g = 0; g < s.gpCount; g++) {
        const k = s.gpStates[g];
        const v = positionVenues(w, i, k);
        expect([s.gpInclusive[i * s.gpCount + g], s.gpExclusive[i * s.gpCount + g]], `${w.ids[i]} toward ${w.ids[k]}`)
          .toEqual([v.inclusive.length, v.exclusive.length]);
      }
    }
  });

  it('follows membership changes: a state that leaves the only institution with a power has no inclusive position toward it', () => {
    const sim = createSimulation(resolveScenario(world()), { seed: 1, collectEvents: false }) as Engine;
    sim.step();
    sim.apply({ type: 'leave', institution: 'WITH_G2', state: 'B' });
    const r = sim.step();
    expect(r.greatPowers.find((g) => g.state === 'B' && g.power === 'G2')).toMatchObject({ inclusive: [], exclusive: ['WITH_G1'] });
    const { scratch: s, world: w } = sim.internals;
    const b = w.ids.indexOf('B');
    expect(s.gpInclusive[b * s.gpCount + s.gpSlot[w.ids.indexOf('G2')]]).toBe(0);
  });

  it('the run summary gives, per great power and state, the ticks, the threat and the institutions on each side', () => {
    const result = runSimulation(resolveScenario(world()), { seed: 4, ticks: 20 });
    const summary = summarizeRun(result);
    const e = summary.greatPowers.find((g) => g.power === 'G2' && g.state === 'A');
    expect(e).toMatchObject({ ticks: 20, inclusive: { BOTH: 20 }, exclusive: { WITH_G1: 20 } });
    const threats = result.records.map((r) => r.greatPowers.find((g) => g.state === 'A' && g.power === 'G2')?.threat ?? NaN);
    expect(e?.meanThreat).toBeCloseTo(threats.reduce((a, b) => a + b, 0) / 20, 12);
    expect(e?.maxThreat).toBe(Math.max(...threats));
    expect(e?.mainThreatTicks).toBe(result.records.filter((r) => r.greatPowers.some((g) => g.state === 'A' && g.power === 'G2' && g.main)).length);
    expect(summary.greatPowers.map((g) => `${g.power}/${g.state}`)).toEqual(
      ['G1/A', 'G1/B', 'G1/C', 'G1/G2', 'G2/A', 'G2/B', 'G2/C', 'G2/G1'],
    );
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
