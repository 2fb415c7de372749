import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, type ScenarioInput } from '../../../src/index.js';
import type { TickRecord } from '../../../src/metrics/TickRecord.js';
import { parseScenario } from '../../../src/scenario/file/parseScenario.js';
import { formatIssue, ScenarioError } from '../../../src/scenario/ScenarioError.js';

type Caps = { mil: number; eco: number; pop: number };

/** A small world of three states with the given capabilities and growth rates (the same for every component). */
function world(caps: readonly Caps[], growth: readonly number[] = [0, 0, 0], trade = 0): ScenarioInput {
  return {
    meta: { id: 'bounded' },
    states: ['A', 'B', 'C'].map((id, i) => ({
      id, capabilities: { ...caps[i] }, ideology: 0.3 + 0.2 * i, major: true,
      growth: { mil: growth[i], eco: growth[i], pop: growth[i] },
    })),
    dyads: trade > 0 ? [{ between: ['A', 'B'], trade }] : [],
  };
}

const scaled = (caps: readonly Caps[], c: number): Caps[] => caps.map((k) => ({ mil: k.mil * c, eco: k.eco * c, pop: k.pop * c }));

/** Every record of a run, and each state's CINC share after every tick, as one comparable list. */
function trace(input: ScenarioInput, ticks: number): { records: TickRecord[]; cinc: number[][] } {
  const sim = createSimulation(resolveScenario(input), { seed: 7 });
  const records: TickRecord[] = [];
  const cinc: number[][] = [];
  for (let t = 0; t < ticks; t++) {
    records.push(sim.step());
    cinc.push(sim.world.states.map((s) => s.cinc));
  }
  return { records, cinc };
}

const base: Caps[] = [{ mil: 3, eco: 5, pop: 2 }, { mil: 2, eco: 2, pop: 3 }, { mil: 1.5, eco: 3, pop: 4 }];

/** Issues of a scenario file (fails the test when it parses). */
function problems(text: string): string[] {
  try {
    parseScenario(text, 'yaml', { file: 'big.yaml' });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
  }
  return expect.fail('parseScenario did not throw');
}

describe('capabilities stay bounded (issue #11 item 6)', () => {
  it('a 200,000-tick run with 5 % growth on every state stays finite: CINC finite, effectivePoles > 0', () => {
    const sim = createSimulation(resolveScenario(world(base, [0.05, 0.05, 0.05])), { seed: 3 });
    let bad = '';
    for (let t = 0; t < 200_000 && bad === ''; t++) {
      const r = sim.step();
      if (!(Number.isFinite(r.effectivePoles) && r.effectivePoles > 0 && Number.isFinite(r.con))) bad = `tick ${t}: effectivePoles ${r.effectivePoles}, con ${r.con}`;
    }
    expect(bad).toBe('');
    const cinc = sim.world.states.map((s) => s.cinc);
    expect(cinc.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    expect(cinc.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('unequal growth for 30,000 ticks: the states left behind keep a finite, positive share', () => {
    const sim = createSimulation(resolveScenario(world(base, [0.08, 0.02, -0.01])), { seed: 3 });
    for (let t = 0; t < 30_000; t++) {
      const r = sim.step();
      if (!(Number.isFinite(r.effectivePoles) && r.effectivePoles > 0)) expect.fail(`tick ${t}: effectivePoles ${r.effectivePoles}`);
    }
    const cinc = sim.world.states.map((s) => s.cinc);
    expect(cinc.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
  });

  it('rescaling is exact: the same world in units 2^100 larger gives bit-identical records and shares', () => {
    // 1.05^3000 ≈ 2^211: both runs rescale, at different ticks.
    const small = trace(world(base, [0.05, 0.05, 0.05], 1.5), 3000);
    const large = trace(world(scaled(base, 2 ** 100), [0.05, 0.05, 0.05], 1.5 * 2 ** 100), 3000);
    expect(large.cinc).toEqual(small.cinc);
    expect(large.records).toEqual(small.records);
  });

  it('mil: 1.7e308 is handled exactly (no overflow of the sums): same as the world 2^1000 smaller', () => {
    const huge: Caps[] = [{ mil: 1.7e308, eco: 1.7e308, pop: 1.7e308 }, { mil: 1.7e308, eco: 1e308, pop: 0.5e308 }, { mil: 0.85e308, eco: 1e300, pop: 1.7e308 }];
    const got = trace(world(huge), 20);
    const want = trace(world(scaled(huge, 2 ** -1000)), 20);
    expect(got.cinc.flat().every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    expect(got.cinc).toEqual(want.cinc);
    expect(got.records).toEqual(want.records);
  });

  it('5e-324 (subnormal) capabilities are handled exactly: same as the world 2^1074 larger', () => {
    const tiny: Caps[] = [{ mil: 5e-324, eco: 1e-323, pop: 1.5e-323 }, { mil: 1e-323, eco: 1e-323, pop: 5e-324 }, { mil: 1.5e-323, eco: 5e-324, pop: 1e-323 }];
    const got = trace(world(tiny), 20);
    const want = trace(world([{ mil: 1, eco: 2, pop: 3 }, { mil: 2, eco: 2, pop: 1 }, { mil: 3, eco: 1, pop: 2 }]), 20);
    expect(got.cinc.flat().every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    expect(got.cinc).toEqual(want.cinc);
    expect(got.records).toEqual(want.records);
  });

  it('capabilities that cannot be represented beside the largest are rejected with file:line:column', () => {
    expect(problems([
      'meta: { id: big }', //                                                    1
      'states:', //                                                              2
      '  - id: A', //                                                            3
      '    capabilities: { mil: 1.7e308, eco: 1, pop: 1 }', //                   4
      '  - id: B', //                                                            5
      '    capabilities: { mil: 5e-324, eco: 1, pop: 1 }', //                    6
    ].join('\n'))).toEqual([
      'big.yaml:4:35  states[0].capabilities.eco  eco = 1 cannot be represented beside states[0].capabilities.mil = 1.7e+308: '
        + 'a capability must be at least 2^−384 (about 2.6e-116) of the largest capability or trade value, or its share underflows',
      'big.yaml:4:43  states[0].capabilities.pop  pop = 1 cannot be represented beside states[0].capabilities.mil = 1.7e+308: '
        + 'a capability must be at least 2^−384 (about 2.6e-116) of the largest capability or trade value, or its share underflows',
      'big.yaml:6:21  states[1].capabilities.mil  mil = 5e-324 cannot be represented beside states[0].capabilities.mil = 1.7e+308: '
        + 'a capability must be at least 2^−384 (about 2.6e-116) of the largest capability or trade value, or its share underflows',
      'big.yaml:6:34  states[1].capabilities.eco  eco = 1 cannot be represented beside states[0].capabilities.mil = 1.7e+308: '
        + 'a capability must be at least 2^−384 (about 2.6e-116) of the largest capability or trade value, or its share underflows',
      'big.yaml:6:42  states[1].capabilities.pop  pop = 1 cannot be represented beside states[0].capabilities.mil = 1.7e+308: '
        + 'a capability must be at least 2^−384 (about 2.6e-116) of the largest capability or trade value, or its share underflows',
    ]);
    expect(problems([
      'meta: { id: big }',
      'states:',
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 }, growth: { mil: 1e20 } }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
    ].join('\n'))).toEqual(['big.yaml:3:66  states[0].growth.mil  a growth rate must be at most 2^64 (about 1.8e19) per tick']);
  });

  it('a growth expression that gives a non-representable rate is rejected at the start and during the run', () => {
    expect(() => resolveScenario({ ...world(base), states: [{ ...world(base).states[0], growth: { mil: '1e30' } }, ...world(base).states.slice(1)] }))
      .toThrow(/gives 1e\+30 at the start; it must be greater than −1 and at most 2\^64/);
    const late = resolveScenario({ ...world(base), states: [{ ...world(base).states[0], growth: { mil: 'tick > 2 ? 1e300 : 0.01' } }, ...world(base).states.slice(1)] });
    const sim = createSimulation(late, { seed: 1 });
    expect(() => { for (let t = 0; t < 5; t++) sim.step(); }).toThrow(/gave 1e\+300; a growth rate must be greater than −1 and at most 2\^64/);
  });

  it('set-state capabilities after a rescale are taken in the scenario\'s unit', () => {
    const run = (c: number): TickRecord[] => {
      const sim = createSimulation(resolveScenario(world(scaled(base, c), [0.05, 0.05, 0.05])), { seed: 5 });
      const out: TickRecord[] = [];
      for (let t = 0; t < 2000; t++) out.push(sim.step());
      // 1.05^2000 ≈ 2^141: the run with c = 2^60 has rescaled, the other not yet.
      sim.apply({ type: 'set-state', state: 'B', field: 'mil', value: 1e40 * c });
      sim.apply({ type: 'set-trade', between: ['A', 'C'], value: 1e41 * c });
      for (let t = 0; t < 50; t++) out.push(sim.step());
      return out;
    };
    expect(run(2 ** 60)).toEqual(run(1));
  });
});
