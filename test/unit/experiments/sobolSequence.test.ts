import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS } from '../../../src/experiments/joeKuoDirections.js';
import { sobolSequence } from '../../../src/experiments/sobolSequence.js';

/** Whether the first 2^m values of a coordinate hit each of the 2^m strata [k/2^m, (k+1)/2^m) once. */
function stratified(values: number[], m: number): boolean {
  const hits = new Uint8Array(2 ** m);
  for (const v of values) hits[Math.floor(v * 2 ** m)]++;
  return hits.every((h) => h === 1);
}

describe('sobolSequence (Joe–Kuo new-joe-kuo-6.21201, LMS + digital shift)', () => {
  it('unscrambled, gives the textbook first points', () => {
    const s = sobolSequence(3, null);
    const first = Array.from({ length: 8 }, (_, i) => Array.from(s.point(i)));
    expect(first.map((p) => p.slice(0, 2))).toEqual([
      [0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625],
    ]);
    expect(first.map((p) => p[2])).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('every one of the 128 coordinates is stratified at 2^8 points, scrambled or not', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(128);
    for (const seed of [null, 42]) {
      const s = sobolSequence(128, seed);
      const points = Array.from({ length: 256 }, (_, i) => s.point(i));
      for (let d = 0; d < 128; d++) expect(stratified(points.map((p) => p[d]), 8), `dimension ${d + 1}, seed ${seed}`).toBe(true);
    }
  });

  it('the first two coordinates form a (0, m, 2)-net: every 2^−a × 2^−(m−a) box holds one of 2^m points', () => {
    const s = sobolSequence(2, 'net');
    const m = 6;
    const points = Array.from({ length: 2 ** m }, (_, i) => s.point(i));
    for (let a = 0; a <= m; a++) {
      const boxes = new Set(points.map((p) => `${Math.floor(p[0] * 2 ** a)}:${Math.floor(p[1] * 2 ** (m - a))}`));
      expect(boxes.size).toBe(2 ** m);
    }
  });

  it('scrambling is seeded: the same seed gives the same points, another seed others; the origin is gone', () => {
    const a = sobolSequence(4, 7);
    const b = sobolSequence(4, 7);
    const c = sobolSequence(4, 8);
    expect(Array.from(a.point(5))).toEqual(Array.from(b.point(5)));
    expect(Array.from(a.point(5))).not.toEqual(Array.from(c.point(5)));
    expect(Array.from(a.point(0)).some((x) => x !== 0)).toBe(true);
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolSequence(129, 0)).toThrow(RangeError);
    expect(() => sobolSequence(0, 0)).toThrow(RangeError);
  });
});
