/**
 * The numeric range in which the engine holds capabilities (THEORY §5.2, S3; issue #11 item 6).
 *
 * Only shares of capabilities matter to the model, so the engine may hold mil, eco, pop and trade in
 * any common unit. It holds them as the scenario's values times 2^−k (k an integer, 0 unless
 * needed): multiplying by a power of two is exact in floating point, so every share, ratio and
 * choice is bit-identical to what it would be without rescaling. When the largest capability passes
 * {@link CAPABILITY_BOUND} (growth), or a scenario's largest value lies outside
 * [1/CAPABILITY_BOUND, CAPABILITY_BOUND], all of them are rescaled so that the largest is about 1.
 * Inputs the rescaling cannot make representable are rejected when the scenario is resolved.
 */

/** The engine rescales capabilities when the largest exceeds this (2^128 ≈ 3.4·10^38). */
export const CAPABILITY_BOUND = 2 ** 128;

/**
 * The widest ratio allowed between the largest capability or trade value of a scenario and any
 * capability (2^384 ≈ 3.9·10^115): beyond it a share could not be represented (it would underflow
 * to 0 or lose precision).
 */
export const CAPABILITY_RANGE = 2 ** 384;

/**
 * The smallest capability floor after a rescale, relative to the largest capability (then about 1):
 * 1/{@link CAPABILITY_RANGE}, so a state at its floor keeps a representable share however long the
 * others grow.
 */
export const FLOOR_MIN = 1 / CAPABILITY_RANGE;

/**
 * The largest growth rate per tick (2^64 ≈ 1.8·10^19): one tick multiplies a capability by at most
 * 1 + 2^64, so the rescaling keeps every value finite.
 */
export const MAX_GROWTH = 2 ** 64;

/** `x·2^e`, exact whenever the result is a normal number (2^e is applied in steps that cannot overflow). */
export function timesPowerOfTwo(x: number, e: number): number {
  let y = x;
  let k = e;
  while (k > 1000) { y *= 2 ** 1000; k -= 1000; }
  while (k < -1000) { y *= 2 ** -1000; k += 1000; }
  return y * 2 ** k;
}
