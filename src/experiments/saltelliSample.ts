import { sobolSequence } from './sobolSequence.js';

/** A Saltelli design in the unit cube: N(2D + 2) (or N(D + 2)) points built from a 2D-dimensional Sobol' sequence. */
export interface SaltelliSample {
  /** Parameters D. */
  readonly parameters: number;
  /** Base samples N. */
  readonly samples: number;
  /** Whether the BA blocks (for second-order indices) are included. */
  readonly secondOrder: boolean;
  /** Points per base sample: 2D + 2, or D + 2 without the BA blocks. */
  readonly step: number;
  /** Number of points, N × step. */
  readonly size: number;
  /** The point at `index` in the unit cube [0, 1)^D. Pure. */
  point(index: number): Float64Array;
}

/**
 * Saltelli's sampling scheme (Saltelli 2002; Saltelli et al. 2010) as SALib's `sample.sobol` builds it
 * (SALib/SALib, src/SALib/sample/sobol.py): base sample i is point i of a scrambled Sobol' sequence of
 * 2D dimensions, its first D coordinates the row A_i, its last D the row B_i. For each i the points
 * are, in this order: A_i; AB_i,j for j = 1 … D (A_i with coordinate j taken from B_i); when
 * `secondOrder`, BA_i,j for j = 1 … D (B_i with coordinate j taken from A_i); and B_i — so
 * N(2D + 2) points, or N(D + 2) without second order. Pure: the same arguments give the same points.
 *
 * @param parameters D ≥ 1 (at most 64: the sequence has 2D dimensions).
 * @param samples N, a power of two (the Sobol' sequence's balance holds for powers of two).
 * @param seed the scramble's seed.
 */
export function saltelliSample(parameters: number, samples: number, secondOrder: boolean, seed: number | string): SaltelliSample {
  const D = parameters;
  const base = sobolSequence(2 * D, seed);
  const step = secondOrder ? 2 * D + 2 : D + 2;
  const size = samples * step;
  return {
    parameters: D, samples, secondOrder, step, size,
    point(index: number): Float64Array {
      if (!(Number.isInteger(index) && index >= 0 && index < size)) throw new RangeError(`point ${index} is outside the design (0…${size - 1})`);
      const i = Math.floor(index / step);
      const k = index - i * step;
      const row = base.point(i);
      const a = row.subarray(0, D);
      const b = row.subarray(D, 2 * D);
      if (k === 0) return Float64Array.from(a);
      if (k === step - 1) return Float64Array.from(b);
      if (k <= D) {
        const out = Float64Array.from(a);
        out[k - 1] = b[k - 1];
        return out;
      }
      const out = Float64Array.from(b);
      out[k - 1 - D] = a[k - 1 - D];
      return out;
    },
  };
}
