import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/calibration/nelderMead.js';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, Float64Array.from([-1.2, 1]), { maxEvaluations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('with the extreme barrier ends on the feasible side of a constraint the free minimum violates', () => {
    // min (x−2)² + (y−2)² subject to x + y ≤ 2: the constrained minimum is (1, 1).
    const r = nelderMead((x) => (x[0] + x[1] > 2 ? Infinity : (x[0] - 2) ** 2 + (x[1] - 2) ** 2), Float64Array.from([0, 0]), { maxEvaluations: 4000 });
    expect(r.x[0] + r.x[1]).toBeLessThanOrEqual(2);
    expect(r.f).toBeLessThan(2.01);
  });

  it('says when the budget ran out', () => {
    const r = nelderMead((x) => (x[0] - 3) ** 2, Float64Array.from([0]), { maxEvaluations: 5 });
    expect(r.converged).toBe(false);
  });

  it('refuses an infeasible start', () => {
    expect(() => nelderMead(() => Infinity, Float64Array.from([0]))).toThrow(/not feasible/);
  });
});
