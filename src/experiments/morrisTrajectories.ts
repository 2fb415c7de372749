import { canonicalJson } from './canonicalJson.js';
import { seededUniform } from '../random/seededUniform.js';

/** Morris trajectories in the unit cube: r(D + 1) points on a p-level grid. */
export interface MorrisTrajectories {
  /** Parameters D. */
  readonly parameters: number;
  /** Trajectories r. */
  readonly trajectories: number;
  /** Grid levels p. */
  readonly levels: number;
  /** The step Δ = p / (2(p − 1)). */
  readonly delta: number;
  /** Number of points, r(D + 1). */
  readonly size: number;
  /** The point at `index` in [0, 1]^D: trajectory ⌊index / (D + 1)⌋, step index mod (D + 1). Pure. */
  point(index: number): Float64Array;
}

/**
 * Morris's (1991) one-at-a-time trajectories, as SALib's `sample.morris` draws them without
 * optimisation (SALib/SALib, src/SALib/sample/morris/morris.py: _generate_trajectory, B* = J x* +
 * (Δ/2)((2B − J)D* + J) P*): each trajectory starts at a random base point x* whose coordinates are
 * drawn from the levels {0, 1/(p−1), …} below 1 − Δ, then moves the parameters one at a time in a
 * random order, each by Δ = p / (2(p − 1)) up or down (a random direction; a parameter moving down
 * starts at x*_j + Δ), so every point stays in [0, 1] and consecutive points differ in one
 * coordinate by exactly ±Δ. The trajectories are drawn from a seeded stream (never Math.random).
 *
 * @param levels p, even and ≥ 2 (4 is usual).
 */
export function morrisTrajectories(parameters: number, trajectories: number, levels: number, seed: number | string): MorrisTrajectories {
  const D = parameters;
  const p = levels;
  const delta = p / (2 * (p - 1));
  const grid = Array.from({ length: p / 2 }, (_, k) => k / (p - 1));
  const next = seededUniform(`morris:${canonicalJson(seed)}`);
  const starts: Float64Array[] = [];
  const orders: Int32Array[] = [];
  const directions: Int8Array[] = [];
  for (let t = 0; t < trajectories; t++) {
    const start = new Float64Array(D);
    const direction = new Int8Array(D);
    for (let j = 0; j < D; j++) {
      const base = grid[Math.floor(next() * grid.length)];
      direction[j] = next() < 0.5 ? -1 : 1;
      start[j] = direction[j] < 0 ? base + delta : base;
    }
    const order = new Int32Array(D);
    for (let j = 0; j < D; j++) order[j] = j;
    for (let j = D - 1; j > 0; j--) {
      const k = Math.floor(next() * (j + 1));
      const tmp = order[j]; order[j] = order[k]; order[k] = tmp;
    }
    starts.push(start);
    orders.push(order);
    directions.push(direction);
  }
  const size = trajectories * (D + 1);
  return {
    parameters: D, trajectories, levels: p, delta, size,
    point(index: number): Float64Array {
      if (!(Number.isInteger(index) && index >= 0 && index < size)) throw new RangeError(`point ${index} is outside the design (0…${size - 1})`);
      const t = Math.floor(index / (D + 1));
      const steps = index - t * (D + 1);
      const x = Float64Array.from(starts[t]);
      for (let m = 0; m < steps; m++) {
        const j = orders[t][m];
        x[j] = directions[t][j] < 0 ? x[j] - delta : x[j] + delta;
      }
      return x;
    },
  };
}
