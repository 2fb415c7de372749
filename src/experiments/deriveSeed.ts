import { canonicalJson } from './canonicalJson.js';
import type { ParameterValue } from './parameterPath.js';
import { sha256 } from './sha256.js';

/** What a run is, for {@link deriveSeed}. */
export interface SeedKey {
  /** The sweep's base seed. */
  baseSeed: number | string;
  /** The scenario's id (`meta.id`). */
  scenarioId: string;
  /** The design point's values by canonical parameter path (order does not matter). */
  point: Readonly<Record<string, ParameterValue>>;
  /** The replicate, 0-based. */
  replicate: number;
}

/** The largest derived seed + 1: seeds are whole numbers in [0, 2^48), exact in doubles, JSON and CSV. */
export const SEED_LIMIT = 2 ** 48;

/**
 * The text hashed for a run's seed: canonical JSON (sorted keys, no white space) of
 * `{ v: 1, base, scenario, point, replicate }`. Exposed so that the derivation can be checked or
 * reproduced elsewhere (docs/experiments.md shows it in Python).
 */
export function seedKeyText(key: SeedKey): string {
  return canonicalJson({ v: 1, base: key.baseSeed, scenario: key.scenarioId, point: key.point, replicate: key.replicate });
}

/**
 * A run's seed from what the run is — (base seed, scenario id, design point values, replicate) —
 * never from its position in a design or the time (STYLE point 4): the first 48 bits of the SHA-256
 * of {@link seedKeyText}, as a whole number. Adding, removing or reordering design points changes no
 * other point's seeds; the same run gets the same seed in any sweep, shard or worker. Pure.
 *
 * @example
 * deriveSeed({ baseSeed: 42, scenarioId: 'concert-of-europe', point: { 'system.lambda': 0.5 }, replicate: 0 })
 */
export function deriveSeed(key: SeedKey): number {
  if (!(Number.isInteger(key.replicate) && key.replicate >= 0)) throw new RangeError(`replicate must be a whole number ≥ 0 (got ${key.replicate})`);
  const h = sha256(seedKeyText(key));
  // Big-endian first six bytes: h0·2^40 + … + h5, below 2^48 so exact as a double.
  return ((h[0] * 256 + h[1]) * 256 + h[2]) * 2 ** 24 + ((h[3] * 256 + h[4]) * 256 + h[5]);
}
