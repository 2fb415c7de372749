/**
 * The system invariants of THEORY §6 (S1–S3): whole ticks, or perceive + decide, of small random
 * worlds. broken/system.broken.test.ts shows each can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('system invariants (THEORY §6)', () => {
  // Source: "Updates are synchronous, for determinism and permutation-equivariance" (§5.8)
  it('S1 relabelling the states permutes the outputs [THEORY §5.8]', () => { expectHolds('S1'); }, TIMEOUT);

  // Source: "All states sample actions simultaneously. Each uses an RNG stream keyed by (seed, agent id, tick)." (§5.8)
  it('S2 the same seed and scenario give the same trajectory [THEORY §5.8]', () => { expectHolds('S2'); }, TIMEOUT);

  // Source: "cinc_i = (mil_i/Σmil + eco_i/Σeco + pop_i/Σpop) / 3" (§5.2) and "W_ij = X_ij/eco_i" (§5.1)
  it('S3 rescaling a capability component leaves every choice probability unchanged [THEORY §5.2]', () => { expectHolds('S3'); }, TIMEOUT);
});
