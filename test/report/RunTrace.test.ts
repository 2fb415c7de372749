import { describe, expect, it } from 'vitest';
import { createSimulation, FAMILIES, resolveScenario, runSimulation } from '../../src/index.js';
import { defaultThreatTicks, RunTrace } from '../../src/report/RunTrace.js';
import { traceRun } from '../../src/report/traceRun.js';

const scenario = resolveScenario({
  meta: { id: 'trace', startYear: 2000 },
  states: [
    { id: 'A', capabilities: { mil: 6, eco: 6, pop: 4 }, ideology: 0.7, revisionism: 0.6, major: true },
    { id: 'B', capabilities: { mil: 3, eco: 5, pop: 3 }, major: true },
    { id: 'C', capabilities: { mil: 1, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 1, eco: 1, pop: 1 } },
  ],
  dyads: [{ between: ['B', 'C'], trade: 0.3 }],
  institutions: [{ id: 'UN', members: ['A', 'B', 'C', 'D'], strength: 0.6 }, { id: 'CLUB', members: ['B', 'C'], strength: 0.5 }],
});

describe('RunTrace and traceRun', () => {
  it('defaultThreatTicks: first, quartiles and last, without repeats', () => {
    expect(defaultThreatTicks(100)).toEqual([0, 25, 50, 74, 99]);
    expect(defaultThreatTicks(3)).toEqual([0, 1, 2]);
    expect(defaultThreatTicks(1)).toEqual([0]);
    expect(defaultThreatTicks(0)).toEqual([]);
  });

  it('traceRun gives the records and events of runSimulation with the same seed', () => {
    const { result } = traceRun(scenario, { seed: 5, ticks: 30 });
    const plain = runSimulation(scenario, { seed: 5, ticks: 30 });
    expect(result.records).toEqual(plain.records);
    expect(result.events).toEqual(plain.events);
    expect(result.final).toEqual(plain.final);
  });

  it('the states table agrees with the tick records: one row per state and tick, family counts equal', () => {
    const { result, tables } = traceRun(scenario, { seed: 9, ticks: 25 });
    expect(tables.states).toHaveLength(25 * 4);
    for (const r of result.records) {
      const rows = tables.states.filter((s) => s.tick === r.tick);
      expect(rows.map((s) => s.state)).toEqual(['A', 'B', 'C', 'D']);
      for (const f of FAMILIES) expect(rows.filter((s) => s.family === f).length).toBe(r.families[f]);
    }
  });

  it('the threat matrix is recorded at the chosen ticks only, and matches Simulation.threat', () => {
    const sim = createSimulation(scenario, { seed: 3 });
    const trace = new RunTrace({ ticks: 10, threatTicks: [2, 7] });
    const at7: number[] = [];
    for (let t = 0; t < 10; t++) {
      sim.step();
      trace.record(sim);
      if (t === 7) at7.push(sim.threat('A', 'B'), sim.threat('D', 'A'));
    }
    expect([...new Set(trace.tables.threats.map((r) => r.tick))]).toEqual([2, 7]);
    expect(trace.tables.threats.filter((r) => r.tick === 7)).toHaveLength(12);
    const cell = (from: string, to: string) => trace.tables.threats.find((r) => r.tick === 7 && r.from === from && r.to === to)?.threat;
    expect([cell('A', 'B'), cell('D', 'A')]).toEqual(at7);
  });

  it('memberships: inclusive exactly when the group holds the state\'s main threat', () => {
    const { tables } = traceRun(scenario, { seed: 1, ticks: 15 });
    const mainThreat = new Map(tables.states.map((s) => [`${s.tick}:${s.state}`, s.mainThreat]));
    // The members of each group at each tick, as the table lists them (an aggressor can be suspended, model §5.13).
    const members = new Map<string, Set<string>>();
    for (const r of tables.memberships.filter((x) => x.kind === 'institution')) {
      const key = `${r.tick}:${r.group}`;
      if (!members.has(key)) members.set(key, new Set());
      members.get(key)?.add(r.state);
    }
    for (const m of tables.memberships.filter((r) => r.kind === 'institution' && (r.group === 'UN' || r.group === 'CLUB'))) {
      expect(m.mainThreat).toBe(mainThreat.get(`${m.tick}:${m.state}`));
      expect(m.relation).toBe(members.get(`${m.tick}:${m.group}`)?.has(m.mainThreat) === true ? 'inclusive' : 'exclusive');
    }
    expect(tables.memberships.filter((r) => r.group === 'UN' && r.tick === 0)).toHaveLength(4);
  });

  it('is deterministic', () => {
    expect(traceRun(scenario, { seed: 11, ticks: 20 }).tables).toEqual(traceRun(scenario, { seed: 11, ticks: 20 }).tables);
  });

  it('record before any tick is an error', () => {
    expect(() => new RunTrace({ ticks: 1 }).record(createSimulation(scenario))).toThrow(RangeError);
  });
});
