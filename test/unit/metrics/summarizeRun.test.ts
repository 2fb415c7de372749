import { describe, expect, it } from 'vitest';
import { resolveScenario, runSimulation, summarizeRun } from '../../../src/index.js';
import { randomWorld } from '../../support/randomWorld.js';

describe('summarizeRun', () => {
  it('shares sum to 1, totals match the records, periods cover the run', () => {
    const result = runSimulation(resolveScenario(randomWorld(21)), { seed: 3, ticks: 95 });
    const summary = summarizeRun(result);
    const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(summary.actionShares)).toBeCloseTo(1, 12);
    expect(sum(summary.familyShares)).toBeCloseTo(1, 12);
    expect(summary.aggressions).toBe(result.records.reduce((t, r) => t + r.aggressions, 0));
    expect(summary.alliancesFormed).toBe(result.events.filter((e) => e.type === 'alliance-formed').length);
    expect(summary.periods).toHaveLength(10);
    expect(summary.periods[0].fromTick).toBe(0);
    expect(summary.periods.at(-1)?.toTick).toBe(94);
    for (const p of summary.periods) {
      expect(sum(p.familyShares)).toBeCloseTo(1, 12);
      for (const f of Object.keys(p.familyShares) as (keyof typeof p.familyShares)[]) {
        expect(p.familyShares[p.dominantFamily]).toBeGreaterThanOrEqual(p.familyShares[f]);
      }
    }
    expect(sum(summary.finalShares)).toBeCloseTo(1, 12);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('reports friction beside the families: balancing shares leave it out, family shares keep it (model §5.9)', () => {
    const result = runSimulation(resolveScenario(randomWorld(21)), { seed: 3, ticks: 95 });
    const summary = summarizeRun(result);
    const total = (f: (r: (typeof result.records)[number]) => number): number => result.records.reduce((t, r) => t + f(r), 0);
    const acts = total((r) => r.families.accommodate + r.families.hard + r.families.soft + r.families.institutional);
    const friction = total((r) => r.friction);
    expect(summary.friction).toEqual({ soft: total((r) => r.frictionSoft), institutional: total((r) => r.frictionInstitutional) });
    expect(summary.friction.soft + summary.friction.institutional).toBe(friction);
    expect(friction).toBeGreaterThan(0); // the comparison below would be vacuous otherwise
    expect(summary.frictionShare).toBeCloseTo(friction / acts, 12);
    expect(summary.balancingShares.institutional).toBeCloseTo(
      (total((r) => r.families.institutional) - summary.friction.institutional) / (acts - friction), 12);
    expect(summary.familyShares.institutional).toBeCloseTo(total((r) => r.families.institutional) / acts, 12);
    for (const r of result.records) expect(r.balancing.soft).toBe(r.families.soft - r.frictionSoft);
  });

  it('aggregates the dual-track pairs per (power, state) with the venues of each track', () => {
    const result = runSimulation(resolveScenario(randomWorld(21)), { seed: 3, ticks: 4 });
    const pair = (state: string, power: string, inclusive: string, exclusive: string) => ({ state, power, inclusive, exclusive });
    result.records[0].dualTrack = [pair('B', 'A', 'UN', 'CLUB')];
    result.records[1].dualTrack = [pair('B', 'A', 'NATO', 'CLUB'), pair('C', 'A', 'UN', 'SCO')];
    result.records[2].dualTrack = [pair('A', 'Z', 'UN', 'SCO')];
    result.records[3].dualTrack = [];
    for (const r of result.records) r.dualTrackPairs = r.dualTrack.length;
    const summary = summarizeRun(result);
    expect(summary.dualTrackPairTicks).toBe(4);
    expect(summary.dualTrack).toEqual([
      { power: 'A', state: 'B', ticks: 2, inclusive: { UN: 1, NATO: 1 }, exclusive: { CLUB: 2 } },
      { power: 'A', state: 'C', ticks: 1, inclusive: { UN: 1 }, exclusive: { SCO: 1 } },
      { power: 'Z', state: 'A', ticks: 1, inclusive: { UN: 1 }, exclusive: { SCO: 1 } },
    ]);
  });
});

describe('summarizeRun: accession procedures (model §5.12, note N59)', () => {
  it('counts applications, blocks, admissions and lapses per tick, per state and per institution, as the events record them', () => {
    const input = {
      meta: { id: 'procedures-run', startYear: 2000 },
      states: [
        { id: 'A', capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.9, offensive: 0.9 },
        { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
        { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
        { id: 'D', capabilities: { mil: 1, eco: 1, pop: 1 } },
        { id: 'E', capabilities: { mil: 1, eco: 1, pop: 1 } },
      ],
      institutions: [{ id: 'Q', members: ['A', 'B'], strength: 0.5 }, { id: 'R', members: ['B', 'C'], strength: 0.4, strictness: 0.9 }],
    };
    // The first seed whose run has applications (rare events: which seed depends on the model's dynamics).
    const runs = Array.from({ length: 20 }, (_, k) => runSimulation(resolveScenario(input), { seed: k + 1, ticks: 60 }));
    const result = runs.find((r) => r.events.some((e) => e.type === 'application')) ?? runs[0];
    const summary = summarizeRun(result);
    const events = (type: string): typeof result.events => result.events.filter((e) => e.type === type);
    expect(summary.applications).toBeGreaterThan(0); // else the checks below are vacuous
    expect(summary.applications).toBe(events('application').length);
    expect(summary.applicationsLapsed).toBe(events('application-lapsed').length);
    expect(summary.accessions).toBe(events('accession').filter((e) => e.type === 'accession' && e.admitted).length);
    expect(summary.blocks).toBe(result.records.reduce((t, r) => t + r.blocks, 0));
    for (const r of result.records) {
      expect(r.procedures.reduce((t, p) => t + p.applied, 0)).toBe(r.applications);
      expect(r.procedures.reduce((t, p) => t + p.blocksCast, 0)).toBe(r.blocks);
      expect(r.procedures.reduce((t, p) => t + p.blocksReceived, 0)).toBe(r.blocks);
      expect(r.procedures.reduce((t, p) => t + p.admitted, 0)).toBe(r.accessions);
    }
    const sum = <T>(list: T[], f: (x: T) => number): number => list.reduce((t, x) => t + f(x), 0);
    expect(sum(summary.proceduresByState, (s) => s.applications)).toBe(summary.applications);
    expect(sum(summary.proceduresByInstitution, (s) => s.applications)).toBe(summary.applications);
    expect(sum(summary.proceduresByState, (s) => s.blocksCast)).toBe(summary.blocks);
    expect(sum(summary.proceduresByInstitution, (s) => s.blocks)).toBe(summary.blocks);
    for (const s of summary.proceduresByState) {
      expect(s.applications).toBe(events('application').filter((e) => e.type === 'application' && e.state === s.state).length);
    }
    expect(summary.proceduresByState.map((s) => s.state)).toEqual([...summary.proceduresByState.map((s) => s.state)].sort());
  });
});
