import { describe, expect, it } from 'vitest';
import { affinityAllows, closeTo } from '../../../src/effects/affinityGate.js';
import type { World } from '../../../src/engine/World.js';
import { defaultParameters } from '../../../src/model/defaultParameters.js';

// Three states i = 0, k = 1, j = 2 with a hand-set affinity matrix (row-major, n = 3).
const p = { ...defaultParameters(), affinityMin: 0.5 };
const worldWith = (aKJ: number, aIK: number, aJK = 0, aKI = 0): World => {
  const affinity = new Float64Array(9);
  affinity[1 * 3 + 2] = aKJ;
  affinity[2 * 3 + 1] = aJK;
  affinity[0 * 3 + 1] = aIK;
  affinity[1 * 3 + 0] = aKI;
  return { n: 3, affinity } as unknown as World;
};
const off = { n: 3, affinity: new Float64Array(0) } as unknown as World;

describe('affinityAllows (model note N54: who may be recruited against j)', () => {
  it('always true when affinity is off, even without a shared threat', () => {
    expect(affinityAllows(off, p, 0, 1, 2, 0)).toBe(true);
    expect(affinityAllows(off, p, 0, 1, 2, 0.4)).toBe(true);
  });

  it('k must not be close to j: a_kj < a_min (strictly)', () => {
    expect(affinityAllows(worldWith(0.49, 0), p, 0, 1, 2, 0.3)).toBe(true);
    expect(affinityAllows(worldWith(0.5, 0), p, 0, 1, 2, 0.3)).toBe(false);
    expect(affinityAllows(worldWith(0.9, 0), p, 0, 1, 2, 0.3)).toBe(false);
    // it is a_kj that counts, not a_jk
    expect(affinityAllows(worldWith(0, 0, 0.9), p, 0, 1, 2, 0.3)).toBe(true);
  });

  it('i and k must not be estranged: a_ik > −a_min (strictly)', () => {
    expect(affinityAllows(worldWith(0, -0.49), p, 0, 1, 2, 0.3)).toBe(true);
    expect(affinityAllows(worldWith(0, -0.5), p, 0, 1, 2, 0.3)).toBe(false);
    expect(affinityAllows(worldWith(0, 0.9), p, 0, 1, 2, 0.3)).toBe(true);
    // it is a_ik that counts, not a_ki
    expect(affinityAllows(worldWith(0, 0, 0, -0.9), p, 0, 1, 2, 0.3)).toBe(true);
  });

  it('k must share the threat: T_kj > 0', () => {
    expect(affinityAllows(worldWith(0, 0), p, 0, 1, 2, 0)).toBe(false);
    expect(affinityAllows(worldWith(0, 0), p, 0, 1, 2, 1e-9)).toBe(true);
  });

  it('follows a_min', () => {
    expect(affinityAllows(worldWith(0.3, 0), { ...p, affinityMin: 0.2 }, 0, 1, 2, 0.3)).toBe(false);
    expect(affinityAllows(worldWith(0, -0.3), { ...p, affinityMin: 0.2 }, 0, 1, 2, 0.3)).toBe(false);
    expect(affinityAllows(worldWith(0.3, -0.3), { ...p, affinityMin: 0.4 }, 0, 1, 2, 0.3)).toBe(true);
  });
});

describe('closeTo (a_kj ≥ a_min)', () => {
  it('is false when affinity is off, and compares a_kj (inclusive) when it is on', () => {
    expect(closeTo(off, p, 1, 2)).toBe(false);
    expect(closeTo(worldWith(0.5, 0), p, 1, 2)).toBe(true);
    expect(closeTo(worldWith(0.49, 0), p, 1, 2)).toBe(false);
    expect(closeTo(worldWith(0, 0, 0.9), p, 1, 2)).toBe(false);
    expect(closeTo(worldWith(0, 0, 0.9), p, 2, 1)).toBe(true);
  });
});
