import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, type DecisionPolicy, type ScenarioInput } from '../../../src/index.js';

/** A policy under which nobody acts: no model effects at all. */
const idle: DecisionPolicy = { name: 'idle', probabilities: () => ({ NONE: 1 }) };

const mil = { GBR: [0.3, 0.25, 0.2], FRN: [0.2, 0.22, 0.24] };
const eco = { GBR: [0.4, 0.35, 0.3], FRN: [0.1, 0.12, 0.15] };
const pop = { GBR: [0.05, 0.05, 0.06], FRN: [0.07, 0.07, 0.07] };

const input = (ticksPerYear: number, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  meta: { id: 'paths', startYear: 1900, ticksPerYear },
  states: [
    { id: 'GBR', capabilities: { mil: 1, eco: 1, pop: 1 }, major: true },
    { id: 'FRN', capabilities: { mil: 1, eco: 1, pop: 1 }, major: true },
    { id: 'RUS', capabilities: { mil: 0.2, eco: 0.1, pop: 0.2 }, major: true },
  ],
  paths: {
    firstYear: 1900,
    halfLife: 1,
    capabilities: (['GBR', 'FRN'] as const).map((state) => ({ state, mil: mil[state], eco: eco[state], pop: pop[state] })),
    trade: [{ state: 'GBR', share: [0.2, 0.18, 0.16] }, { state: 'FRN', share: [0.1, 0.11, 0.12] }],
  },
  ...extra,
});

const capabilitiesOf = (sim: ReturnType<typeof createSimulation>, id: string) => sim.world.states.find((s) => s.id === id)!.capabilities;

describe('exogenous paths (issue 12 item 1)', () => {
  it('with no model effects a followed state has exactly the data shares at every data year, interpolated between', () => {
    const sim = createSimulation(resolveScenario(input(4)), { seed: 3, policy: idle });
    for (let year = 0; year < 3; year++) {
      sim.step();
      for (const id of ['GBR', 'FRN'] as const) {
        expect(capabilitiesOf(sim, id)).toEqual({ mil: mil[id][year], eco: eco[id][year], pop: pop[id][year] });
      }
      expect(sim.trade('GBR', 'FRN')).toBe([0.2, 0.18, 0.16][year] * [0.1, 0.11, 0.12][year]);
      sim.run(2);
      // Half a year later: the midpoint of the two data years (linear interpolation within a year).
      if (year < 2) expect(capabilitiesOf(sim, 'GBR').mil).toBeCloseTo((mil.GBR[year] + mil.GBR[year + 1]) / 2, 15);
      sim.step();
    }
    // The state without a path keeps its own values.
    expect(capabilitiesOf(sim, 'RUS')).toEqual({ mil: 0.2, eco: 0.1, pop: 0.2 });
    // After the table's last year the last row holds.
    sim.run(8);
    expect(capabilitiesOf(sim, 'FRN')).toEqual({ mil: 0.24, eco: 0.15, pop: 0.07 });
  });

  it('the model\'s effects are deviations from the path that decay with the stated half-life', () => {
    const scenario = resolveScenario(input(4, {
      events: [{ at: { tick: 4 }, changes: [{ type: 'set-state', state: 'GBR', field: 'mil', value: 2 * mil.GBR[1] }] }],
    }));
    const sim = createSimulation(scenario, { seed: 3, policy: idle });
    sim.run(5); // ticks 0–4: the event doubles GBR's mil at the start of 1901
    expect(capabilitiesOf(sim, 'GBR').mil).toBe(2 * mil.GBR[1]);
    sim.run(4); // one year later (tick 8, 1902): dev = 1 + (2 − 1)·2^(−1/halfLife) = 1.5
    expect(capabilitiesOf(sim, 'GBR').mil).toBeCloseTo(1.5 * mil.GBR[2], 12);
    expect(capabilitiesOf(sim, 'GBR').eco).toBe(eco.GBR[2]);
  });

  it('a state that arms more than history ends stronger than its path', () => {
    // Called once per state per tick, in canonical order (FRN, GBR, RUS): FRN always arms.
    let calls = 0;
    const arm: DecisionPolicy = { name: 'arm', probabilities: () => (calls++ % 3 === 0 ? { HI: 1 } : { NONE: 1 }) };
    const sim = createSimulation(resolveScenario(input(2)), { seed: 3, policy: arm });
    sim.run(5);
    const frn = capabilitiesOf(sim, 'FRN'); // FRN is state 0 in canonical order
    expect(frn.mil).toBeGreaterThan(mil.FRN[2]);
    expect(frn.eco).toBeLessThan(eco.FRN[2]);
  });

  it('paths are checked: equal lengths, known states, the start year covered, no growth beside a path', () => {
    const bad = input(1);
    const p = bad.paths!;
    expect(() => resolveScenario({
      ...bad,
      states: bad.states.map((s) => (s.id === 'GBR' ? { ...s, growth: { mil: 0.01 } } : s)),
      paths: { ...p, firstYear: 1901, capabilities: [...p.capabilities!, { state: 'XXX', mil: [1], eco: [1], pop: [1] }] },
    })).toThrowError(/states\[0\]\.growth.*replaces growth[\s\S]*paths\.capabilities\[2\]\.state.*unknown state "XXX"[\s\S]*1 yearly values, but the other paths have 3[\s\S]*paths.firstYear.*1901–1903, which does not include meta.startYear 1900/);
  });

  it('a set-trade event on a followed pair persists as a ratio to the proxy (N47), and a pair no event touched is exactly the proxy', () => {
    const share = { GBR: [0.2, 0.18, 0.16], FRN: [0.1, 0.11, 0.12] };
    // At 1901.0 (tick 4) the pair's trade is cut to 0.8 × the proxy of that tick: one documented sanctions act.
    const cut = 0.8 * share.GBR[1] * share.FRN[1];
    // ITA enters at 1901.5 (tick 6), so the world is rebuilt between the cut and the check: the ratio survives it.
    const scenario = resolveScenario(input(4, {
      states: [...input(4).states, { id: 'ITA', capabilities: { mil: 0.1, eco: 0.1, pop: 0.1 }, spells: [{ from: 1901.5 }] }],
      paths: { ...input(4).paths!, trade: [...input(4).paths!.trade!, { state: 'ITA', share: [0.05, 0.05, 0.04] }] },
      events: [{ at: { tick: 4 }, changes: [{ type: 'set-trade', between: ['GBR', 'FRN'], value: cut }] }],
    }));
    const sim = createSimulation(scenario, { seed: 3, policy: idle });
    sim.run(5);
    expect(sim.trade('GBR', 'FRN')).toBe(cut);
    sim.run(4); // 1902.0: the proxy has moved; the cut stays 0.8 of it (before N47 it was lost after one tick)
    expect(sim.trade('GBR', 'FRN')).toBeCloseTo(0.8 * share.GBR[2] * share.FRN[2], 15);
    expect(sim.trade('GBR', 'ITA')).toBe(share.GBR[2] * 0.04);
    sim.run(8); // held after the table's last year
    expect(sim.trade('GBR', 'FRN')).toBeCloseTo(0.8 * share.GBR[2] * share.FRN[2], 15);
  });
});
