import seedrandom from 'seedrandom';

/**
 * A stream of uniforms in [0, 1) keyed by a string (seedrandom's Alea, as the engine's state
 * streams): the same key gives the same stream on every platform. For randomness outside a run,
 * such as sampling a Latin hypercube design; never `Math.random`.
 *
 * @param key what the stream is for, e.g. `lhs:7:system.lambda`.
 * @returns a function that returns the next uniform of the stream on each call.
 */
export function seededUniform(key: string): () => number {
  return seedrandom.alea(`counterpoise:${key}`);
}
