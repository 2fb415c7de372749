import { describe, expect, it } from 'vitest';
import { saltelliSample } from '../../../src/experiments/saltelliSample.js';
import { normalQuantile, sobolIndices } from '../../../src/experiments/sobolIndices.js';

/** The Ishigami function (Ishigami & Homma 1990) with a = 7, b = 0.1 on [−π, π]^3. */
function ishigami(x: ArrayLike<number>, a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

/** Its analytic indices (Saltelli et al. 2008, §4.6; SALib's tests use the same values). */
function ishigamiIndices(a = 7, b = 0.1): { S1: number[]; ST: number[]; S13: number } {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (b ** 2 * Math.PI ** 8 * 8) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v], S13: v13 / v };
}

function evaluate(N: number, seed: number | string, f: (x: Float64Array) => number, D = 3): Float64Array {
  const design = saltelliSample(D, N, true, seed);
  const y = new Float64Array(design.size);
  for (let i = 0; i < design.size; i++) {
    const u = design.point(i);
    const x = u.map((v) => -Math.PI + 2 * Math.PI * v);
    y[i] = f(x);
  }
  return y;
}

describe('sobolIndices (Saltelli 2010 S1, Jansen ST, bootstrap intervals)', () => {
  const names = ['x1', 'x2', 'x3'];
  const exact = ishigamiIndices();

  it('the analytic Ishigami indices are the published ones', () => {
    expect(exact.S1[0]).toBeCloseTo(0.3139, 4);
    expect(exact.S1[1]).toBeCloseTo(0.4424, 4);
    expect(exact.ST[0]).toBeCloseTo(0.5576, 4);
    expect(exact.ST[2]).toBeCloseTo(0.2437, 4);
  });

  it('recovers the Ishigami indices at N = 2^12 within their bootstrap intervals (and within 0.03)', () => {
    const s = sobolIndices(evaluate(4096, 7, ishigami), names, { resamples: 300, seed: 1 });
    expect(s.samples).toBe(4096);
    s.first.forEach((p, j) => {
      // The 95% interval (with a 0.01 allowance for the bootstrap's own noise) holds the true value.
      expect(Math.abs(p.S1.estimate - exact.S1[j])).toBeLessThanOrEqual(p.S1.conf + 0.01);
      expect(Math.abs(p.ST.estimate - exact.ST[j])).toBeLessThanOrEqual(p.ST.conf + 0.01);
      expect(Math.abs(p.S1.estimate - exact.S1[j])).toBeLessThan(0.03);
      expect(Math.abs(p.ST.estimate - exact.ST[j])).toBeLessThan(0.03);
      // Intervals are informative: a few hundredths wide, not the whole [0, 1].
      expect(p.S1.conf).toBeGreaterThan(0);
      expect(p.S1.conf).toBeLessThan(0.1);
    });
    const s13 = s.second.find((p) => p.parameters[0] === 'x1' && p.parameters[1] === 'x3');
    expect(s13?.estimate).toBeCloseTo(exact.S13, 1);
    const s12 = s.second.find((p) => p.parameters[0] === 'x1' && p.parameters[1] === 'x2');
    expect(Math.abs(s12?.estimate ?? 1)).toBeLessThan(0.05);
  });

  it('without the BA blocks: N(D + 2) outputs, the same first and total order, no second order', () => {
    const design = saltelliSample(3, 1024, false, 3);
    expect(design.size).toBe(1024 * 5);
    const y = Float64Array.from({ length: design.size }, (_, i) => ishigami(design.point(i).map((v) => -Math.PI + 2 * Math.PI * v)));
    const s = sobolIndices(y, names, { secondOrder: false });
    expect(s.second).toEqual([]);
    expect(s.first[1].S1.estimate).toBeCloseTo(exact.S1[1], 1);
  });

  it('an additive linear function: S1 = ST = c_j² / Σ c²', () => {
    const c = [1, 2, 3];
    const y = evaluate(1024, 'lin', (x) => c[0] * x[0] + c[1] * x[1] + c[2] * x[2]);
    const s = sobolIndices(y, names);
    const total = c.reduce((t, v) => t + v * v, 0);
    s.first.forEach((p, j) => {
      expect(p.S1.estimate).toBeCloseTo((c[j] * c[j]) / total, 2);
      expect(p.ST.estimate).toBeCloseTo((c[j] * c[j]) / total, 2);
    });
  });

  it('is deterministic: the same outputs and seed give the same intervals', () => {
    const y = evaluate(256, 1, ishigami);
    expect(sobolIndices(y, names, { seed: 'a' })).toEqual(sobolIndices(y, names, { seed: 'a' }));
  });

  it('a constant output gives NaN indices, flagged constant', () => {
    const s = sobolIndices(new Float64Array(8 * 16).fill(2), names);
    expect(s.constant).toBe(true);
    expect(s.first[0].S1.estimate).toBeNaN();
  });

  it('refuses outputs that do not fill the design', () => {
    expect(() => sobolIndices(new Float64Array(10), names)).toThrow(/multiple of 8/);
  });

  it('normalQuantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
  });
});
