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
});
