import { describe, expect, it } from 'vitest';
import { morrisEffects } from '../../../src/experiments/morrisEffects.js';
import { morrisTrajectories } from '../../../src/experiments/morrisTrajectories.js';

function run(D: number, r: number, levels: number, f: (x: Float64Array) => number, seed: number | string = 1) {
  const t = morrisTrajectories(D, r, levels, seed);
  const points = Array.from({ length: t.size }, (_, i) => t.point(i));
  return { t, points, outputs: points.map(f) };
}

describe('morrisTrajectories and morrisEffects (Morris 1991, μ* of Campolongo et al. 2007)', () => {
  it('trajectories: D + 1 points on the p-level grid in [0, 1], consecutive points differing in one coordinate by ±Δ', () => {
    const { t, points } = run(5, 20, 4, () => 0);
    expect(t.delta).toBeCloseTo(2 / 3, 15);
    expect(points).toHaveLength(20 * 6);
    for (let k = 0; k < 20; k++) {
      const moved = new Set<number>();
      for (let m = 1; m <= 5; m++) {
        const a = points[k * 6 + m - 1];
        const b = points[k * 6 + m];
        const diffs = Array.from(b, (v, j) => v - a[j]).map((d, j) => [d, j] as const).filter(([d]) => Math.abs(d) > 1e-12);
        expect(diffs).toHaveLength(1);
        expect(Math.abs(diffs[0][0])).toBeCloseTo(2 / 3, 12);
        moved.add(diffs[0][1]);
      }
      expect(moved.size).toBe(5); // every parameter moves once per trajectory
    }
    for (const p of points) for (const v of p) {
      expect(v).toBeGreaterThanOrEqual(-1e-12);
      expect(v).toBeLessThanOrEqual(1 + 1e-12);
      expect(Math.abs(v * 3 - Math.round(v * 3))).toBeLessThan(1e-9); // on the grid {0, 1/3, 2/3, 1}
    }
  });

  it('a linear function: μ* = |c_j| and μ = c_j exactly, σ = 0, and the ranking follows |c|', () => {
    const c = [3, -0.5, 0, 1.25];
    const { t, points, outputs } = run(4, 12, 4, (x) => c.reduce((s, cj, j) => s + cj * x[j], 10), 'linear');
    const e = morrisEffects(points, outputs, ['a', 'b', 'c', 'd'], t.delta);
    e.forEach((p, j) => {
      expect(p.n).toBe(12);
      expect(p.muStar.estimate).toBeCloseTo(Math.abs(c[j]), 10);
      expect(p.mu).toBeCloseTo(c[j], 10);
      expect(p.sigma).toBeCloseTo(0, 10);
    });
    const ranking = [...e].sort((x, y) => y.muStar.estimate - x.muStar.estimate).map((p) => p.parameter);
    expect(ranking).toEqual(['a', 'd', 'b', 'c']);
  });

  it('an interaction shows in σ, and a sign change makes μ < μ*', () => {
    // f = x1 · x2 + (x3 − 0.5)²: x1 and x2 interact; x3's effect changes sign.
    const { t, points, outputs } = run(3, 50, 6, (x) => x[0] * x[1] + (x[2] - 0.5) ** 2, 3);
    const [a, b, c] = morrisEffects(points, outputs, ['x1', 'x2', 'x3'], t.delta, { seed: 9 });
    expect(a.sigma).toBeGreaterThan(0.1);
    expect(b.sigma).toBeGreaterThan(0.1);
    expect(Math.abs(c.mu)).toBeLessThan(c.muStar.estimate);
    expect(a.muStar.conf).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const x = run(3, 10, 4, (v) => v[0] ** 2 + v[1], 'same');
    const y = run(3, 10, 4, (v) => v[0] ** 2 + v[1], 'same');
    expect(x.points.map((p) => Array.from(p))).toEqual(y.points.map((p) => Array.from(p)));
    expect(morrisEffects(x.points, x.outputs, ['a', 'b', 'c'], x.t.delta)).toEqual(morrisEffects(y.points, y.outputs, ['a', 'b', 'c'], y.t.delta));
  });
});
