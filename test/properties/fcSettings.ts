/**
 * fast-check settings of the property suite, from the environment:
 * - FC_SEED: the seed (default 20261122, pinned so CI is reproducible);
 * - FC_NUM_RUNS: runs per property (default 200);
 * - FC_NUM_RUNS_MULTIPLIER: multiplies FC_NUM_RUNS (`npm run test:deep` sets 100).
 */
import type { CheckSettings } from '../../src/testing/index.js';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

/** The pinned default seed. */
export const DEFAULT_FC_SEED = 20261122;
/** The seed of every property run. */
export const FC_SEED = Math.trunc(envNumber('FC_SEED', DEFAULT_FC_SEED));
/** The runs multiplier (100 for `npm run test:deep`). */
export const FC_MULTIPLIER = envNumber('FC_NUM_RUNS_MULTIPLIER', 1);
/** Runs per property. */
export const FC_NUM_RUNS = Math.max(1, Math.round(envNumber('FC_NUM_RUNS', 200) * FC_MULTIPLIER));
/** Settings for checks that must hold. */
export const HOLDS: CheckSettings = { seed: FC_SEED, numRuns: FC_NUM_RUNS };
/**
 * Settings for broken variants: they must yield a counterexample within this budget for any seed
 * (fast-check stops at the first one, then shrinks it).
 */
export const BROKEN: CheckSettings = { seed: FC_SEED, numRuns: Math.max(1000, FC_NUM_RUNS) };
/** Per-test timeout, scaled with the runs. */
export const TIMEOUT = 120_000 * Math.max(1, FC_MULTIPLIER / 4);
