import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentration, effectivePoles } from '../../../src/metrics/concentration.js';

describe('concentration: Ray & Singer CON (THEORY §3, §5.2)', () => {
  it('two states 3:1 → shares 0.75/0.25, Σ S² = 0.625, CON = sqrt(0.125/0.5) = 0.5', () => {
    expect(concentration([3, 1])).toBeCloseTo(0.5, 14);
  });

  it('three states 0.5/0.3/0.2 → Σ S² = 0.38, CON = sqrt((0.38 − 1/3)/(2/3)) = sqrt(0.07)', () => {
    expect(concentration([0.5, 0.3, 0.2])).toBeCloseTo(Math.sqrt(0.07), 12);
    expect(concentration(Float64Array.from([5, 3, 2]))).toBeCloseTo(Math.sqrt(0.07), 12);
  });

  it('monopoly → 1', () => {
    expect(concentration([0, 7, 0, 0])).toBe(1);
    expect(concentration([2, 0])).toBe(1);
  });

  it('equal shares → 0 for n = 2, 3', () => {
    expect(concentration([4, 4])).toBe(0);
    expect(concentration([0.2, 0.2, 0.2])).toBe(0);
  });

  // M5 "CON = 0 iff all shares are equal": exactly 0, not 0 up to rounding (Σ S² − 1/N leaves
  // ~1e-16, which the square root would turn into ~1e-8).
  it('M5: equal shares give exactly 0 for any n', () => {
    for (const n of [2, 3, 4, 5, 6, 7, 10, 100]) {
      expect(concentration(new Array<number>(n).fill(0.1)), `n = ${n}`).toBe(0);
    }
    expect(concentration([1, 1, 1, 1, 1])).toBe(0);
  });

  it('a single state holds everything → 1; no states or zero total → 0', () => {
    expect(concentration([3])).toBe(1);
    expect(concentration([])).toBe(0);
    expect(concentration([0, 0, 0])).toBe(0);
  });

  it('include selects the set (e.g. the great powers)', () => {
    expect(concentration([3, 100, 1], [1, 0, 1])).toBeCloseTo(0.5, 14);
    expect(concentration([3, 100, 1], Uint8Array.from([0, 1, 0]))).toBe(1);
    expect(concentration([3, 100, 1], [0, 0, 0])).toBe(0);
  });

  it('M5: in [0, 1], invariant to permutation and to scale (fast-check)', () => {
    const arr = fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 2, maxLength: 12 });
    fc.assert(fc.property(arr, fc.double({ min: 0.01, max: 100, noNaN: true }), (xs, c) => {
      const con = concentration(xs);
      if (!(con >= 0 && con <= 1)) return false;
      const reversed = concentration([...xs].reverse());
      const scaled = concentration(xs.map((x) => x * c));
      return Math.abs(con - reversed) < 1e-7 && Math.abs(con - scaled) < 1e-7;
    }), { numRuns: 200 });
  });

  it('moving capability from the weaker to the stronger raises CON', () => {
    expect(concentration([6, 4])).toBeLessThan(concentration([7, 3]));
    expect(concentration([7, 3])).toBeCloseTo(0.4, 12); // shares .7/.3 → sqrt((0.58 − 0.5)/0.5) = 0.4
  });
});

describe('effectivePoles: 1/Σ S²', () => {
  it('hand examples', () => {
    expect(effectivePoles([3, 1])).toBeCloseTo(1.6, 14);
    expect(effectivePoles([0.5, 0.3, 0.2])).toBeCloseTo(1 / 0.38, 12);
    expect(effectivePoles([1, 1, 1, 1])).toBeCloseTo(4, 12);
    expect(effectivePoles([0, 5, 0])).toBe(1);
  });

  it('respects include and returns 0 for an empty or zero set', () => {
    expect(effectivePoles([3, 100, 1], [1, 0, 1])).toBeCloseTo(1.6, 14);
    expect(effectivePoles([])).toBe(0);
    expect(effectivePoles([1, 2], [0, 0])).toBe(0);
  });
});
