import { describe, expect, it } from 'vitest';
import { estimateBySimulatedMoments } from '../../src/calibration/estimateBySimulatedMoments.js';
import { MOMENT_COUNT, type Moments } from '../../src/calibration/simulatedMoments.js';
import { seededUniform } from '../../src/random/seededUniform.js';

const N = 1000;
const grid = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4];
const seeds = [0, 1, 2, 3, 4, 5, 6, 7];

/** Moments of a fake history: share_k = f_k(θ) plus seeded noise of one history of N state-years. */
function fake(f: (theta: number, k: number) => number) {
  return (theta: number, seed: number | string): Moments => {
    const u = seededUniform(`msm-test:${seed}`);
    const values = new Float64Array(MOMENT_COUNT);
    for (let k = 0; k < MOMENT_COUNT; k++) {
      const p = f(theta, k);
      let c = 0;
      for (let i = 0; i < N; i++) if (u() < p) c++;
      values[k] = c / N;
    }
    return { values, n: new Float64Array(MOMENT_COUNT).fill(N) };
  };
}

describe('estimateBySimulatedMoments', () => {
  it('recovers a parameter the moments move, inside its 95 % set, from a history drawn with other seeds', () => {
    const sim = fake((t, k) => 0.05 + 0.02 * t * (k % 2 === 0 ? 1 : 0.5));
    const r = estimateBySimulatedMoments({ name: 'theta', grid, seeds, observed: sim(1.7, 'observed'), simulate: sim });
    expect(r.identified).toBe(true);
    expect(r.flat).toBe(false);
    expect(r.lower as number).toBeLessThan(1.7);
    expect(r.upper as number).toBeGreaterThan(1.7);
    expect(r.estimate as number).toBeGreaterThan(r.lower as number);
    expect(r.estimate as number).toBeLessThan(r.upper as number);
    expect(r.points).toHaveLength(grid.length);
  });

  it('reports a parameter the moments do not move as not identified (flat objective), with no number', () => {
    const sim = fake(() => 0.1);
    const r = estimateBySimulatedMoments({ name: 'inert', grid, seeds, observed: sim(0, 'observed'), simulate: sim });
    expect(r.flat).toBe(true);
    expect(r.set).toEqual(grid);
    expect(r.identified).toBe(false);
    expect(r.estimate).toBeNull();
    expect(r.lower).toBeNull();
    expect(r.upper).toBeNull();
  });

  it('leaves a side open where the 95 % set reaches the end of the grid (no estimate)', () => {
    // The moments saturate above θ = 1: every larger value fits as well.
    const sim = fake((t) => 0.05 + 0.05 * Math.min(t, 1));
    const r = estimateBySimulatedMoments({ name: 'saturating', grid, seeds, observed: sim(3, 'observed'), simulate: sim });
    expect(r.upper).toBeNull();
    expect(r.lower).not.toBeNull();
    expect(r.identified).toBe(false);
    expect(r.estimate).toBeNull();
  });

  it('does not call a set reaching both ends of the grid with a gap between them flat (two minima): not identified either', () => {
    const sim = fake((t) => 0.05 + 0.01 * (t - 2) ** 2);
    const r = estimateBySimulatedMoments({ name: 'twoMinima', grid, seeds, observed: sim(0, 'observed'), simulate: sim });
    expect(r.flat).toBe(false);
    expect(r.identified).toBe(false);
    expect(r.estimate).toBeNull();
    expect(r.set).toContain(0);
    expect(r.set).toContain(4);
    expect(r.set).not.toContain(2);
  });

  it('skips grid values the simulator calls inadmissible, and uses the same seeds at every value', () => {
    const seen = new Map<number, number[]>();
    const sim = fake((t) => 0.05 + 0.02 * t);
    const r = estimateBySimulatedMoments({
      name: 'theta', grid, seeds, observed: sim(2, 'observed'),
      simulate: (t, seed) => {
        if (t > 3) return null;
        seen.set(t, [...(seen.get(t) ?? []), seed]);
        return sim(t, seed);
      },
    });
    expect(r.skipped).toEqual([3.5, 4]);
    for (const list of seen.values()) expect(list).toEqual(seeds);
  });

  it('rejects a grid of fewer than three values, one not ascending, or fewer than two seeds', () => {
    const sim = fake(() => 0.1);
    const observed = sim(0, 'o');
    expect(() => estimateBySimulatedMoments({ name: 'x', grid: [0, 1], seeds, observed, simulate: sim })).toThrow(/three values/);
    expect(() => estimateBySimulatedMoments({ name: 'x', grid: [0, 2, 1], seeds, observed, simulate: sim })).toThrow(/ascending/);
    expect(() => estimateBySimulatedMoments({ name: 'x', grid, seeds: [0], observed, simulate: sim })).toThrow(/two seeds/);
  });
});
