import fc from 'fast-check';

/**
 * A number on a regular grid of `steps + 1` points from `min` to `max` (both included), built on
 * `fc.integer` so that counterexamples shrink toward `min` and print as short decimals
 * (0.25 rather than 0.25000000000000006). Every arbitrary of the kit draws its reals this way.
 *
 * @param min the smallest value (the shrink target).
 * @param max the largest value.
 * @param steps the number of grid intervals (default 1000).
 */
export function gridNumber(min: number, max: number, steps = 1000): fc.Arbitrary<number> {
  if (!(max >= min) || !(steps >= 1)) throw new RangeError(`gridNumber needs min ≤ max and steps ≥ 1 (got ${min}, ${max}, ${steps})`);
  const width = max - min;
  return fc.integer({ min: 0, max: steps }).map((k) => (k === steps ? max : min + (width * k) / steps));
}
